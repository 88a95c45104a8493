// Windows prefix policies:
//   netsh interface ipv6 add prefixpolicy ::1/128 50 0   (also `set`, `prefix=` style,
//                                                         `store=active|persistent`)
//   netsh interface ipv6 show prefixpolicies  ->  Precedence  Label  Prefix
//                                                 ----------  -----  ------
//                                                         50      0  ::1/128
import type { CommentNode, RowEntry } from '../ast.js';
import type { Diagnostic } from '../diagnostic.js';
import { commentNode, lineError, makePolicy, parsePrefix, rowEntry, splitComment, splitSourceLines } from '../convert/build-policy.js';
import { prefixText, type PolicyDocument } from '../convert/document.js';
import type { ReadResult } from './ip6addrctl-reader.js';

const COMMAND = /^\s*(?:netsh\s+)?(?:interface|int)\s+(?:ipv6|ip6)\s+(?:add|set)\s+prefixpolicy\s+(.*)$/i;
const SHOW_ROW = /^\s*([0-9]+)\s+([0-9]+)\s+(\S+)\s*$/;
const SKIPPED = [/^\s*Querying active state/i, /^\s*Precedence\s+Label\s+Prefix\s*$/i, /^\s*-+[\s-]*$/, /^\s*Ok\.?\s*$/i];
const UINT32_MAX = 0xffffffff;

export function readNetsh(source: string): ReadResult {
  const entries: RowEntry[] = [];
  const comments: CommentNode[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const line of splitSourceLines(source)) {
    const { code, comment } = splitComment(line.text);
    const node = comment !== undefined ? commentNode(line, comment, code.trim() !== '') : undefined;
    if (node) comments.push(node);
    if (code.trim() === '' || SKIPPED.some((re) => re.test(code))) continue;
    let fields: { prefix?: string; precedence?: string; label?: string } | undefined;
    const command = COMMAND.exec(code);
    if (command) {
      const positional: string[] = [];
      const named: Record<string, string> = {};
      for (const word of command[1]!.trim().split(/\s+/)) {
        const eq = word.indexOf('=');
        if (eq > 0) named[word.slice(0, eq).toLowerCase()] = word.slice(eq + 1);
        else positional.push(word);
      }
      fields = { prefix: named.prefix ?? positional[0], precedence: named.precedence ?? positional[1], label: named.label ?? positional[2] };
    } else {
      const row = SHOW_ROW.exec(code);
      if (row) fields = { precedence: row[1], label: row[2], prefix: row[3] };
    }
    if (!fields || !fields.prefix || !fields.precedence || !fields.label) {
      diagnostics.push(lineError(line, 'Not a `netsh interface ipv6 add prefixpolicy PREFIX PRECEDENCE LABEL` command or `show prefixpolicies` row: line ignored.'));
      continue;
    }
    const prefix = parsePrefix(fields.prefix);
    const precedence = Number(fields.precedence);
    const label = Number(fields.label);
    if (typeof prefix === 'string') {
      diagnostics.push(lineError(line, `${prefix}: line ignored.`));
      continue;
    }
    if (![precedence, label].every((v) => Number.isInteger(v) && v >= 0 && v <= UINT32_MAX) || !/^[0-9]+$/.test(fields.precedence + fields.label)) {
      diagnostics.push(lineError(line, 'Precedence and label must be whole numbers from 0 to 4294967295: line ignored.', 'value-out-of-range'));
      continue;
    }
    entries.push(rowEntry(line, fields.prefix, prefix, precedence, label, node?.trailing ? node : undefined));
  }
  return { policy: makePolicy('ip6addrctl', source, entries, comments), diagnostics };
}

/** `netsh interface ipv6 add prefixpolicy` commands (a netsh script: `#` comments). */
export function formatNetsh(doc: PolicyDocument): string {
  const lines: string[] = [];
  for (const item of doc.items) {
    if (item.kind === 'blank') lines.push('');
    else if (item.kind === 'comment') lines.push(item.text.startsWith('#') ? item.text : `# ${item.text}`);
    else if (item.kind === 'row') {
      const command = `netsh interface ipv6 add prefixpolicy ${prefixText(item.prefix, item.length)} ${item.precedence} ${item.label}`;
      // netsh scripts know only whole-line comments.
      if (item.comment) lines.push(item.comment);
      lines.push(command);
    } else throw new Error(`netsh has no ${item.kind} lines`);
  }
  return lines.length === 0 ? '' : lines.join(doc.eol) + doc.eol;
}
