// Exact equivalence of two policies over the whole 128-bit address space.
//
// Each policy is turned into a step function (pieces.ts): the sorted boundaries of all
// its prefixes split the space into runs where every longest-match lookup gives the same
// row. Walking both step functions together compares every run of both tables: no
// address is sampled, every address is covered. Sorting dominates: O(n log n).
import { pieceEnd, zipPieces } from '../model/step-function.js';
import { sameValues, valuePieces, type PolicyModel, type Values } from '../model/policy-meaning.js';

export interface DiffRegion {
  /** First and last address of the run (inclusive). */
  readonly start: bigint;
  readonly end: bigint;
  readonly before: Values;
  readonly after: Values;
}

export interface EquivalenceResult {
  readonly equivalent: boolean;
  readonly regions: DiffRegion[];
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
  const pairs = zipPieces(
    valuePieces(before),
    valuePieces(after),
    (b, a) => ({ before: b, after: a }),
    (x, y) => sameValues(x.before, y.before) && sameValues(x.after, y.after),
  );
  const regions: DiffRegion[] = [];
  pairs.forEach((piece, i) => {
    if (equal(expect(piece.value.before), piece.value.after)) return;
    const last = regions[regions.length - 1];
    const end = pieceEnd(pairs, i);
    // Neighbouring runs with the same old and new values are one region.
    if (last && last.end + 1n === piece.start && sameValues(last.before, piece.value.before) && sameValues(last.after, piece.value.after)) {
      regions[regions.length - 1] = { ...last, end };
    } else {
      regions.push({ start: piece.start, end, before: piece.value.before, after: piece.value.after });
    }
  });
  return { equivalent: regions.length === 0, regions, labelsOnly };
}
