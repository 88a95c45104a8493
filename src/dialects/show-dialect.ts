// `ip6addrctl show` output (what users paste from a FreeBSD host): the kernel's table.
//   Prefix                          Prec Label      Use
//   ::1/128                           50     0        0
//   ::ffff:0.0.0.0/96                 35     4        0
// The Use column (a packet counter) is ignored; an empty table prints
// "no source-address-selection policy is installed".
import { prefixText } from '../model/address.js';
import { isPrefixProblem, lineError, lineOutOfRange, parsePrefix, readRowLines, rowEntry } from './line-reader-kit.js';
import type { PolicyDocument } from './document.js';
import type { ReaderOutput } from './reader-finding.js';

export const EMPTY_TABLE_MESSAGE = 'no source-address-selection policy is installed';
const HEADER = /^\s*Prefix\s+Prec\s+Label(\s+Use)?\s*$/;
const ROW = /^\s*(\S+)\s+(-?[0-9]+)\s+(-?[0-9]+)(?:\s+[0-9]+)?\s*$/;

export function readShow(source: string): ReaderOutput {
  const skip = (code: string) => HEADER.test(code) || code.trim() === EMPTY_TABLE_MESSAGE;
  return readRowLines(source, skip, (line, code, trailing) => {
    const m = ROW.exec(code);
    if (!m) return { error: lineError(line, 'showNotARow', {}) };
    const prefix = parsePrefix(m[1]!);
    if (isPrefixProblem(prefix)) return { error: lineError(line, 'lineBadPrefix', prefix) };
    const [precedence, label] = [Number(m[2]), Number(m[3])];
    // The kernel's values are C ints, printed with %d: anything else was not printed by it.
    if (![precedence, label].every((v) => v >= -2147483648 && v <= 2147483647)) {
      return { error: lineOutOfRange(line, 'showNotCInt', {}) };
    }
    return { row: rowEntry(line, m[1]!, prefix, precedence, label, trailing) };
  });
}

/** The table as `ip6addrctl show` prints it (Use 0); comments cannot be shown. */
export function formatShow(doc: PolicyDocument): string {
  const rows = doc.items.flatMap((item) => (item.kind === 'row' ? [item] : []));
  if (rows.length === 0) return EMPTY_TABLE_MESSAGE + doc.eol;
  const lines = [`${'Prefix'.padEnd(30)} ${'Prec'.padStart(5)} ${'Label'.padStart(5)} ${'Use'.padStart(8)}`];
  for (const r of rows) {
    lines.push(`${prefixText(r.prefix, r.length, 'dotted').padEnd(30)} ${String(r.precedence).padStart(5)} ${String(r.label).padStart(5)} ${'0'.padStart(8)}`);
  }
  return lines.join(doc.eol) + doc.eol;
}
