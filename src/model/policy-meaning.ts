// What a policy means, whatever dialect it was written in: longest-match label and
// precedence tables plus the value of addresses no row matches, and the scope every IPv4
// address gets (RFC 6724 rules 2 and 8). Every table a system reads is here, so two
// policies that mean the same give the same answers to every lookup of every table.
import type { Policy } from './ast.js';
import { freebsdEffectiveTable, glibcEffectiveTable, type EffectiveTable } from './effective-table.js';
import { PrefixTable } from './prefix-table.js';
import { piecesOf, zipPieces, type Piece } from './step-function.js';

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

function tablePieces(table: PrefixTable<number>, noMatch: number): Piece<number>[] {
  return piecesOf(table.rows, noMatch, (a, b) => a === b);
}

/** The policy as a step function over all 2^128 addresses. */
export function valuePieces(model: PolicyModel): Piece<Values>[] {
  const { table } = model;
  const labels = tablePieces(table.labels, table.noMatch.label);
  const precedences = model.labelsOnly ? [{ start: 0n, value: 0 }] : tablePieces(table.precedences, table.noMatch.precedence);
  return zipPieces(precedences, labels, (precedence, label) => ({ precedence, label }), sameValues);
}

/** IPv4 scopes as a step function over all 2^128 addresses (NOT_IPV4 outside ::ffff:0:0/96). */
export function ipv4ScopePieces(scopes: PrefixTable<number>): Piece<number>[] {
  return tablePieces(scopes, NOT_IPV4);
}
