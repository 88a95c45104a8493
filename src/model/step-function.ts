// A longest-match table seen as a step function over the whole 128-bit address space.
//
// Prefixes are intervals that are either nested or disjoint (a laminar family), so one
// sweep over them, sorted by (start, length), with a stack of the open intervals gives
// the value of every maximal run of addresses: the innermost open interval decides.
// Cost: O(n log n) for the sort, O(n) for the sweep, and at most 2n + 1 pieces.
//
// Inside, an address is three exact doubles (bits 127-80, 79-32 and 31-0) in a
// Float64Array: the sort, the sweep and the walks compare plain numbers and allocate
// nothing per row, where BigInts cost an allocation per operation and an object per piece
// (issue 13: at 500k rows that was most of convert's and diff's time and memory). A
// BigInt is made only for an address someone reads (a region's ends).
import { ALL_ONES, maskOf } from './address.js';
import { loadWords, VALUE_WORDS } from './address-parts.js';

const TWO_16 = 2 ** 16;
const TWO_32 = 2 ** 32;
const TWO_48 = 2 ** 48;

/** Piece i covers the addresses from its start up to the next piece's start (the last one: to the end). */
export interface Steps<T> {
  /** Piece i starts at the address (starts[3i], starts[3i + 1], starts[3i + 2]): bits 127-80, 79-32, 31-0. */
  readonly starts: Float64Array;
  readonly values: readonly T[];
}

/** The first `used` words: a view when it uses most of them (no copy of a large array), else a copy (no large buffer kept for a few). */
const trimmed = (words: Float64Array, used: number) => (2 * used >= words.length ? words.subarray(0, used) : words.slice(0, used));

/** The address range a prefix covers. */
export function prefixRange(prefix: bigint, length: number): { start: bigint; end: bigint } {
  const mask = maskOf(length);
  const start = prefix & mask;
  return { start, end: start | (~mask & ALL_ONES) };
}

/** The address at triple i of `words`. */
function addressAt(words: Float64Array, i: number): bigint {
  return (BigInt(words[3 * i]!) << 80n) | (BigInt(words[3 * i + 1]!) << 32n) | BigInt(words[3 * i + 2]!);
}

/** The first address of piece i. */
export const pieceStart = (steps: Steps<unknown>, i: number): bigint => addressAt(steps.starts, i);

/** The last address of piece i. */
export function pieceEnd(steps: Steps<unknown>, i: number): bigint {
  return i + 1 < steps.values.length ? addressAt(steps.starts, i + 1) - 1n : ALL_ONES;
}

/**
 * Prefixes as plain numbers: prefix i is (words[3i], words[3i + 1], words[3i + 2]), bits
 * 127-80, 79-32 and 31-0, with length lengths[i]. Host bits may be set: decidingRows clears
 * them, in place (no copy of the words: issue 13).
 * A reader that makes these directly never makes a BigInt per row (issue 13: convert's read-back).
 */
export interface PrefixWords {
  readonly words: Float64Array;
  readonly lengths: Uint8Array;
}

/** The words of BigInt prefixes. */
export function prefixWordsOf(rows: readonly { readonly prefix: bigint; readonly length: number }[]): PrefixWords {
  return prefixWordsFrom(
    rows.length,
    (i) => rows[i]!.prefix,
    (i) => rows[i]!.length,
  );
}

/** prefixWordsOf, for `n` rows read by index (a PrefixTable's, without making its rows' objects). */
export function prefixWordsFrom(n: number, prefixAt: (i: number) => bigint, lengthAt: (i: number) => number): PrefixWords {
  const words = new Float64Array(3 * n);
  const lengths = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const prefix = prefixAt(i);
    if (loadWords(prefix)) {
      // Bits 127-80: word 3 and word 2's top 16 bits; 79-32: word 2's low 16 and word 1; 31-0.
      words[3 * i] = VALUE_WORDS[3]! * TWO_16 + (VALUE_WORDS[2]! >>> 16);
      words[3 * i + 1] = (VALUE_WORDS[2]! & 0xffff) * TWO_32 + VALUE_WORDS[1]!;
      words[3 * i + 2] = VALUE_WORDS[0]!;
    } else {
      words[3 * i] = Number(prefix >> 80n);
      words[3 * i + 1] = Number(BigInt.asUintN(48, prefix >> 32n));
      words[3 * i + 2] = Number(BigInt.asUintN(32, prefix));
    }
    lengths[i] = lengthAt(i);
  }
  return { words, lengths };
}

