// Which part of a policy causes each harmful change against the baseline: a glibc table
// the file replaced (its lost defaults), a stock row a FreeBSD file leaves out, or one
// line. Each is tested as a counterfactual: the change is the cause's when undoing the
// cause alone makes that scenario behave as the baseline does. Only the changed scenarios
// are simulated again, and only the first MAX_LINES lines are tried one by one.
import { isGaiTableEntry, isRow, type Entry, type Policy } from '../model/ast.js';
import { effectiveTable, type EffectiveTable } from '../model/effective-table.js';
import type { GradedChange } from './changes.js';
import { lostGlibcDefaults, withFreebsdRows, withGlibcDefaults, type DefaultRow, type FreebsdRow, type GlibcTableKind } from './counterfactual-tables.js';
import { changes, type ImpactSetup } from './policy-impact.js';
import { stockTableOf } from './stock-tables.js';

export type Cause =
  | { readonly kind: 'table-loss'; readonly table: GlibcTableKind; readonly lost: readonly DefaultRow[]; readonly restore: readonly DefaultRow[] }
  | { readonly kind: 'missing-row'; readonly row: FreebsdRow }
  | { readonly kind: 'line'; readonly entry: Entry }
  | { readonly kind: 'file' };

export interface Attributed {
  readonly cause: Cause;
  readonly changes: readonly GradedChange[];
}

/** Beyond this many lines, lines are not tried one by one (their changes stay with the file). */
export const MAX_LINES = 200;
/** Each line tried builds the table again: lines tried x table rows stays under this. */
export const ABLATION_ROW_BUDGET = 100_000;
/** Beyond this many lines no counterfactual is built at all: the changes stay with the file (a 500k-row table costs one comparison). */
export const MAX_ATTRIBUTED_LINES = 2_000;

const harmful = (list: readonly GradedChange[]) => list.filter((c) => c.severity === 'warning' || c.severity === 'error');

export function attribute(setup: ImpactSetup, policy: Policy, table: EffectiveTable): Attributed[] {
  // A platform's own table adopted whole (FreeBSD's ipv4_prefer, say) is not the author's change.
  if (stockTableOf(table)) return [];
  // A FreeBSD file whose install aborts leaves no table at all: the reader's error says so.
  if (!policy.installable) return [];
  let open = harmful(changes(setup, setup.baseline, table));
  if (open.length === 0) return [];
  const out: Attributed[] = [];
  const valueEntries = policy.entries.filter((e) => isRow(e) || isGaiTableEntry(e));
  if (valueEntries.length > MAX_ATTRIBUTED_LINES) return [{ cause: { kind: 'file' }, changes: open }];
  /** Claim the open changes that the counterfactual table undoes. */
  const claim = (cause: Cause, counterfactual: EffectiveTable) => {
    const still = new Set(
      harmful(
        changes(
          setup,
          setup.baseline,
          counterfactual,
          open.map((c) => c.index),
        ),
      ).map((c) => c.index),
    );
    const undone = open.filter((c) => !still.has(c.index));
    if (undone.length === 0) return;
    out.push({ cause, changes: undone });
    open = open.filter((c) => still.has(c.index));
  };

  if (policy.dialect === 'gai') {
    for (const kind of ['label', 'precedence', 'scopev4'] as const) {
      if (open.length === 0) break;
      if (!policy.entries.some((e) => isGaiTableEntry(e) && e.kind === kind)) continue;
      const lost = lostGlibcDefaults(table, kind);
      if (lost.length === 0) continue;
      const before = open;
      claim({ kind: 'table-loss', table: kind, lost, restore: [] }, withGlibcDefaults(table, lost));
      const claimed = out[out.length - 1];
      if (!claimed || open === before || claimed.cause.kind !== 'table-loss') continue;
      // The rows that matter: restoring one alone undoes some of what the loss does.
      const indexes = claimed.changes.map((c) => c.index);
      const restore = lost.filter((row) => harmful(changes(setup, setup.baseline, withGlibcDefaults(table, [row]), indexes)).length < indexes.length);
      out[out.length - 1] = { ...claimed, cause: { ...claimed.cause, restore: restore.length > 0 ? restore : lost } };
    }
  } else if (policy.installable && policy.entries.some(isRow)) {
    for (const row of missingStockRows(setup.baseline, table)) {
      if (open.length === 0) break;
      claim({ kind: 'missing-row', row }, withFreebsdRows(table, [row]));
    }
  }

  const lines = valueEntries.slice(0, Math.min(MAX_LINES, Math.floor(ABLATION_ROW_BUDGET / Math.max(valueEntries.length, 1))));
  for (const entry of lines) {
    if (open.length === 0) break;
    claim({ kind: 'line', entry }, effectiveTable({ ...policy, entries: policy.entries.filter((e) => e !== entry) }));
  }
  if (open.length > 0) out.push({ cause: { kind: 'file' }, changes: open });
  return out;
}

/** The baseline's rows whose exact prefix the FreeBSD table does not have. */
function missingStockRows(baseline: EffectiveTable, table: EffectiveTable): FreebsdRow[] {
  return baseline.labels.rows
    .map((r, i) => ({ prefix: r.prefix, length: r.length, label: r.value, precedence: baseline.precedences.rows[i]!.value }))
    .filter((r) => !table.labels.exact(r.prefix, r.length));
}
