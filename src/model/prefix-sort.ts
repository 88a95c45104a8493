// Sorting rows by prefix, and finding the rows that repeat an earlier one, for tables of
// up to millions of rows. A comparator sort calls back once per comparison, and a Map or Set
// keyed by BigInt costs 250–500 ns an operation at 500k entries (issue 13); a native sort of
// 64-bit keys (a prefix's top bits, then the row's index) costs a fraction, and only rows
// whose top bits are equal are then sorted exactly.

import { LITTLE_ENDIAN } from './address.js';
import { PART_STRIDE, TOP_BITS, compareParts, partsOf, sameParts } from './address-parts.js';

/** Which 32-bit half of a 64-bit key holds its low bits. */
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = 1 - LOW;

/**
 * Sorts `indexes` (rows) in place by `exact`, which must order by prefix first: rows are
 * ordered by their prefix's top bits (`tops[stride * row]`, address-parts' topOf), and each run of
 * equal top bits by `exact`.
 */
export function sortByPrefix(tops: ArrayLike<number>, indexes: Int32Array, exact: (a: number, b: number) => number, stride = 1): Int32Array {
  const n = indexes.length;
  // The key is top * 2^indexBits + index, written as two 32-bit halves so that no BigInt is
  // made per row but the one shift that takes the top bits.
  // The top bits are at most 52 (a part of address-parts), so that they are exact in a double.
  const indexBits = Math.min(32, Math.max(1, Math.ceil(Math.log2(tops.length / stride + 1))));
  const topBits = Math.min(TOP_BITS, 64 - indexBits);
  const topDivisor = 2 ** (TOP_BITS - topBits);
  const lowTop = 2 ** (32 - indexBits);
  const indexScale = 2 ** indexBits;
  const keys = new BigUint64Array(n);
  const halves = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    const index = indexes[i]!;
    const top = Math.floor(tops[stride * index]! / topDivisor);
    // Exact in doubles (powers of two), and no floating-point remainder (fmod is slow).
    const high = Math.floor(top / lowTop);
    halves[2 * i + LOW] = (top - high * lowTop) * indexScale + index;
    halves[2 * i + HIGH] = high;
  }
  keys.sort();
  const indexMask = 2 ** indexBits - 1;
  // Do keys i and j have the same top bits? (Both halves, less the index.)
  const sameTop = (i: number, j: number) =>
    halves[2 * i + HIGH] === halves[2 * j + HIGH] && halves[2 * i + LOW]! >>> indexBits === halves[2 * j + LOW]! >>> indexBits;
  for (let i = 0; i < n; i++) indexes[i] = (halves[2 * i + LOW]! & indexMask) >>> 0;
  let run = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && sameTop(i, run)) continue;
    if (i - run > 1) indexes.subarray(run, i).sort(exact);
    run = i;
  }
  return indexes;
}

/** For each row, the index of the first row with the same group and prefix; -1 for that first row itself. */
export function earlierTwins(groups: ArrayLike<number>, prefixes: readonly bigint[]): Int32Array {
  const n = prefixes.length;
  const twins = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Each row's prefix parts and its group side by side (address-parts), compared as numbers:
  // sorted by (prefix, group, index), equal group and prefix are neighbours, the first first.
  const parts = partsOf(prefixes);
  for (let i = 0; i < n; i++) parts[PART_STRIDE * i + 3] = groups[i]!;
  sortByPrefix(parts, order, (a, b) => compareParts(parts, a, b), PART_STRIDE);
  // Groups are ordered only within a run of equal top bits, so neighbours are compared, not runs.
  for (let k = 1; k < n; k++) {
    const a = order[k - 1]!;
    const b = order[k]!;
    if (sameParts(parts, a, b)) twins[b] = twins[a]! >= 0 ? twins[a]! : a;
  }
  return twins;
}
