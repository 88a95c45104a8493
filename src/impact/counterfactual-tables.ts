// The tables a finding is judged against: the same policy with a lost default restored,
// or a row added. Built straight from the effective table's rows, so no text is re-read.
import { parseIPv6 } from '../model/address.js';
import { GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES, GLIBC_DEFAULT_SCOPEV4 } from '../model/builtin-tables.js';
import { freebsdTableFromRows, type EffectiveTable } from '../model/effective-table.js';
import { PrefixTable } from '../model/prefix-table.js';

export type GlibcTableKind = 'label' | 'precedence' | 'scopev4';

export interface DefaultRow {
  readonly kind: GlibcTableKind;
  readonly prefix: bigint;
  readonly length: number;
  readonly value: number;
}

const DEFAULT_PAIRS: Record<GlibcTableKind, readonly (readonly [string, number])[]> = {
  label: GLIBC_DEFAULT_LABELS,
  precedence: GLIBC_DEFAULT_PRECEDENCES,
  scopev4: GLIBC_DEFAULT_SCOPEV4,
};

export function glibcDefaultRows(kind: GlibcTableKind): DefaultRow[] {
  return DEFAULT_PAIRS[kind].map(([text, value]) => {
    const [a, l] = text.split('/');
    return { kind, prefix: parseIPv6(a!)!, length: Number(l), value };
  });
}

function tableOf(table: EffectiveTable, kind: GlibcTableKind): PrefixTable<number> {
  return kind === 'label' ? table.labels : kind === 'precedence' ? table.precedences : table.scopev4!;
}

/**
 * glibc, as if the file's lines of a kind were laid over glibc's defaults instead of
 * replacing them: the file's rows first (they win), then the given default rows. glibc's
 * implicit catch-all stays unless a restored row is a catch-all itself.
 */
export function withGlibcDefaults(table: EffectiveTable, restore: readonly DefaultRow[]): EffectiveTable {
  const rebuilt = (kind: GlibcTableKind) => {
    const own = restore.filter((r) => r.kind === kind);
    const current = tableOf(table, kind);
    if (own.length === 0) return current;
    const restoresCatchAll = own.some((r) => r.length === (kind === 'scopev4' ? 96 : 0));
    const kept = current.rows.filter((r) => !(restoresCatchAll && r.origin === 'implicit'));
    return new PrefixTable<number>([...kept, ...own.map((r) => ({ prefix: r.prefix, length: r.length, value: r.value, origin: 'default' as const }))]);
  };
  return { ...table, labels: rebuilt('label'), precedences: rebuilt('precedence'), scopev4: table.scopev4 ? rebuilt('scopev4') : null };
}

/** The default rows a glibc table of this kind lost: not restated by the file, and now giving another value. */
export function lostGlibcDefaults(table: EffectiveTable, kind: GlibcTableKind): DefaultRow[] {
  const current = tableOf(table, kind);
  return glibcDefaultRows(kind).filter((d) => {
    const exact = current.exact(d.prefix, d.length);
    if (exact && exact.origin === 'file') return false; // restated (perhaps with another value): deliberate
    return current.match(d.prefix)?.value !== d.value;
  });
}

export interface FreebsdRow {
  readonly prefix: bigint;
  readonly length: number;
  readonly precedence: number;
  readonly label: number;
}

/** FreeBSD, with rows installed after the file's (a duplicate of an earlier row would be refused, so none is given). */
export function withFreebsdRows(table: EffectiveTable, rows: readonly FreebsdRow[]): EffectiveTable {
  // FreeBSD's label and precedence tables are built from the same rows, in the same order.
  const existing = table.labels.rows.map((r, i) => ({
    prefix: r.prefix,
    length: r.length,
    label: r.value,
    precedence: table.precedences.rows[i]!.value,
    origin: r.origin,
  }));
  return freebsdTableFromRows([...existing, ...rows.map((r) => ({ ...r, origin: 'default' as const }))]);
}
