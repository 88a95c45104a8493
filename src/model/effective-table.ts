// The table a real system uses for a policy, and longest-match lookup in it.
import { parseIPv6 } from './address.js';
import type { Entry, GaiEntry, Policy, RowEntry } from './ast.js';
import { isGaiTableEntry, isRow } from './ast.js';
import { BUILTIN_TABLES, GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES, GLIBC_DEFAULT_SCOPEV4, type Platform } from './builtin-tables.js';
import { PrefixTable, type PrefixRow, type RowOrigin, type RowReader } from './prefix-table.js';

export type TableSystem = 'glibc' | 'freebsd';

export interface EffectiveTable {
  readonly system: TableSystem;
  readonly labels: PrefixTable<number>;
  readonly precedences: PrefixTable<number>;
  /** glibc only: IPv4 scopes for rule 2/8 (as ::ffff: prefixes). */
  readonly scopev4: PrefixTable<number> | null;
  /** FreeBSD: (0, -1) for an address no row matches. glibc always has a /0 row. */
  readonly noMatch: { readonly precedence: number; readonly label: number };
  /** False when libc does not sort at all (FreeBSD with an empty table). */
  readonly sorts: boolean;
  /** glibc: which tables are glibc's built-in defaults because the file has no such line. */
  readonly fromDefaults: { readonly label: boolean; readonly precedence: boolean; readonly scopev4: boolean };
}

export interface PolicyValues {
  readonly precedence: number;
  readonly label: number;
  readonly labelRow: PrefixRow<number> | undefined;
  readonly precedenceRow: PrefixRow<number> | undefined;
}

/** FreeBSD kernel "not applicable" label (ADDR_LABEL_NOTAPP): rejected by ioctl, given to no-match. */
export const FREEBSD_NO_LABEL = -1;

type RowInput = { prefix: bigint; length: number; value: number; origin: RowOrigin };

function parsePrefixText(text: string): { prefix: bigint; length: number } {
  const [address, length] = text.split('/');
  return { prefix: parseIPv6(address!)!, length: Number(length) };
}

function fromPairs(pairs: readonly (readonly [string, number])[], origin: RowOrigin): RowInput[] {
  return pairs.map(([text, value]) => ({ ...parsePrefixText(text), value, origin }));
}

/**
 * glibc: each kind of table is the file's valid lines if there is at least one, else the
 * built-in default; a file table with no /0 row gets an implicit ::/0 (label 1,
 * precedence 40, scopev4 14). Any /0 row counts, whatever its address.
 */
/** glibc's built-in tables, parsed once per process (most gai.conf files keep at least one of them). */
const defaultTables = new Map<readonly (readonly [string, number])[], PrefixTable<number>>();

function glibcTable(entries: readonly GaiEntry[], defaults: readonly (readonly [string, number])[], catchAll: RowInput) {
  if (entries.length === 0) {
    let table = defaultTables.get(defaults);
    if (!table) defaultTables.set(defaults, (table = new PrefixTable(fromPairs(defaults, 'default'))));
    return { table, fromDefault: true };
  }
  const rows: RowInput[] = entries.map((e) => ({ prefix: e.prefix.address, length: e.prefix.length, value: e.value.value, origin: 'file' }));
  if (!entries.some((e) => e.prefix.length === catchAll.length)) rows.push(catchAll);
  return { table: new PrefixTable(rows), fromDefault: false };
}

/** The rows glibc appends to a file table that has no /0 (scopev4: no 0.0.0.0/0). */
export const GLIBC_IMPLICIT = {
  label: { prefix: 0n, length: 0, value: 1, origin: 'implicit' } as RowInput,
  precedence: { prefix: 0n, length: 0, value: 40, origin: 'implicit' } as RowInput,
  scopev4: { prefix: 0xffffn << 32n, length: 96, value: 14, origin: 'implicit' } as RowInput,
};

export function glibcEffectiveTable(policy: Policy): EffectiveTable {
  const gai = policy.entries.filter(isGaiTableEntry);
  const labels = glibcTable(
    gai.filter((e) => e.kind === 'label'),
    GLIBC_DEFAULT_LABELS,
    GLIBC_IMPLICIT.label,
  );
  const precedences = glibcTable(
    gai.filter((e) => e.kind === 'precedence'),
    GLIBC_DEFAULT_PRECEDENCES,
    GLIBC_IMPLICIT.precedence,
  );
  const scopes = glibcTable(
    gai.filter((e) => e.kind === 'scopev4'),
    GLIBC_DEFAULT_SCOPEV4,
    GLIBC_IMPLICIT.scopev4,
  );
  return {
    system: 'glibc',
    labels: labels.table,
    precedences: precedences.table,
    scopev4: scopes.table,
    noMatch: { precedence: 40, label: 1 },
    sorts: true,
    fromDefaults: { label: labels.fromDefault, precedence: precedences.fromDefault, scopev4: scopes.fromDefault },
  };
}

/**
 * FreeBSD: the rows `install` adds to the kernel in file order; a duplicate (same masked
 * prefix and length) gets EEXIST and the first stays; label -1 gets EINVAL. A file with a
 * parse failure installs nothing, and rc.d has flushed the table first: it is empty.
 */
