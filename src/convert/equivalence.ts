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
import {
  ipv4ScopePieces,
  ipv4ScopesOf,
  sameValues,
  sameValueTables,
  valuePiecesOf,
  valueTablesOf,
  type PolicyModel,
  type ValueTables,
  type Values,
} from '../model/policy-meaning.js';

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
  /** The tables `values` was made from: other tables with the same rows have the same values (valuesLike). */
  readonly tables?: ValueTables;
}

export function meaningOf(model: PolicyModel, like?: Meaning): Meaning {
  const tables = valueTablesOf(model);
  return { labelsOnly: model.labelsOnly, values: valuesLike(tables, like), scopes: ipv4ScopePieces(ipv4ScopesOf(model)), tables };
}

/** The step function of these tables: `like`'s when its tables hold the same rows (no second sort and sweep), else made. */
export function valuesLike(tables: ValueTables, like: Meaning | undefined): Steps<Values> {
  return like?.tables && sameValueTables(tables, like.tables) ? like.values : valuePiecesOf(tables);
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

/**
 * Numbers for the values of two step functions: one id per distinct (precedence, label)
 * over both, so equal values have equal ids on either side. diff walks and prints by id:
 * comparing and looking up objects per piece cost it more than the walk (issue 13).
 */
export interface ValueIds {
  readonly before: Int32Array;
  readonly after: Int32Array;
  /** The values of each id. */
  readonly values: readonly Values[];
}

export function valueIdsOf(before: Steps<Values>, after: Steps<Values>): ValueIds {
  const values: Values[] = [];
  const byPair = new Map<string, number>();
  // Pieces share one object per pair (valuePieces): the pair's text is made once per object.
  const byObject = new Map<Values, number>();
  const idsOf = (steps: Steps<Values>) => {
    const ids = new Int32Array(steps.values.length);
    for (let i = 0; i < ids.length; i++) {
      const v = steps.values[i]!;
      let id = byObject.get(v);
      if (id === undefined) {
        const key = `${v.precedence} ${v.label}`;
        id = byPair.get(key);
        if (id === undefined) {
          byPair.set(key, (id = values.length));
          values.push(v);
        }
        byObject.set(v, id);
      }
      ids[i] = id;
    }
    return ids;
  };
  return { before: idsOf(before), after: idsOf(after), values };
}

/**
 * A run where two step functions disagree, by the words of where it starts (piece `start`
 * of `startWords`) and where the next run starts (piece `end` of `endWords`; none: the end
 * of the space), and the two value ids.
 */
export type OnIdRun = (startWords: Float64Array, start: number, endWords: Float64Array | undefined, end: number, before: number, after: number) => void;

/**
 * differingRegions of two step functions given as their starts and value ids (ValueIds),
 * in one loop: the runs where agreeKey[before id] !== agreeKey[after id], each maximal
 * (the ids of its pair change at its ends).
 */
export function forEachDifferingIdRun(
  before: Float64Array,
  beforeIds: Int32Array,
  after: Float64Array,
  afterIds: Int32Array,
  agreeKey: Int32Array,
  onRun: OnIdRun,
): void {
  const beforeCount = beforeIds.length;
  const afterCount = afterIds.length;
  let i = 0;
  let j = 0;
  // The current run: where it starts (piece `at` of `from`) and its pair of ids (-1: none yet).
  let from: Float64Array | undefined;
  let at = 0;
  let b = -1;
  let a = -1;
  while (i < beforeCount && j < afterCount) {
    const x = beforeIds[i]!;
    const y = afterIds[j]!;
    if (x !== b || y !== a) {
      // The new run starts where the later of the two pieces starts.
      const beforeStarts = before[3 * i]! - after[3 * j]! || before[3 * i + 1]! - after[3 * j + 1]! || before[3 * i + 2]! - after[3 * j + 2]!;
      const nextFrom = beforeStarts >= 0 ? before : after;
      const nextAt = beforeStarts >= 0 ? i : j;
      if (b >= 0 && agreeKey[b] !== agreeKey[a]) onRun(from!, at, nextFrom, nextAt, b, a);
      from = nextFrom;
      at = nextAt;
      b = x;
      a = y;
    }
    // Advance whichever piece ends first (both when they end together; past the last piece: the end of the space).
    const ni = i + 1;
    const nj = j + 1;
    const order =
      ni >= beforeCount
        ? nj >= afterCount
          ? 0
          : 1
        : nj >= afterCount
          ? -1
          : before[3 * ni]! - after[3 * nj]! || before[3 * ni + 1]! - after[3 * nj + 1]! || before[3 * ni + 2]! - after[3 * nj + 2]!;
    if (order <= 0) i = ni;
    if (order >= 0) j = nj;
  }
  if (b >= 0 && agreeKey[b] !== agreeKey[a]) onRun(from!, at, undefined, 0, b, a);
}
