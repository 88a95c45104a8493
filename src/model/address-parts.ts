// A 128-bit value as three doubles, each exact: its top 52 bits, the next 52 and the last
// 24. Large tables sort and search these in typed arrays instead of BigInts: at 500k rows a
// BigInt read in random order is a cache miss, and a BigInt made per row is garbage that
// every collection walks (issue 13). Comparing the tops first, and the rest only among equal
// tops, orders values as the BigInts would.

export const TOP_BITS = 52;
export const MIDDLE_BITS = 52;
export const BOTTOM_BITS = 24;
/** One past the largest top: the top of 2^128, the end of the address space. */
export const TOP_END = 2 ** TOP_BITS;
export const MIDDLE_END = 2 ** MIDDLE_BITS;
export const BOTTOM_END = 2 ** BOTTOM_BITS;

const TOP_SHIFT = BigInt(MIDDLE_BITS + BOTTOM_BITS);
const BOTTOM_SHIFT = BigInt(BOTTOM_BITS);

export const topOf = (value: bigint): number => Number(value >> TOP_SHIFT);
export const middleOf = (value: bigint): number => Number(BigInt.asUintN(MIDDLE_BITS, value >> BOTTOM_SHIFT));
export const bottomOf = (value: bigint): number => Number(BigInt.asUintN(BOTTOM_BITS, value));

/** How many numbers partsOf keeps per value: top, middle, bottom, length. */
export const PART_STRIDE = 4;

/**
 * Each value's three parts and its length, read in order, side by side: value i's are at
 * PART_STRIDE * i and after. Side by side because they are then read in another order (by
 * address), and one cache line holds all four (four arrays were four cache misses; issue 13).
 * With `lengths`, the values are prefixes masked to them: a prefix of at most 52 bits has no
 * middle or bottom bits, and is not asked for them; without, the length kept is 128.
 */
export function partsOf(values: readonly bigint[], lengths?: ArrayLike<number>): Float64Array {
  const parts = new Float64Array(PART_STRIDE * values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const length = lengths === undefined ? 128 : lengths[i]!;
    const at = PART_STRIDE * i;
    parts[at] = topOf(value);
    if (length > TOP_BITS) parts[at + 1] = middleOf(value);
    if (length > TOP_BITS + MIDDLE_BITS) parts[at + 2] = bottomOf(value);
    parts[at + 3] = length;
  }
  return parts;
}

/** Do values a and b of a partsOf array have the same parts and length? */
export function sameParts(parts: Float64Array, a: number, b: number): boolean {
  for (let k = 0; k < PART_STRIDE; k++) if (parts[PART_STRIDE * a + k] !== parts[PART_STRIDE * b + k]) return false;
  return true;
}

/** Orders values a and b of a partsOf array by their parts and length, then by index. */
export function compareParts(parts: Float64Array, a: number, b: number): number {
  for (let k = 0; k < PART_STRIDE; k++) {
    const d = parts[PART_STRIDE * a + k]! - parts[PART_STRIDE * b + k]!;
    if (d !== 0) return d;
  }
  return a - b;
}
