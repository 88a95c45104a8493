// Linux `ip addrlabel` commands and `ip addrlabel list` output:
//   ip addrlabel add prefix 2001:db8::/32 label 99      (also `ip -6 addrlabel`, `dev IF`)
//   prefix ::1/128 label 0
// The kernel's labels steer SOURCE address selection only; glibc's destination sorting
// reads labels from gai.conf, never from the kernel. There is no precedence.
import { prefixText } from '../model/address.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { lineError, parsePrefix, readRowLines, rowEntry, spanIn } from './line-reader-kit.js';
import { formatCommandScript, type PolicyDocument } from './document.js';
import type { ReadResult } from './ip6addrctl-reader.js';

/** IPV6_ADDR_LABEL_DEFAULT: what the kernel gives an address no row matches; refused as a label. */
export const LINUX_NO_LABEL = 0xffffffff;
const COMMAND = /^\s*ip\s+(?:-6\s+)?addrlabel\s+(?:add|a)\s+(.*)$/;
const LIST_ROW = /^\s*(prefix\s+.*)$/;

export function readAddrlabel(source: string): ReadResult {
  return readRowLines(source, () => false, (line, code, trailing) => {
    const warnings: Diagnostic[] = [];
    const args = (COMMAND.exec(code) ?? LIST_ROW.exec(code))?.[1];
    if (args === undefined) {
      return { error: lineError(line, 'Not an `ip addrlabel add prefix P label N` command or `ip addrlabel list` row: line ignored.') };
    }
    const words = args.trim().split(/\s+/);
    const option = (name: string) => {
      const i = words.indexOf(name);
      return i >= 0 ? words[i + 1] : undefined;
    };
    const prefixWord = option('prefix');
    const labelWord = option('label');
    if (!prefixWord || labelWord === undefined || !/^[0-9]+$/.test(labelWord)) {
      return { error: lineError(line, 'Needs `prefix PREFIX/LEN` and `label N`: line ignored.') };
    }
    const prefix = parsePrefix(prefixWord, false);
    if (typeof prefix === 'string') {
      return { error: lineError(line, `${prefix}: line ignored.`) };
    }
    const label = Number(labelWord);
    if (label >= LINUX_NO_LABEL) {
      return { error: lineError(line, `Label ${labelWord}: the kernel refuses labels from 4294967295 up (EINVAL): line ignored.`, 'value-out-of-range') };
    }
    const dev = option('dev');
    if (dev !== undefined) {
      warnings.push({
        ruleId: 'interface-label',
        severity: 'warning',
        message: `\`dev ${dev}\`: this label applies on ${dev} only; policy tables elsewhere have no per-interface rows, so it is read as applying everywhere.`,
        span: spanIn(line),
      });
    }
    // No precedence exists: 0 is a placeholder that is never compared (labels-only model).
    return { row: rowEntry(line, prefixWord, prefix, 0, label, trailing), warnings };
  });
}

/** `ip addrlabel add` commands, one per row; `#` comments are shell comments. */
export function formatAddrlabel(doc: PolicyDocument): string {
  return formatCommandScript(doc, 'ip addrlabel', (row) => `ip addrlabel add prefix ${prefixText(row.prefix, row.length)} label ${row.label}`, true);
}