/**
 * Clear the host bits of prefix i of `words` (a prefix of `length` bits), in place; with
 * `end`, also write there the first address after the prefix (2^128 is (2^48, 0, 0)).
 */
export function maskWords(words: Float64Array, i: number, length: number, end?: Float64Array): void {
  let hi = words[3 * i]!;
  let mid = words[3 * i + 1]!;
  let lo = words[3 * i + 2]!;
  // Clear the host bits, then add the block's size for the end (carrying between words).
  const host = 128 - length;
  let endHi = hi;
  let endMid = 0;
  let endLo = 0;
  if (host >= 80) {
    const size = 2 ** (host - 80);
    hi -= hi % size;
    mid = 0;
    lo = 0;
    endHi = hi + size;
  } else if (host >= 32) {
    const size = 2 ** (host - 32);
    mid -= mid % size;
    lo = 0;
    endMid = mid + size;
    if (endMid >= TWO_48) {
      endMid -= TWO_48;
      endHi++;
    }
  } else {
    const size = 2 ** host;
    lo -= lo % size;
    endMid = mid;
    endLo = lo + size;
    if (endLo >= TWO_32) {
      endLo -= TWO_32;
      endMid++;
      if (endMid >= TWO_48) {
        endMid -= TWO_48;
        endHi++;
      }
    }
  }
  words[3 * i] = hi;
  words[3 * i + 1] = mid;
  words[3 * i + 2] = lo;
  if (end) {
    end[3 * i] = endHi;
    end[3 * i + 1] = endMid;
    end[3 * i + 2] = endLo;
  }
}

/** Buckets of the first sorting pass: the top 16 bits of an address. */
const BUCKETS = 2 ** 16;
/** Below this many rows, one comparison sort is as quick as the buckets. */
const FEW_ROWS = 4096;

/**
 * Row indexes sorted by (start, length, index): a total order, so any correct sort gives
 * this one. Rows are first spread into buckets by their top 16 bits (stable, in index
 * order), then each bucket is sorted by comparison: a million comparator calls fewer per
 * 100k rows than one sort of them all (issue 13; real tables cluster in few buckets, and
 * then it is no slower than that one sort).
 */
export function sortedByStart(start: Float64Array, lengths: Uint8Array): Uint32Array {
  const n = lengths.length;
  const before = (a: number, b: number) =>
    start[3 * a]! - start[3 * b]! || start[3 * a + 1]! - start[3 * b + 1]! || start[3 * a + 2]! - start[3 * b + 2]! || lengths[a]! - lengths[b]! || a - b;
  const order = new Uint32Array(n);
  if (n < FEW_ROWS) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort(before);
  }
  const bucketOf = (i: number) => Math.floor(start[3 * i]! / TWO_32);
  const first = new Uint32Array(BUCKETS + 1);
  for (let i = 0; i < n; i++) first[bucketOf(i) + 1]!++;
  for (let b = 0; b < BUCKETS; b++) first[b + 1]! += first[b]!;
  const next = first.slice(0, BUCKETS);
  for (let i = 0; i < n; i++) order[next[bucketOf(i)]!++] = i;
  for (let b = 0; b < BUCKETS; b++) {
    const from = first[b]!;
    const to = first[b + 1]!;
    if (to - from < 2) continue;
    if (to - from > 16) {
      order.subarray(from, to).sort(before);
      continue;
    }
    // Insertion sort: a bucket of a few rows.
    for (let k = from + 1; k < to; k++) {
      const row = order[k]!;
      let j = k - 1;
      while (j >= from && before(order[j]!, row) > 0) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = row;
    }
  }
  return order;
}

