// Linux `ip addrlabel` commands and `ip addrlabel list` output:
//   ip addrlabel add prefix 2001:db8::/32 label 99      (also `ip -6 addrlabel`, `dev IF`)
//   prefix ::1/128 label 0
// The kernel's labels steer SOURCE address selection only; glibc's destination sorting
// reads labels from gai.conf, never from the kernel. There is no precedence.
import { prefixText } from '../model/address.js';
import { isPrefixProblem, lineError, lineOutOfRange, parsePrefix, readRowLines, rowEntry, spanIn } from './line-reader-kit.js';
import { finding, type ReaderFinding, type ReaderOutput } from './reader-finding.js';
import { formatCommandScript, type PolicyDocument } from './document.js';

/** IPV6_ADDR_LABEL_DEFAULT: what the kernel gives an address no row matches; refused as a label. */
export const LINUX_NO_LABEL = 0xffffffff;
const COMMAND = /^\s*ip\s+(?:-6\s+)?addrlabel\s+(?:add|a)\s+(.*)$/;
const LIST_ROW = /^\s*(prefix\s+.*)$/;

export function readAddrlabel(source: string): ReaderOutput {
  return readRowLines(
    source,
    () => false,
    (line, code, trailing) => {
      const warnings: ReaderFinding[] = [];
      const args = (COMMAND.exec(code) ?? LIST_ROW.exec(code))?.[1];
      if (args === undefined) {
        return { error: lineError(line, 'addrlabelNotACommand', {}) };
      }
      const words = args.trim().split(/\s+/);
      const option = (name: string) => {
        const i = words.indexOf(name);
        return i >= 0 ? words[i + 1] : undefined;
      };
      const prefixWord = option('prefix');
      const labelWord = option('label');
      if (!prefixWord || labelWord === undefined || !/^[0-9]+$/.test(labelWord)) {
        return { error: lineError(line, 'addrlabelFields', {}) };
      }
      const prefix = parsePrefix(prefixWord, false);
      if (isPrefixProblem(prefix)) {
        return { error: lineError(line, 'lineBadPrefix', prefix) };
      }
      const label = Number(labelWord);
      if (label >= LINUX_NO_LABEL) {
        return { error: lineOutOfRange(line, 'addrlabelLabel', { label: labelWord }) };
      }
      const dev = option('dev');
      if (dev !== undefined) {
        warnings.push(finding('interface-label', 'addrlabelDev', { dev }, spanIn(line), { severity: 'warning' }));
      }
      // No precedence exists: 0 is a placeholder that is never compared (labels-only model).
      return { row: rowEntry(line, prefixWord, prefix, 0, label, trailing), warnings };
    },
  );
}

/** `ip addrlabel add` commands, one per row; `#` comments are shell comments. */
export function formatAddrlabel(doc: PolicyDocument): string {
  return formatCommandScript(doc, 'ip addrlabel', (row) => `ip addrlabel add prefix ${prefixText(row.prefix, row.length)} label ${row.label}`, true);
}
