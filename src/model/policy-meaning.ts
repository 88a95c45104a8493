// What a policy means, whatever dialect it was written in: longest-match label and
// precedence tables plus the value of addresses no row matches.
import type { Policy } from './ast.js';
import { freebsdEffectiveTable, glibcEffectiveTable, type EffectiveTable } from './effective-table.js';
import type { PrefixTable } from './prefix-table.js';
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

export function modelOf(policy: Policy, semantics: Semantics): PolicyModel {
  if (semantics === 'glibc') return { semantics, table: glibcEffectiveTable(policy), labelsOnly: false };
  // FreeBSD, Windows and Linux keep one table of rows (first duplicate wins, label -1
  // refused); Linux rows carry a placeholder precedence that is never compared.
  return { semantics, table: freebsdEffectiveTable(policy), labelsOnly: semantics === 'linux-kernel' };
}

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
