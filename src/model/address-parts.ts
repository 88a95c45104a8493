// A 128-bit value as three doubles, each exact: its top 52 bits, the next 52 and the last
// 24. Large tables sort and search these in typed arrays instead of BigInts: at 500k rows a
// BigInt read in random order is a cache miss, and a BigInt made per row is garbage that
// every collection walks (issue 13). Comparing the tops first, and the rest only among equal
// tops, orders values as the BigInts would.

import { LITTLE_ENDIAN } from './address.js';

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
    if (!loadWords(value)) {
      // Not a 128-bit value (no caller has one): the slow, general way.
      parts[at] = topOf(value);
      if (length > TOP_BITS) parts[at + 1] = middleOf(value);
      if (length > TOP_BITS + MIDDLE_BITS) parts[at + 2] = bottomOf(value);
    } else {
      const w0 = VALUE_WORDS[0]!;
      const w1 = VALUE_WORDS[1]!;
      const w2 = VALUE_WORDS[2]!;
      const w3 = VALUE_WORDS[3]!;
      // Bits 127-76: word 3 and word 2's top 20 bits; 75-24: word 2's low 12, word 1, word 0's top 8; 23-0.
      parts[at] = w3 * 2 ** 20 + (w2 >>> 12);
      if (length > TOP_BITS) parts[at + 1] = (w2 & 0xfff) * 2 ** 40 + w1 * 2 ** 8 + (w0 >>> 24);
      if (length > TOP_BITS + MIDDLE_BITS) parts[at + 2] = w0 & 0xffffff;
    }
    parts[at + 3] = length;
  }
  return parts;
}

const MAX_64 = 2n ** 64n - 1n;
/** Scratch space: a value's low and high 64 bits, and the same bytes as 32-bit words. */
const HALVES = new BigUint64Array(2);
const WORDS = new Uint32Array(HALVES.buffer);
/** Where word k of the value (word 0 the least significant) sits in WORDS. */
const WORD_AT = LITTLE_ENDIAN ? [0, 1, 2, 3] : [1, 0, 3, 2];

/** loadWords' result: the value's four 32-bit words, the least significant first. */
export const VALUE_WORDS = new Uint32Array(4);

/**
 * Put a 128-bit value's 32-bit words in VALUE_WORDS; false (and VALUE_WORDS unchanged) when
 * it is not one. Through a typed array, which keeps a BigInt modulo 2^64: one BigInt is made
 * (the shift) where masks and shifts per part made four (issue 13: 500k values, several
 * times a lint).
 */
export function loadWords(value: bigint): boolean {
  const high = value >> 64n;
  if (high > MAX_64 || value < 0n) return false;
  HALVES[0] = value;
  HALVES[1] = high;
  for (let k = 0; k < 4; k++) VALUE_WORDS[k] = WORDS[WORD_AT[k]!]!;
  return true;
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
