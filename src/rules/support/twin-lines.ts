// Which lines repeat an earlier line's prefix (the same kind of line, length and masked
// prefix): duplicate-prefix reports them, redundant-entry leaves them to it. Worked out once
// per policy: the sort behind it is a quarter of a second at 500k rows (issue 13).
import { maskValue } from '../../model/address.js';
import type { GaiEntry, Policy, RowEntry } from '../../model/ast.js';
import { isFreebsdTableRow, type EffectiveTable } from '../../model/effective-table.js';
import { earlierTwins } from '../../model/prefix-sort.js';
import { prefixEntries, valueLines } from './value-lines.js';

export interface TwinLines {
  /** prefixEntries(policy). */
  readonly lines: readonly (RowEntry | GaiEntry)[];
  /** For each line, the index of the first line it repeats; -1 for a line that repeats none. */
  readonly twins: Int32Array;
  /** The same for valueLines(policy) (the lines less scopev4 ones), by value line index. */
  readonly valueLineTwins: Int32Array;
}

const KINDS = ['row', 'label', 'precedence', 'scopev4'];
const cache = new WeakMap<Policy, TwinLines>();

/**
 * An installable ip6addrctl.conf whose every row is a row of its FreeBSD table, in file
 * order: the table's own sort found the twins (the same masked prefix and length), and a
 * second sort of 500k rows is 0.3 s (issue 13). Undefined when the table is another's.
 */
function twinsFromTable(policy: Policy, table: EffectiveTable, lines: readonly (RowEntry | GaiEntry)[]): Int32Array | undefined {
  if (policy.dialect !== 'ip6addrctl' || table.system !== 'freebsd' || !policy.installable) return undefined;
  const rows = table.labels;
  const values = valueLines(policy);
  if (rows.size !== lines.length || values.length !== lines.length) return undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = values[i]!;
    if (line.entry !== lines[i] || !isFreebsdTableRow(line.entry) || rows.lengthAt(i) !== line.length || rows.prefixAt(i) !== line.prefix) return undefined;
  }
  return rows.earlierTwins();
}

/** `table`: the policy's own effective table (the rule context's). */
export function twinLines(policy: Policy, table: EffectiveTable): TwinLines {
  const cached = cache.get(policy);
  if (cached) return cached;
  const lines = prefixEntries(policy);
  const twins =
    twinsFromTable(policy, table, lines) ??
    earlierTwins(
      lines.map((e) => KINDS.indexOf(e.kind) * 129 + e.prefix.length),
      lines.map((e) => maskValue(e.prefix.address, e.prefix.length)),
    );
  // valueLines keeps every line but scopev4 ones, in order; a line's twin is of its own kind.
  const valueIndex = new Int32Array(lines.length).fill(-1);
  let count = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.kind !== 'scopev4') valueIndex[i] = count++;
  const valueLineTwins = new Int32Array(count).fill(-1);
  for (let i = 0; i < lines.length; i++) if (valueIndex[i]! >= 0 && twins[i]! >= 0) valueLineTwins[valueIndex[i]!] = valueIndex[twins[i]!]!;
  const out = { lines, twins, valueLineTwins };
  cache.set(policy, out);
  return out;
}
