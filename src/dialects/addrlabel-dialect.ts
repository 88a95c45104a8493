// Linux `ip addrlabel` commands and `ip addrlabel list` output:
//   ip addrlabel add prefix 2001:db8::/32 label 99      (also `ip -6 addrlabel`, `dev IF`)
//   prefix ::1/128 label 0
// The kernel's labels steer SOURCE address selection only; glibc's destination sorting
// reads labels from gai.conf, never from the kernel. There is no precedence.
import type { CommentNode, RowEntry } from '../ast.js';
import type { Diagnostic } from '../diagnostic.js';
import { commentNode, lineError, makePolicy, parsePrefix, rowEntry, spanIn, splitComment, splitSourceLines } from '../convert/build-policy.js';
import { prefixText, type PolicyDocument } from '../convert/document.js';
import type { ReadResult } from './ip6addrctl-reader.js';

/** IPV6_ADDR_LABEL_DEFAULT: what the kernel gives an address no row matches; refused as a label. */
export const LINUX_NO_LABEL = 0xffffffff;
const COMMAND = /^\s*ip\s+(?:-6\s+)?addrlabel\s+(?:add|a)\s+(.*)$/;
const LIST_ROW = /^\s*(prefix\s+.*)$/;

export function readAddrlabel(source: string): ReadResult {
  const entries: RowEntry[] = [];
  const comments: CommentNode[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const line of splitSourceLines(source)) {
    const { code, comment } = splitComment(line.text);
    const node = comment !== undefined ? commentNode(line, comment, code.trim() !== '') : undefined;
    if (node) comments.push(node);
    if (code.trim() === '') continue;
    const args = (COMMAND.exec(code) ?? LIST_ROW.exec(code))?.[1];
    if (args === undefined) {
      diagnostics.push(lineError(line, 'Not an `ip addrlabel add prefix P label N` command or `ip addrlabel list` row: line ignored.'));
      continue;
    }
    const words = args.trim().split(/\s+/);
    const option = (name: string) => {
      const i = words.indexOf(name);
      return i >= 0 ? words[i + 1] : undefined;
    };
    const prefixWord = option('prefix');
    const labelWord = option('label');
    if (!prefixWord || labelWord === undefined || !/^[0-9]+$/.test(labelWord)) {
      diagnostics.push(lineError(line, 'Needs `prefix PREFIX/LEN` and `label N`: line ignored.'));
      continue;
    }
    const prefix = parsePrefix(prefixWord, false);
    if (typeof prefix === 'string') {
      diagnostics.push(lineError(line, `${prefix}: line ignored.`));
      continue;
    }
    const label = Number(labelWord);
    if (label >= LINUX_NO_LABEL) {
      diagnostics.push(lineError(line, `Label ${labelWord}: the kernel refuses labels from 4294967295 up (EINVAL): line ignored.`, 'value-out-of-range'));
      continue;
    }
    const dev = option('dev');
    if (dev !== undefined) {
      diagnostics.push({
        ruleId: 'interface-label',
        severity: 'warning',
        message: `\`dev ${dev}\`: this label applies on ${dev} only; policy tables elsewhere have no per-interface rows, so it is read as applying everywhere.`,
        span: spanIn(line),
      });
    }
    // No precedence exists: 0 is a placeholder that is never compared (labels-only model).
    entries.push(rowEntry(line, prefixWord, prefix, 0, label, node?.trailing ? node : undefined));
  }
  return { policy: makePolicy('ip6addrctl', source, entries, comments), diagnostics };
}

/** `ip addrlabel add` commands, one per row; `#` comments are shell comments. */
export function formatAddrlabel(doc: PolicyDocument): string {
  const lines: string[] = [];
  for (const item of doc.items) {
    if (item.kind === 'blank') lines.push('');
    else if (item.kind === 'comment') lines.push(item.text.startsWith('#') ? item.text : `# ${item.text}`);
    else if (item.kind === 'row') {
      const command = `ip addrlabel add prefix ${prefixText(item.prefix, item.length)} label ${item.label}`;
      lines.push(item.comment ? `${command}  ${item.comment}` : command);
    } else throw new Error(`ip addrlabel has no ${item.kind} lines`);
  }
  return lines.length === 0 ? '' : lines.join(doc.eol) + doc.eol;
}
