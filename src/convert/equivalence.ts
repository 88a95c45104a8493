// Exact equivalence of two policies over the whole 128-bit address space, for every table
// a system reads: (precedence, label) for every address, and the scope of every IPv4
// address (glibc's scopev4 table, or the fixed rule of systems that have none).
//
// Each table is turned into a step function (step-function.ts): the sorted boundaries of
// all its prefixes split the space into runs where every longest-match lookup gives the
// same row. Walking both step functions together compares every run of both tables: no
// address is sampled, every address is covered. Sorting dominates: O(n log n).
import type { PrefixTable } from '../model/prefix-table.js';
import { pieceStart, walkTogether, type Steps } from '../model/step-function.js';
import { ALL_ONES } from '../model/address.js';
import { ipv4ScopePieces, ipv4ScopesOf, sameValues, valuePieces, type PolicyModel, type Values } from '../model/policy-meaning.js';

/** A run of addresses (first and last, inclusive) where the two policies differ. */
export interface Region<T> {
  readonly start: bigint;
  readonly end: bigint;
  readonly before: T;
  readonly after: T;
}

export type DiffRegion = Region<Values>;
/** IPv4 addresses (as ::ffff:a.b.c.d) whose scope differs. */
export type ScopeRegion = Region<number>;

export interface EquivalenceResult {
  /** True when every table agrees: no region and no scope region. */
  readonly equivalent: boolean;
  readonly regions: DiffRegion[];
  readonly scopeRegions: ScopeRegion[];
  /** True when only labels were compared (one side is a labels-only Linux table). */
  readonly labelsOnly: boolean;
}

export interface CompareOptions {
  /** Map the first policy's values to what the second should have (declared lossy mappings). */
  readonly expect?: (values: Values) => Values;
}

/**
 * What a policy means, as step functions: all an equivalence check needs, so the policy and
 * its tables can be let go before the other side is read (issue 13: convert's read-back).
 */
export interface Meaning {
  readonly labelsOnly: boolean;
  readonly values: Steps<Values>;
  /** IPv4 scopes (ipv4ScopesOf). */
  readonly scopes: Steps<number>;
}

export function meaningOf(model: PolicyModel): Meaning {
  return { labelsOnly: model.labelsOnly, values: valuePieces(model), scopes: ipv4ScopePieces(ipv4ScopesOf(model)) };
}

export function comparePolicies(before: PolicyModel, after: PolicyModel, options: CompareOptions = {}): EquivalenceResult {
  return compareMeanings(meaningOf(before), meaningOf(after), options);
}

export function compareMeanings(before: Meaning, after: Meaning, options: CompareOptions = {}): EquivalenceResult {
  const regions: DiffRegion[] = [];
  const { labelsOnly } = forEachDifference(before, after, options, (region) => regions.push(region));
  const scopeRegions = scopeDifferences(before.scopes, after.scopes);
  return { equivalent: regions.length === 0 && scopeRegions.length === 0, regions, scopeRegions, labelsOnly };
}

/**
 * The regions where (precedence, label) differ, in address order, one at a time: `diff`
 * prints each as it is found instead of holding them all (issue 13: two 500k-row tables
 * differ in over a million ranges). Returns whether only labels were compared.
 */
export function forEachDifference(before: Meaning, after: Meaning, options: CompareOptions, onRegion: (region: DiffRegion) => void): { labelsOnly: boolean } {
  return forEachDifferingRun(before, after, options, regionOfRun(onRegion));
}

/**
 * Where a run of addresses starts and ends, as the pieces of the step functions walked:
 * from where piece `start` of `startSteps` starts, up to where piece `end` of `endSteps`
 * starts (not included; no endSteps: up to the end of the space). No BigInt is made.
 */
export type OnRun<T> = (startSteps: Steps<unknown>, start: number, endSteps: Steps<unknown> | undefined, end: number, before: T, after: T) => void;

/** forEachDifference, each region given by its pieces (OnRun): diff formats their words. */
export function forEachDifferingRun(before: Meaning, after: Meaning, options: CompareOptions, onRun: OnRun<Values>): { labelsOnly: boolean } {
  const labelsOnly = before.labelsOnly || after.labelsOnly;
  const expect = options.expect ?? ((v: Values) => v);
  const equal = labelsOnly ? (a: Values, b: Values) => a.label === b.label : sameValues;
  differingRegions(before.values, after.values, sameValues, (b, a) => equal(expect(b), a), onRun);
  return { labelsOnly };
}

/** A run's region with its first and last addresses. */
function regionOfRun<T>(onRegion: (region: Region<T>) => void): OnRun<T> {
  return (startSteps, start, endSteps, end, before, after) =>
    onRegion({ start: pieceStart(startSteps, start), end: endSteps ? pieceStart(endSteps, end) - 1n : ALL_ONES, before, after });
}

/** Where two IPv4 scope tables (ipv4ScopesOf) give IPv4 addresses different scopes. */
export function compareIpv4Scopes(before: PrefixTable<number>, after: PrefixTable<number>): ScopeRegion[] {
  return scopeDifferences(ipv4ScopePieces(before), ipv4ScopePieces(after));
}

export function scopeDifferences(before: Steps<number>, after: Steps<number>): ScopeRegion[] {
  const same = (a: number, b: number) => a === b;
  const regions: ScopeRegion[] = [];
  differingRegions(
    before,
    after,
    same,
    same,
    regionOfRun((region: ScopeRegion) => regions.push(region)),
  );
  return regions;
}

/**
 * The maximal runs of addresses with one (before, after) pair of values where `agree`
 * says the two step functions do not agree. (Two neighbouring runs always differ in their
 * pair, so each run is one region.)
 */
function differingRegions<T>(before: Steps<T>, after: Steps<T>, same: (x: T, y: T) => boolean, agree: (b: T, a: T) => boolean, onRun: OnRun<T>): void {
  // The current run: where it starts (piece `at` of `from`) and its pair of values.
  let from: Steps<T> | undefined;
  let at = 0;
  let b: T | undefined;
  let a: T | undefined;
  walkTogether(before, after, (i, j, beforeStarts) => {
    const x = before.values[i]!;
    const y = after.values[j]!;
    if (from && same(b!, x) && same(a!, y)) return;
    const nextFrom = beforeStarts ? before : after;
    const nextAt = beforeStarts ? i : j;
    if (from && !agree(b!, a!)) onRun(from, at, nextFrom, nextAt, b!, a!);
    from = nextFrom;
    at = nextAt;
    b = x;
    a = y;
  });
  if (from && !agree(b!, a!)) onRun(from, at, undefined, 0, b!, a!);
}
