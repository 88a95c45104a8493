// Windows prefix policies:
//   netsh interface ipv6 add prefixpolicy ::1/128 50 0   (also `set`, `prefix=` style,
//                                                         `store=active|persistent`)
//   netsh interface ipv6 show prefixpolicies  ->  Precedence  Label  Prefix
//                                                 ----------  -----  ------
//                                                         50      0  ::1/128
import { prefixText } from '../model/address.js';
import { isPrefixProblem, lineError, lineOutOfRange, parsePrefix, readRowLines, rowEntry } from './line-reader-kit.js';
import type { ReaderFinding, ReaderOutput } from './reader-finding.js';
import { formatCommandScript, type PolicyDocument } from './document.js';

const COMMAND = /^\s*(?:netsh\s+)?(?:interface|int)\s+(?:ipv6|ip6)\s+(?:add|set)\s+prefixpolicy\s+(.*)$/i;
const SHOW_ROW = /^\s*([0-9]+)\s+([0-9]+)\s+(\S+)\s*$/;
const SKIPPED = [/^\s*Querying active state/i, /^\s*Precedence\s+Label\s+Prefix\s*$/i, /^\s*-+[\s-]*$/, /^\s*Ok\.?\s*$/i];
const UINT32_MAX = 0xffffffff;

export function readNetsh(source: string): ReaderOutput {
  return readRowLines(
    source,
    (code) => SKIPPED.some((re) => re.test(code)),
    (line, code, trailing) => {
      const warnings: ReaderFinding[] = [];
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
      if (!fields?.prefix || !fields.precedence || !fields.label) {
        return { error: lineError(line, 'netshNotACommand', {}) };
      }
      const prefix = parsePrefix(fields.prefix);
      const precedence = Number(fields.precedence);
      const label = Number(fields.label);
      if (isPrefixProblem(prefix)) {
        return { error: lineError(line, 'lineBadPrefix', prefix) };
      }
      if (![precedence, label].every((v) => Number.isInteger(v) && v >= 0 && v <= UINT32_MAX) || !/^[0-9]+$/.test(fields.precedence + fields.label)) {
        return { error: lineOutOfRange(line, 'netshValues', {}) };
      }
      return { row: rowEntry(line, fields.prefix, prefix, precedence, label, trailing), warnings };
    },
  );
}

/** `netsh interface ipv6 add prefixpolicy` commands (a netsh script: `#` comments). */
export function formatNetsh(doc: PolicyDocument): string {
  return formatCommandScript(
    doc,
    'netsh',
    (row) => `netsh interface ipv6 add prefixpolicy ${prefixText(row.prefix, row.length)} ${row.precedence} ${row.label}`,
    false,
  );
}
