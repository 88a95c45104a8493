// A row whose addresses would get the same values from the row that covers it: removing
// it changes nothing for any address (its addresses fall to that covering row), so it is
// info, never a warning. A row that restates a prefix the platform's default table gives
// another value (`label fc00::/7 1` beside `label ::/0 1`, the documented ULA fix) says on
// purpose what the file changes, and is not reported.
import { isGaiTableEntry, isRow, type Entry, type Policy } from '../model/ast.js';
import type { Rule } from './rule.js';
import { isFreebsdTableRow, lookup, type EffectiveTable } from '../model/effective-table.js';
import { impactOf } from './support/impact.js';
import type { ValueLine } from './support/value-lines.js';

/** Does the default table give this exact prefix another value than the line does? */
function overridesDefault(line: ValueLine, baseline: EffectiveTable): boolean {
  const label = baseline.labels.exact(line.prefix, line.length);
  const precedence = baseline.precedences.exact(line.prefix, line.length);
  const was = lookup(baseline, line.prefix);
  return (
    (label !== undefined && line.label !== undefined && was.label !== line.label) ||
    (precedence !== undefined && line.precedence !== undefined && was.precedence !== line.precedence)
  );
}
/** How many label and precedence lines a gai.conf has (counted once, not per line). */
function countKinds(entries: readonly Entry[]): { label: number; precedence: number } {
  const counts = { label: 0, precedence: 0 };
  for (const e of entries) if (isGaiTableEntry(e) && (e.kind === 'label' || e.kind === 'precedence')) counts[e.kind]++;
  return counts;
}
import { prefixText } from '../model/address.js';
import { twinLines } from './support/twin-lines.js';
import { valueLines } from './support/value-lines.js';
import { wholeLineRange } from './support/line-edits.js';

/**
 * The table row of each line that repeats no earlier line, where its position says it: a
 * FreeBSD table's rows are the file's rows in file order (isFreebsdTableRow), so the k-th
 * such row is row k, and a row that repeats no earlier one is the row that takes effect for
 * its prefix. -1 for the rest, which are looked up (a row the kernel refuses, label -1, may
 * still have a later twin in the table). At 500k rows, 500k lookups fewer (issue 13: 0.3 s).
 */
function ownRowsByPosition(policy: Policy, table: EffectiveTable, lines: readonly ValueLine[], twins: Int32Array): Int32Array {
  const owns = new Int32Array(lines.length).fill(-1);
  if (table.system !== 'freebsd' || !policy.installable) return owns;
  const rows = table.labels;
  let k = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isFreebsdTableRow(line.entry)) continue;
    // The table was built from this very policy: anything else, and every line is looked up.
    if (k >= rows.size || rows.lengthAt(k) !== line.length || rows.prefixAt(k) !== line.prefix) return owns.fill(-1);
    if (twins[i]! < 0) owns[i] = k;
    k++;
  }
  return k === rows.size ? owns : owns.fill(-1);
}

export const rule: Rule = {
  meta: {
    id: 'redundant-entry',
    defaultSeverity: 'info',
    description: 'A row identical in effect to the row that covers it.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const { policy, table } = context;
    const baseline = impactOf(context).baseline;
    // A later line of the same kind, length and prefix as an earlier one: duplicate-prefix reports it.
    const lines = valueLines(policy);
    const twins = twinLines(policy, table).valueLineTwins;
    // A row sets both tables; a gai.conf line one of them.
    const setsLabel = (line: ValueLine) => isRow(line.entry) || line.label !== undefined;
    // Each line's own row in the table it sets first: by position where that is known, the
    // others looked up all at once (in address order).
    const owns = ownRowsByPosition(policy, table, lines, twins);
    for (const labels of [true, false]) {
      const asked: number[] = [];
      for (let i = 0; i < lines.length; i++) if (twins[i]! < 0 && owns[i]! < 0 && setsLabel(lines[i]!) === labels) asked.push(i);
      if (asked.length === 0) continue;
      const found = (labels ? table.labels : table.precedences).exactAll(
        asked.map((i) => lines[i]!.prefix),
        asked.map((i) => lines[i]!.length),
      );
      for (let k = 0; k < asked.length; k++) owns[asked[k]!] = found[k]!;
    }
    let kindCounts: { label: number; precedence: number } | undefined;
    for (let i = 0; i < lines.length; i++) {
      if (twins[i]! >= 0) continue;
      const line = lines[i]!;
      const first = setsLabel(line) ? table.labels : table.precedences;
      const second = isRow(line.entry) ? table.precedences : undefined;
      // Only a row that itself takes effect (the first of its prefix) can be redundant...
      // (by index, not row objects: this asks of every line of a 500k-row file)
      const own = owns[i]!;
      if (own < 0 || first.originAt(own) !== 'file') continue;
      // A FreeBSD table's halves share one shape: the same row decides in both.
      const ownSecond = second ? (second.sharesShapeWith(first) ? own : (second.exact(line.prefix, line.length)?.index ?? -1)) : -1;
      if (second && (ownSecond !== own || second.originAt(ownSecond) !== 'file')) continue;
      // ...and only when the row that covers it gives the same values.
      const parent = first.parentIndexOf(own);
      if (parent < 0 || first.valueAt(parent) !== first.valueAt(own)) continue;
      if (second) {
        const parentSecond = second.parentIndexOf(ownSecond);
        if (parentSecond < 0 || second.valueAt(parentSecond) !== second.valueAt(ownSecond)) continue;
      }
      if (overridesDefault(line, baseline)) continue;
      // A gai.conf's only line of its kind: removing it brings back glibc's whole default table.
      if (!isRow(line.entry)) {
        kindCounts ??= countKinds(policy.entries);
        if (kindCounts[line.label !== undefined ? 'label' : 'precedence'] === 1) continue;
      }
      context.report({
        message: `${prefixText(line)} gives the same ${isRow(line.entry) ? 'precedence and label' : line.label !== undefined ? 'label' : 'precedence'} as the row that covers it, ${prefixText(first.rowAt(parent)!)}: removing it changes no address. Remove it if it documents nothing.`,
        span: line.entry.span,
        fix: { safety: 'safe', description: 'remove the redundant row', edits: [{ ...wholeLineRange(policy, line.entry), text: '' }] },
      });
    }
  },
};
