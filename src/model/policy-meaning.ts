// What a policy means, whatever dialect it was written in: longest-match label and
// precedence tables plus the value of addresses no row matches, and the scope every IPv4
// address gets (RFC 6724 rules 2 and 8). Every table a system reads is here, so two
// policies that mean the same give the same answers to every lookup of every table.
import type { Policy } from './ast.js';
import { freebsdEffectiveTable, glibcEffectiveTable, type EffectiveTable } from './effective-table.js';
import { PrefixTable } from './prefix-table.js';
import { decidingRows, piecesOf, zipPieces, type Steps } from './step-function.js';

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

function tablePieces(table: PrefixTable<number>, noMatch: number): Steps<number> {
  return piecesOf(table.rows, noMatch, (a, b) => a === b);
}

/** True when two tables have the same (prefix, length) rows in the same order: the same row decides in both. */
function sameRows(a: PrefixTable<number>, b: PrefixTable<number>): boolean {
  if (a.rows.length !== b.rows.length) return false;
  for (let i = 0; i < a.rows.length; i++) if (a.rows[i]!.length !== b.rows[i]!.length || a.rows[i]!.prefix !== b.rows[i]!.prefix) return false;
  return true;
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
  const { table } = model;
  const pair = valuesInterner();
  if (model.labelsOnly) {
    const labels = tablePieces(table.labels, table.noMatch.label);
    return { starts: labels.starts, values: labels.values.map((label) => pair(0, label)) };
  }
  const labels = table.labels.rows;
  const precedences = table.precedences.rows;
  if (sameRows(table.labels, table.precedences)) {
    // A row table (FreeBSD, Windows): one sweep over its rows gives both values.
    // Values read in row order once (the sweep visits rows in address order).
    const rowPrecedences = new Float64Array(precedences.length);
    const rowLabels = new Float64Array(labels.length);
    for (let i = 0; i < labels.length; i++) {
      rowPrecedences[i] = precedences[i]!.value;
      rowLabels[i] = labels[i]!.value;
    }
    const precedence = (row: number) => (row < 0 ? table.noMatch.precedence : rowPrecedences[row]!);
    const label = (row: number) => (row < 0 ? table.noMatch.label : rowLabels[row]!);
    const steps = decidingRows(labels, (a, b) => precedence(a) === precedence(b) && label(a) === label(b));
    return { starts: steps.starts, values: steps.values.map((row) => pair(precedence(row), label(row))) };
  }
  return zipPieces(tablePieces(table.precedences, table.noMatch.precedence), tablePieces(table.labels, table.noMatch.label), pair, sameValues);
}

const scopeSteps = new WeakMap<PrefixTable<number>, Steps<number>>();

/**
 * IPv4 scopes as a step function over all 2^128 addresses (NOT_IPV4 outside ::ffff:0:0/96);
 * made once per table: convert compares a gai.conf's scopes with the target's twice (what
 * is lost, then the check).
 */
export function ipv4ScopePieces(scopes: PrefixTable<number>): Steps<number> {
  let steps = scopeSteps.get(scopes);
  if (!steps) scopeSteps.set(scopes, (steps = tablePieces(scopes, NOT_IPV4)));
  return steps;
}