/**
 * The prefixes as intervals [start, end) (end may be 2^128: (2^48, 0, 0)), and their
 * order by (start, length), the first of each masked (prefix, length) only: rows are in
 * priority order, and of two rows with the same masked prefix and length the first wins
 * (glibc's stable sort, FreeBSD's EEXIST).
 */
function intervalsOf(prefixes: PrefixWords) {
  const { lengths } = prefixes;
  const n = lengths.length;
  const start = prefixes.words;
  const end = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) maskWords(start, i, lengths[i]!, end);
  const order = sortedByStart(start, lengths);
  // Keep the first of each (start, length).
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const j = kept > 0 ? order[kept - 1]! : -1;
    if (j >= 0 && lengths[i] === lengths[j] && start[3 * i] === start[3 * j] && start[3 * i + 1] === start[3 * j + 1] && start[3 * i + 2] === start[3 * j + 2])
      continue;
    order[kept++] = i;
  }
  return { start, end, order: order.subarray(0, kept) };
}

/**
 * Which row decides each maximal run of addresses (-1: no row matches). Runs whose rows
 * have the same key (keys[row]; noMatchKey for no row) are merged: rows with equal keys give
 * equal values. (Two tables with the same (prefix, length) rows in the same order, a row
 * table's labels and precedences, share their deciders.)
 */
export function decidingRows(rows: PrefixWords, keys: ArrayLike<number>, noMatchKey: number): Steps<number> {
  const intervals = intervalsOf(rows);
  const { order } = intervals;
  const n = order.length;
  // The intervals gathered in sweep order: the sweep then reads them one after another, not
  // at random (a cache miss per row and per close was most of its time: issue 13).
  // Their keys too: comparing a closing row's value with the last piece's read the row
  // tables at random (issue 13: a cache miss or two per piece, ~0.3 s at 500k rows).
  const start = new Float64Array(3 * n);
  const end = new Float64Array(3 * n);
  const key = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const r = order[k]!;
    key[k] = keys[r]!;
    start[3 * k] = intervals.start[3 * r]!;
    start[3 * k + 1] = intervals.start[3 * r + 1]!;
    start[3 * k + 2] = intervals.start[3 * r + 2]!;
    end[3 * k] = intervals.end[3 * r]!;
    end[3 * k + 1] = intervals.end[3 * r + 1]!;
    end[3 * k + 2] = intervals.end[3 * r + 2]!;
  }
  // One piece at most per row start, per row end, and the last one.
  let starts: Float64Array = new Float64Array(3 * (2 * n + 1));
  const values: number[] = [];
  // The open intervals (their places in sweep order), innermost last.
  const stack = new Int32Array(n);
  let depth = 0;
  // The key of the last piece's row.
  let lastKey = 0;
  // The cursor: the first address no piece covers yet. Everything is a local of this one
  // function (no closure writes it): the sweep was twice as slow with helpers (issue 13).
  let hi = 0;
  let mid = 0;
  let lo = 0;
  for (let k = 0; k <= n; k++) {
    // Where the next row starts; after the last one, the end of the space (which closes all).
    const last = k === n;
    const h = last ? TWO_48 : start[3 * k]!;
    const m = last ? 0 : start[3 * k + 1]!;
    const l = last ? 0 : start[3 * k + 2]!;
    // Close the open intervals that end at or before (h, m, l); each that ends after the
    // cursor decides up to its end.
    while (depth > 0) {
      const at = stack[depth - 1]!;
      const eh = end[3 * at]!;
      const em = end[3 * at + 1]!;
      const el = end[3 * at + 2]!;
      if (!(eh < h || (eh === h && (em < m || (em === m && el <= l))))) break;
      depth--;
      if (hi < eh || (hi === eh && (mid < em || (mid === em && lo < el)))) {
        const count = values.length;
        if (count === 0 || lastKey !== key[at]!) {
          if (3 * count + 3 > starts.length) starts = grown(starts);
          starts[3 * count] = hi;
          starts[3 * count + 1] = mid;
          starts[3 * count + 2] = lo;
          values.push(order[at]!);
          lastKey = key[at]!;
        }
        hi = eh;
        mid = em;
        lo = el;
      }
    }
    if (last) break;
    // A gap before this row: the enclosing row (or none) decides it.
    if (hi < h || (hi === h && (mid < m || (mid === m && lo < l)))) {
      const ownerKey = depth > 0 ? key[stack[depth - 1]!]! : noMatchKey;
      const count = values.length;
      if (count === 0 || lastKey !== ownerKey) {
        if (3 * count + 3 > starts.length) starts = grown(starts);
        starts[3 * count] = hi;
        starts[3 * count + 1] = mid;
        starts[3 * count + 2] = lo;
        values.push(depth > 0 ? order[stack[depth - 1]!]! : -1);
        lastKey = ownerKey;
      }
    }
    hi = h;
    mid = m;
    lo = l;
    stack[depth++] = k;
  }
  if (hi < TWO_48) {
    const count = values.length;
    if (count === 0 || lastKey !== noMatchKey) {
      if (3 * count + 3 > starts.length) starts = grown(starts);
      starts[3 * count] = hi;
      starts[3 * count + 1] = mid;
      starts[3 * count + 2] = lo;
      values.push(-1);
    }
  }
  return { starts: trimmed(starts, 3 * values.length), values };
}

