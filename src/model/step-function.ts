// A longest-match table seen as a step function over the whole 128-bit address space.
//
// Prefixes are intervals that are either nested or disjoint (a laminar family), so one
// sweep over them, sorted by (start, length), with a stack of the open intervals gives
// the value of every maximal run of addresses: the innermost open interval decides.
// Cost: O(n log n) for the sort, O(n) for the sweep, and at most 2n + 1 pieces.
import { ALL_ONES, maskOf } from './address.js';

/** A run of addresses from `start` up to the next piece's start - 1 (the last one: to ::ffff…). */
export interface Piece<T> {
  readonly start: bigint;
  readonly value: T;
}

export interface PrefixValue<T> {
  readonly prefix: bigint;
  readonly length: number;
  readonly value: T;
}

interface Interval<T> {
  readonly start: bigint;
  readonly end: bigint;
  readonly length: number;
  readonly value: T;
}

/** The address range a prefix covers. */
export function prefixRange(prefix: bigint, length: number): { start: bigint; end: bigint } {
  const mask = maskOf(length);
  const start = prefix & mask;
  return { start, end: start | (~mask & ALL_ONES) };
}

/**
 * Step function of a longest-match table. Rows are in priority order: of two rows with
 * the same masked prefix and length, the first wins (glibc's stable sort, FreeBSD's EEXIST).
 * Addresses no row matches get `noMatch`. Equal neighbouring values are merged (`same`).
 */
export function piecesOf<T>(rows: readonly PrefixValue<T>[], noMatch: T, same: (a: T, b: T) => boolean): Piece<T>[] {
  const seen = new Set<string>();
  const intervals: Interval<T>[] = [];
  for (const row of rows) {
    const { start, end } = prefixRange(row.prefix, row.length);
    const key = `${row.length}/${start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    intervals.push({ start, end, length: row.length, value: row.value });
  }
  intervals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.length - b.length));

  const out: Piece<T>[] = [];
  const emit = (start: bigint, value: T) => {
    const last = out[out.length - 1];
    if (!last || !same(last.value, value)) out.push({ start, value });
  };
  const stack: Interval<T>[] = [];
  let cursor = 0n;
  // Close the open intervals that end before `limit` (all of them when limit is null).
  const closeBefore = (limit: bigint | null) => {
    while (stack.length > 0 && (limit === null || stack[stack.length - 1]!.end < limit)) {
      const top = stack.pop()!;
      if (cursor <= top.end) {
        emit(cursor, top.value);
        cursor = top.end + 1n;
      }
    }
  };
  for (const interval of intervals) {
    closeBefore(interval.start);
    if (cursor < interval.start) emit(cursor, stack.length > 0 ? stack[stack.length - 1]!.value : noMatch);
    cursor = interval.start;
    stack.push(interval);
  }
  closeBefore(null);
  if (cursor <= ALL_ONES) emit(cursor, noMatch);
  return out;
}

/** Walk two step functions together: the pieces of f(a(x), b(x)). */
export function zipPieces<A, B, C>(a: readonly Piece<A>[], b: readonly Piece<B>[], combine: (a: A, b: B) => C, same: (x: C, y: C) => boolean): Piece<C>[] {
  const out: Piece<C>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    // biome-ignore lint/complexity/useMathMinMax: the starts are bigints, which Math.max does not take.
    const start = a[i]!.start > b[j]!.start ? a[i]!.start : b[j]!.start;
    const value = combine(a[i]!.value, b[j]!.value);
    const last = out[out.length - 1];
    if (!last || !same(last.value, value)) out.push({ start, value });
    // Advance whichever piece ends first (both when they end together).
    const nextA = a[i + 1]?.start ?? ALL_ONES + 1n;
    const nextB = b[j + 1]?.start ?? ALL_ONES + 1n;
    if (nextA <= nextB) i++;
    if (nextB <= nextA) j++;
  }
  return out;
}

/** The last address of piece i. */
export function pieceEnd<T>(pieces: readonly Piece<T>[], i: number): bigint {
  const next = pieces[i + 1];
  return next ? next.start - 1n : ALL_ONES;
}