export function freebsdEffectiveTable(policy: Policy): EffectiveTable {
  const rows = policy.installable ? policy.entries.filter((e): e is RowEntry => isFreebsdTableRow(e)) : [];
  return freebsdTable(rows.length, {
    prefix: (i) => rows[i]!.prefix.address,
    length: (i) => rows[i]!.prefix.length,
    precedence: (i) => rows[i]!.precedence.value,
    label: (i) => rows[i]!.label.value,
    origin: () => 'file',
  });
}

/**
 * Does this entry of an installable file become a row of its FreeBSD table? The table's
 * rows are these entries, in file order (freebsdEffectiveTable).
 */
export const isFreebsdTableRow = (e: Entry): e is RowEntry => isRow(e) && e.label.value !== FREEBSD_NO_LABEL;

export function freebsdTableFromRows(
  rows: readonly { prefix: bigint; length: number; precedence: number; label: number; origin: RowOrigin }[],
): EffectiveTable {
  return freebsdTable(rows.length, {
    prefix: (i) => rows[i]!.prefix,
    length: (i) => rows[i]!.length,
    precedence: (i) => rows[i]!.precedence,
    label: (i) => rows[i]!.label,
    origin: (i) => rows[i]!.origin,
  });
}

/** A FreeBSD table of `count` rows, each field read by index (no object per row: issue 13). */
function freebsdTable(
  count: number,
  row: Omit<RowReader<number>, 'value'> & { precedence(index: number): number; label(index: number): number },
): EffectiveTable {
  const labels = new PrefixTable({ count, row: { prefix: row.prefix, length: row.length, value: row.label, origin: row.origin } });
  // The same rows: the precedences reuse the labels' shape (maps, sort, segments, parents).
  const precedences = new PrefixTable({ count, row: { prefix: row.prefix, length: row.length, value: row.precedence, origin: row.origin } }, labels);
  return {
    system: 'freebsd',
    labels,
    precedences,
    scopev4: null,
    noMatch: { precedence: 0, label: FREEBSD_NO_LABEL },
    sorts: count > 0,
    fromDefaults: { label: false, precedence: false, scopev4: false },
  };
}

export function effectiveTable(policy: Policy): EffectiveTable {
  return policy.dialect === 'gai' ? glibcEffectiveTable(policy) : freebsdEffectiveTable(policy);
}

const builtinCache = new Map<Platform, EffectiveTable>();

/** A platform's built-in table as an effective table (glibc keeps its split tables); built once per process. */
export function builtinEffectiveTable(platform: Platform): EffectiveTable {
  let table = builtinCache.get(platform);
  if (!table) builtinCache.set(platform, (table = buildBuiltinTable(platform)));
  return table;
}

function buildBuiltinTable(platform: Platform): EffectiveTable {
  if (platform === 'glibc') {
    return glibcEffectiveTable({ dialect: 'gai', entries: [], comments: [], source: '', eol: '\n', installable: true, lineCount: 0 });
  }
  const table = BUILTIN_TABLES[platform];
  return freebsdTableFromRows(
    table.rows.map((r) => ({ ...parsePrefixText(r.prefix), precedence: r.precedence ?? 0, label: r.label, origin: 'default' as const })),
  );
}

/** The label of each address (as lookup gives it), worked out in address order (ula-gua-label-mismatch asks for 400k GUAs' labels). */
export function labelsOf(table: EffectiveTable, addresses: readonly bigint[]): number[] {
  const rows = table.labels.matchAll(addresses);
  const labels: number[] = new Array(addresses.length);
  for (let i = 0; i < labels.length; i++) labels[i] = rows[i]! >= 0 ? table.labels.valueAt(rows[i]!) : table.noMatch.label;
  return labels;
}

/** lookup for each address, worked out in address order (both ULA rules ask it of 100k ULA rows). */
export function lookupAll(table: EffectiveTable, addresses: readonly bigint[]): PolicyValues[] {
  const labelRows = table.labels.matchAll(addresses);
  const shared = table.precedences.sharesShapeWith(table.labels);
  const precedenceRows = shared ? labelRows : table.precedences.matchAll(addresses);
  const out: PolicyValues[] = new Array(addresses.length);
  for (let i = 0; i < out.length; i++) out[i] = valuesOf(table, table.labels.rowAt(labelRows[i]!), table.precedences.rowAt(precedenceRows[i]!));
  return out;
}

/** Precedence and label of an address (IPv4 as ::ffff:a.b.c.d). */
export function lookup(table: EffectiveTable, address: bigint): PolicyValues {
  const labelRow = table.labels.match(address);
  // A FreeBSD table's two halves share one shape: the row that decides is the same row.
  const precedenceRow = table.precedences.sharesShapeWith(table.labels) ? table.precedences.rowAt(labelRow?.index ?? -1) : table.precedences.match(address);
  return valuesOf(table, labelRow, precedenceRow);
}

function valuesOf(table: EffectiveTable, labelRow: PrefixRow<number> | undefined, precedenceRow: PrefixRow<number> | undefined): PolicyValues {
  // One object shape for every lookup (an absent row is undefined, not a missing key): a
  // large table looks up every row's address, and spread objects were a good part of that.
  return {
    precedence: precedenceRow ? precedenceRow.value : table.noMatch.precedence,
    label: labelRow ? labelRow.value : table.noMatch.label,
    labelRow,
    precedenceRow,
  };
}
