// What a policy means, whatever dialect it was written in: longest-match label and
// precedence tables plus the value of addresses no row matches, and the scope every IPv4
// address gets (RFC 6724 rules 2 and 8). Every table a system reads is here, so two
// policies that mean the same give the same answers to every lookup of every table.
import type { Policy } from './ast.js';
import { freebsdEffectiveTable, glibcEffectiveTable, type EffectiveTable } from './effective-table.js';
import { PrefixTable } from './prefix-table.js';
import { decidingRows, prefixWordsFrom, zipPieces, type PrefixWords, type Steps } from './step-function.js';

/** Which system's rules give the policy its meaning. */
export type Semantics = 'glibc' | 'freebsd' | 'windows' | 'linux-kernel';

export interface PolicyModel {
  readonly semantics: Semantics;
  readonly table: EffectiveTable;
  /** Linux kernel labels: there is no precedence at all. */
  readonly labelsOnly: boolean;
}

/** (precedence, label) of an address; label -1 is "no label" (FreeBSD no match, Linux 0xffffffff). */
export interface Values {
  readonly precedence: number;
  readonly label: number;
}

export const sameValues = (a: Values, b: Values) => a.precedence === b.precedence && a.label === b.label;

const IPV4_MAPPED = 0xffffn << 32n;
const v4 = (a: number, b: number) => IPV4_MAPPED | (BigInt(a) << 24n) | (BigInt(b) << 16n);

/**
 * RFC 6724 section 3.2, FreeBSD's gai_addr2scopetype(), Windows and the Linux kernel:
 * 127/8 and 169.254/16 are link-local (2), every other IPv4 address is global (14).
 * (glibc's default scopev4 table says the same; a gai.conf scopev4 line replaces it.)
 */
export const FIXED_IPV4_SCOPES = new PrefixTable([
  { prefix: IPV4_MAPPED, length: 96, value: 14, origin: 'default' as const },
  { prefix: v4(127, 0), length: 104, value: 2, origin: 'default' as const },
  { prefix: v4(169, 254), length: 112, value: 2, origin: 'default' as const },
]);

/** In words, for messages: how a system without scopev4 gives IPv4 addresses a scope. */
export const FIXED_IPV4_SCOPES_TEXT = '127/8 and 169.254/16 link-local, the rest global';

/** The "scope" of addresses that are not IPv4: no system reads one from a policy for them. */
export const NOT_IPV4 = -1;

export function modelOf(policy: Policy, semantics: Semantics): PolicyModel {
  if (semantics === 'glibc') return { semantics, table: glibcEffectiveTable(policy), labelsOnly: false };
  // FreeBSD, Windows and Linux keep one table of rows (first duplicate wins, label -1
  // refused); Linux rows carry a placeholder precedence that is never compared.
  return { semantics, table: freebsdEffectiveTable(policy), labelsOnly: semantics === 'linux-kernel' };
}

/** True when the system reads IPv4 scopes from a table (glibc's scopev4), not from the address. */
export const hasScopev4 = (model: PolicyModel) => model.table.scopev4 !== null;

/**
 * Scope of each IPv4 address, as rows over ::ffff:0:0/96 that always cover all of it:
 * glibc's scopev4 table (the file's lines, else glibc's defaults, plus the implicit /96),
 * else the fixed rule of a system that has no such table.
 */
export const ipv4ScopesOf = (model: PolicyModel): PrefixTable<number> => model.table.scopev4 ?? FIXED_IPV4_SCOPES;

/**
 * A longest-match table's rows as plain numbers, in priority order: all a step function
 * needs, without the lookup maps of a PrefixTable (issue 13: a reader that makes only these
 * for a million gai.conf lines skips the maps and a BigInt per row).
 */
export interface TableRows {
  /** Host bits cleared, as a PrefixTable's rows have them. */
  readonly prefixes: PrefixWords;
  readonly values: ArrayLike<number>;
}

/** What the step functions of (precedence, label) are made from. */
export interface ValueTables {
  readonly labelsOnly: boolean;
  readonly labels: TableRows;
  readonly precedences: TableRows;
  readonly noMatch: { readonly precedence: number; readonly label: number };
}

/** A PrefixTable's rows as TableRows; `prefixes`: the same rows' words when already made. */
export function tableRowsOf(table: PrefixTable<number>, prefixes?: PrefixWords): TableRows {
  // By index: table.rows would make an object per row (500k of them; issue 13).
  const values = new Float64Array(table.size);
  for (let i = 0; i < values.length; i++) values[i] = table.valueAt(i);
  return {
    prefixes:
      prefixes ??
      prefixWordsFrom(
        table.size,
        (i) => table.prefixAt(i),
        (i) => table.lengthAt(i),
      ),
    values,
  };
}

/** True when two tables have the same (prefix, length) rows in the same order: the same row decides in both. */
function sameRows(a: PrefixWords, b: PrefixWords): boolean {
  if (a === b) return true;
  if (a.lengths.length !== b.lengths.length) return false;
  for (let i = 0; i < a.lengths.length; i++) if (a.lengths[i] !== b.lengths[i]) return false;
  for (let i = 0; i < a.words.length; i++) if (a.words[i] !== b.words[i]) return false;
  return true;
}

