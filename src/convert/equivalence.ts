// Exact equivalence of two policies over the whole 128-bit address space, for every table
// a system reads: (precedence, label) for every address, and the scope of every IPv4
// address (glibc's scopev4 table, or the fixed rule of systems that have none).
//
// Each table is turned into a step function (step-function.ts): the sorted boundaries of
// all its prefixes split the space into runs where every longest-match lookup gives the
// same row. Walking both step functions together compares every run of both tables: no
// address is sampled, every address is covered. Sorting dominates: O(n log n).
import type { PrefixTable } from '../model/prefix-table.js';
import { pieceEnd, zipPieces, type Piece } from '../model/step-function.js';
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

export function comparePolicies(before: PolicyModel, after: PolicyModel, options: CompareOptions = {}): EquivalenceResult {
  const labelsOnly = before.labelsOnly || after.labelsOnly;
  const expect = options.expect ?? ((v: Values) => v);
  const equal = labelsOnly ? (a: Values, b: Values) => a.label === b.label : sameValues;
  const regions = differingRegions(valuePieces(before), valuePieces(after), sameValues, (b, a) => equal(expect(b), a));
  const scopeRegions = compareIpv4Scopes(ipv4ScopesOf(before), ipv4ScopesOf(after));
  return { equivalent: regions.length === 0 && scopeRegions.length === 0, regions, scopeRegions, labelsOnly };
}

/** Where two IPv4 scope tables (ipv4ScopesOf) give IPv4 addresses different scopes. */
export function compareIpv4Scopes(before: PrefixTable<number>, after: PrefixTable<number>): ScopeRegion[] {
  const same = (a: number, b: number) => a === b;
  return differingRegions(ipv4ScopePieces(before), ipv4ScopePieces(after), same, same);
}

/** The maximal runs where `agree` says the two step functions' values do not agree. */
function differingRegions<T>(
  before: readonly Piece<T>[],
  after: readonly Piece<T>[],
  same: (x: T, y: T) => boolean,
  agree: (b: T, a: T) => boolean,
): Region<T>[] {
  const pairs = zipPieces(
    before,
    after,
    (b, a) => ({ before: b, after: a }),
    (x, y) => same(x.before, y.before) && same(x.after, y.after),
  );
  const regions: Region<T>[] = [];
  pairs.forEach((piece, i) => {
    if (agree(piece.value.before, piece.value.after)) return;
    const last = regions[regions.length - 1];
    const end = pieceEnd(pairs, i);
    // Neighbouring runs with the same old and new values are one region.
    if (last && last.end + 1n === piece.start && same(last.before, piece.value.before) && same(last.after, piece.value.after)) {
      regions[regions.length - 1] = { ...last, end };
    } else {
      regions.push({ start: piece.start, end, before: piece.value.before, after: piece.value.after });
    }
  });
  return regions;
}