/** Twice the room (never needed by the bound above; kept so a wrong bound cannot drop pieces). */
function grown(words: Float64Array): Float64Array {
  const bigger = new Float64Array(2 * words.length);
  bigger.set(words);
  return bigger;
}

/**
 * Walk two step functions together: visit(i, j, aStarts) for each run of addresses where
 * piece i of a and piece j of b both hold; the run starts where piece i of a starts when
 * aStarts, else where piece j of b starts.
 */
export function walkTogether(a: Steps<unknown>, b: Steps<unknown>, visit: (i: number, j: number, aStarts: boolean) => void): void {
  const as = a.starts;
  const bs = b.starts;
  const na = a.values.length;
  const nb = b.values.length;
  let i = 0;
  let j = 0;
  // Compare a's piece x start with b's piece y start: < 0, 0 or > 0 (past the last piece: the end of the space).
  const compare = (x: number, y: number) => {
    if (x >= na) return y >= nb ? 0 : 1;
    if (y >= nb) return -1;
    return as[3 * x]! - bs[3 * y]! || as[3 * x + 1]! - bs[3 * y + 1]! || as[3 * x + 2]! - bs[3 * y + 2]!;
  };
  while (i < na && j < nb) {
    visit(i, j, compare(i, j) >= 0);
    // Advance whichever piece ends first (both when they end together).
    const order = compare(i + 1, j + 1);
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
}

/** The pieces of f(a(x), b(x)), equal neighbours merged. */
export function zipPieces<A, B, C>(a: Steps<A>, b: Steps<B>, combine: (a: A, b: B) => C, same: (x: C, y: C) => boolean): Steps<C> {
  const starts = new Float64Array(a.starts.length + b.starts.length);
  const values: C[] = [];
  walkTogether(a, b, (i, j, aStarts) => {
    const value = combine(a.values[i]!, b.values[j]!);
    const n = values.length;
    if (n > 0 && same(values[n - 1]!, value)) return;
    const words = aStarts ? a.starts : b.starts;
    const k = aStarts ? i : j;
    starts[3 * n] = words[3 * k]!;
    starts[3 * n + 1] = words[3 * k + 1]!;
    starts[3 * n + 2] = words[3 * k + 2]!;
    values.push(value);
  });
  return { starts: trimmed(starts, 3 * values.length), values };
}