function rowPieces(rows: TableRows, noMatch: number): Steps<number> {
  const { values: rowValues } = rows;
  const valueAt = (row: number) => (row < 0 ? noMatch : rowValues[row]!);
  const { starts, values } = decidingRows(rows.prefixes, rowValues, noMatch);
  return { starts, values: values.map(valueAt) };
}

/** One Values object per distinct pair: a million pieces share a few thousand. */
function valuesInterner(): (precedence: number, label: number) => Values {
  const byPrecedence = new Map<number, Map<number, Values>>();
  return (precedence, label) => {
    let byLabel = byPrecedence.get(precedence);
    if (!byLabel) byPrecedence.set(precedence, (byLabel = new Map()));
    let values = byLabel.get(label);
    if (!values) byLabel.set(label, (values = { precedence, label }));
    return values;
  };
}

/** The policy as a step function over all 2^128 addresses. */
export function valuePieces(model: PolicyModel): Steps<Values> {
  return valuePiecesOf(valueTablesOf(model));
}

/** The tables a model's step function of (precedence, label) is made from. */
export function valueTablesOf(model: PolicyModel): ValueTables {
  const { table } = model;
  const labels = tableRowsOf(table.labels);
  // A row table's halves (FreeBSD, Windows) come from the same rows: their words are made once.
  const precedences = tableRowsOf(table.precedences, table.precedences.sharesShapeWith(table.labels) ? labels.prefixes : undefined);
  return { labelsOnly: model.labelsOnly, labels, precedences, noMatch: table.noMatch };
}

/**
 * True when two sets of tables have the same step function because they hold the same
 * rows: the same (prefix, length) rows in the same order with the same values, and the
 * same value for addresses no row matches, unless a /0 row in each table matches them all.
 * (Convert's read-back then takes the source's step function instead of a second sort and
 * sweep: issue 13, ~0.5 s at 500k rows.)
 */
export function sameValueTables(a: ValueTables, b: ValueTables): boolean {
  if (a.labelsOnly !== b.labelsOnly) return false;
  if (!sameRows(a.labels.prefixes, b.labels.prefixes) || !sameNumbers(a.labels.values, b.labels.values)) return false;
  const precedencesToo = !a.labelsOnly;
  if (precedencesToo && (!sameRows(a.precedences.prefixes, b.precedences.prefixes) || !sameNumbers(a.precedences.values, b.precedences.values))) return false;
  const labelMiss = a.noMatch.label === b.noMatch.label || a.labels.prefixes.lengths.includes(0);
  const precedenceMiss = !precedencesToo || a.noMatch.precedence === b.noMatch.precedence || a.precedences.prefixes.lengths.includes(0);
  return labelMiss && precedenceMiss;
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The step function of (precedence, label) of these tables. */
export function valuePiecesOf(tables: ValueTables): Steps<Values> {
  const { labels, precedences, noMatch } = tables;
  const pair = valuesInterner();
  if (tables.labelsOnly) {
    const steps = rowPieces(labels, noMatch.label);
    return { starts: steps.starts, values: steps.values.map((label) => pair(0, label)) };
  }
  if (sameRows(labels.prefixes, precedences.prefixes)) {
    // A row table (FreeBSD, Windows), or glibc tables with the same lines: one sweep over
    // the rows gives both values.
    // Each row's pair as a number, made in row order: the sweep compares those.
    const rowPrecedences = precedences.values;
    const rowLabels = labels.values;
    const pairs: Values[] = [];
    const idOf = new Map<Values, number>();
    const id = (values: Values) => {
      let n = idOf.get(values);
      if (n === undefined) idOf.set(values, (n = pairs.push(values) - 1));
      return n;
    };
    const rowIds = new Int32Array(rowLabels.length);
    for (let row = 0; row < rowIds.length; row++) rowIds[row] = id(pair(rowPrecedences[row]!, rowLabels[row]!));
    const noMatchId = id(pair(noMatch.precedence, noMatch.label));
    const steps = decidingRows(labels.prefixes, rowIds, noMatchId);
    return { starts: steps.starts, values: steps.values.map((row) => pairs[row < 0 ? noMatchId : rowIds[row]!]!) };
  }
  return zipPieces(rowPieces(precedences, noMatch.precedence), rowPieces(labels, noMatch.label), pair, sameValues);
}

/** IPv4 scopes of these rows (over ::ffff:0:0/96) as a step function (NOT_IPV4 elsewhere). */
export function ipv4ScopePiecesOf(rows: TableRows): Steps<number> {
  return rowPieces(rows, NOT_IPV4);
}

const scopeSteps = new WeakMap<PrefixTable<number>, Steps<number>>();

/**
 * IPv4 scopes as a step function over all 2^128 addresses (NOT_IPV4 outside ::ffff:0:0/96);
 * made once per table: convert compares a gai.conf's scopes with the target's twice (what
 * is lost, then the check).
 */
export function ipv4ScopePieces(scopes: PrefixTable<number>): Steps<number> {
  let steps = scopeSteps.get(scopes);
  if (!steps) scopeSteps.set(scopes, (steps = ipv4ScopePiecesOf(tableRowsOf(scopes))));
  return steps;
}
