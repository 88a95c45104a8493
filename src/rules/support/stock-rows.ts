// Is a row one that some platform ships? (Such rows are never the author's mistake.)
import { parseIPv6 } from '../../model/address.js';
import { BUILTIN_TABLES, GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES } from '../../model/builtin-tables.js';
import type { ValueLine } from './value-lines.js';

/** Is this exact row (prefix and the values it sets) in any built-in table policylint knows? */
export function isStockRow(line: ValueLine): boolean {
  const same = (text: string) => {
    const [a, l] = text.split('/');
    return parseIPv6(a!) === line.prefix && Number(l) === line.length;
  };
  const glibc = (table: readonly (readonly [string, number])[], value: number | undefined) =>
    value === undefined || table.some(([t, v]) => same(t) && v === value);
  if (
    glibc(GLIBC_DEFAULT_LABELS, line.label) &&
    glibc(GLIBC_DEFAULT_PRECEDENCES, line.precedence) &&
    (line.label !== undefined || line.precedence !== undefined) &&
    (line.label === undefined || line.precedence === undefined)
  )
    return true;
  return Object.values(BUILTIN_TABLES).some((t) =>
    t.rows.some(
      (r) => same(r.prefix) && (line.label === undefined || r.label === line.label) && (line.precedence === undefined || r.precedence === line.precedence),
    ),
  );
}
