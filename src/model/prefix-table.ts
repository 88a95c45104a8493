// A longest-match table of (prefix, length) -> value, the lookup both glibc and the
// FreeBSD kernel do. Rows are given in priority order: among rows of the same length
// that match, the earlier one wins (glibc sorts by length with a stable sort; the
// FreeBSD kernel refuses a duplicate with EEXIST, so the first one stays).
//
// Which rows take effect and where (the table's shape) does not depend on the values, so a
// FreeBSD table's labels and precedences, which come from the same rows, share one shape:
// its sort, segments and parents are built once (at 500k rows, seconds and hundreds
// of megabytes; issue 13).
import { maskValue } from './address.js';
import { sortByPrefix } from './prefix-sort.js';
import {
  BOTTOM_END,
  MIDDLE_BITS,
  MIDDLE_END,
  PART_STRIDE,
  TOP_BITS,
  TOP_END,
  bottomOf,
  compareParts,
  middleOf,
  partsOf,
  sameParts,
  topOf,
} from './address-parts.js';

export type RowOrigin = 'file' | 'default' | 'implicit';

export interface PrefixRow<T> {
  /** Prefix value with host bits cleared (both systems ignore them for matching). */
  readonly prefix: bigint;
  readonly length: number;
  readonly value: T;
  readonly origin: RowOrigin;
  /** Index of the row in the order it was given (file order for file rows). */
  readonly index: number;
}

/** Does segment i, whose start has the same top as the address, start after it? (No closure per lookup.) */
const startsAfter = (middles: Float64Array, bottoms: Float64Array, i: number, middle: number, bottom: number): boolean =>
  middles[i]! > middle || (middles[i] === middle && bottoms[i]! > bottom);

/** The value-free part of a table: which row decides where. Built from the masked rows. */
class TableShape {
  constructor(
    readonly prefixes: readonly bigint[],
    readonly lengths: readonly number[],
  ) {}

  /** Same rows (prefix and length, in order) as these? Then a table may share this shape. */
  fits(prefixes: readonly bigint[], lengths: readonly number[]): boolean {
    if (prefixes.length !== this.prefixes.length) return false;
    for (let i = 0; i < prefixes.length; i++) if (prefixes[i] !== this.prefixes[i] || lengths[i] !== this.lengths[i]) return false;
    return true;
  }

  get effectiveCount(): number {
    return this.sortedRows().length;
  }

  /** Index of the row that decides for this address, or -1. */
  match(address: bigint): number {
    return this.segmentOf(address);
  }

  /**
   * The longest row of at most this length that contains the prefix. The rows that contain
   * its first address are nested: the innermost (its segment's owner) and its parents.
   */
  covering(prefix: bigint, length: number): number {
    return this.coveringFrom(this.segmentOf(prefix), length);
  }

  exact(prefix: bigint, length: number): number {
    return this.exactFrom(this.segmentOf(prefix), length);
  }

  /** covering(), from the owner of the prefix's first address: that row or its nearest parent of at most this length. */
  private coveringFrom(owner: number, length: number): number {
    let index = owner;
    const parents = this.parents!;
    const lengths = this.lengths;
    while (index >= 0 && lengths[index]! > length) index = parents[index]!;
    return index;
  }

  private exactFrom(owner: number, length: number): number {
    const index = this.coveringFrom(owner, length);
    return index >= 0 && this.lengths[index] === length ? index : -1;
  }

  private sorted: Int32Array | undefined;

  /**
   * The effective rows' indexes by start address, shorter first on ties (made once; segments
   * and parents share it). A row takes effect when it is the first of its prefix and length:
   * sorted by (prefix, length, index), its twins follow it. A sort, not a Map per length:
   * 500k BigInt keys in Maps cost 0.6 s and 150 MB (issue 13).
   */
  sortedRows(): Int32Array {
    if (!this.sorted) {
      const { prefixes } = this;
      const parts = this.rowParts();
      const all = new Int32Array(prefixes.length);
      for (let index = 0; index < all.length; index++) all[index] = index;
      // (prefix, length, index): the parts in order, the length last of them.
      sortByPrefix(parts, all, (a, b) => compareParts(parts, a, b), PART_STRIDE);
      const twins = new Int32Array(prefixes.length).fill(-1);
      let k = 0;
      for (let i = 0; i < all.length; i++) {
        const index = all[i]!;
        // A twin follows the first row of its prefix and length, which is all[k - 1].
        if (k > 0 && sameParts(parts, all[k - 1]!, index)) {
          twins[index] = all[k - 1]!;
          continue;
        }
        all[k++] = index;
      }
      this.sorted = all.subarray(0, k);
      this.twins = twins;
    }
    return this.sorted;
  }

  private twins: Int32Array | undefined;

  /** For each row, the first row of the same prefix and length (the one that takes effect); -1 for that row itself. */
  earlierTwins(): Int32Array {
    this.sortedRows();
    return this.twins!;
  }

  /**
   * Each row's prefix as three exact doubles and its length (address-parts), read in row order: the BigInts
   * lie in memory in that order, and the sort and the sweep then read typed arrays only.
   */
  private rowParts(): Float64Array {
    this.parts = partsOf(this.prefixes, this.lengths);
    return this.parts;
  }

  /** rowParts' array, kept from the sort for the sweep. */
  private parts: Float64Array | undefined;

  /**
   * The address space cut into segments that each have one deciding row: a lookup is a
   * search, however many lengths there are (a large random table has a hundred, and probing
   * each was slow). Segment i starts at (startTops[i], startMiddles[i], startBottoms[i]) (a
   * 128-bit value as three exact doubles, see address-parts.ts) and ends where segment i + 1 starts;
   * built on the first lookup. Doubles in typed arrays, not BigInts: at 500k rows a BigInt per
   * boundary cost most of a second and 40 MB that every garbage collection walked (issue 13).
   */
  private startTops: Float64Array | undefined;
  private startMiddles: Float64Array = new Float64Array(0);
  private startBottoms: Float64Array = new Float64Array(0);
  private segmentOwners: Int32Array = new Int32Array(0);

  /**
   * Where each bucket's segments begin: bucket b holds the segments whose top bits (the
   * first `bucketBits` of the 52) are b. A search starts from its bucket, a few segments,
   * instead of bisecting a million (each step a cache miss: issue 13).
   */
  private buckets: Int32Array = new Int32Array(0);
  private bucketWidth = 1;

  private segmentOf(address: bigint): number {
    const tops = this.startTops ?? this.buildSegments();
    const top = topOf(address);
    const first = this.firstWithTop(tops, top);
    const end = this.endOfTop(tops, top, first);
    // Only among starts with these top bits are the lower bits compared (made only then).
    return first === end ? this.segmentOwners[first - 1]! : this.lastStartAtOrBefore(first, end, middleOf(address), bottomOf(address));
  }

  /** segmentOf, for a value given as its three parts (address-parts). */
  private segmentOfParts(top: number, middle: number, bottom: number): number {
    const tops = this.startTops ?? this.buildSegments();
    const first = this.firstWithTop(tops, top);
    const end = this.endOfTop(tops, top, first);
    return first === end ? this.segmentOwners[first - 1]! : this.lastStartAtOrBefore(first, end, middle, bottom);
  }

  /** The first segment whose start's top is at least `top`, searched in top's bucket. */
  private firstWithTop(tops: Float64Array, top: number): number {
    const bucket = Math.floor(top / this.bucketWidth);
    let lo = this.buckets[bucket]!;
    let hi = this.buckets[bucket + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tops[mid]! < top) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** One past the last segment whose start's top is `top` (from `first`, the first such). */
  private endOfTop(tops: Float64Array, top: number, first: number): number {
    let lo = first;
    let hi = this.buckets[Math.floor(top / this.bucketWidth) + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tops[mid]! <= top) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Among segments [first, end), whose starts share the value's top, the owner of the last that starts at or before it (or of the one before them). */
  private lastStartAtOrBefore(first: number, end: number, middle: number, bottom: number): number {
    const middles = this.startMiddles;
    const bottoms = this.startBottoms;
    if (startsAfter(middles, bottoms, first, middle, bottom)) return this.segmentOwners[first - 1]!;
    let a = first;
    let b = end - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (startsAfter(middles, bottoms, mid, middle, bottom)) b = mid - 1;
      else a = mid;
    }
    return this.segmentOwners[a]!;
  }

  /**
   * match() for each address, or exact() for each prefix when lengths are given, worked out
   * in address order: the segments are then read front to back. One lookup at a time in file
   * order is a cache miss or more per lookup, about a microsecond at 500k rows (issue 13).
   */
  inAddressOrder(values: readonly bigint[], lengths?: ArrayLike<number>): Int32Array {
    const parts = partsOf(values, lengths);
    const order = new Int32Array(values.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    // Only locality matters: values of equal top bits may come in any order.
    sortByPrefix(parts, order, (a, b) => a - b, PART_STRIDE);
    const out = new Int32Array(values.length);
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const at = PART_STRIDE * i;
      const segment = this.segmentOfParts(parts[at]!, parts[at + 1]!, parts[at + 2]!);
      out[i] = lengths === undefined ? segment : this.exactFrom(segment, parts[at + 3]!);
    }
    return out;
  }

  private buildSegments(): Float64Array {
    // Prefixes are nested or disjoint: sorted by start (shorter first), a stack of the open
    // ones says which row decides between two boundaries (the innermost open one). Each
    // boundary is added where it is met (at most one per row start and one per row end).
    const sorted = this.sortedRows();
    const parts = this.parts!;
    this.parts = undefined; // the sweep is their last reader
    const capacity = 2 * sorted.length + 1;
    const tops = new Float64Array(capacity);
    const middles = new Float64Array(capacity);
    const bottoms = new Float64Array(capacity);
    const owners = new Int32Array(capacity);
    owners[0] = -1;
    let count = 1;
    const add = (top: number, middle: number, bottom: number, owner: number) => {
      const last = count - 1;
      if (tops[last] === top && middles[last] === middle && bottoms[last] === bottom) owners[last] = owner;
      else if (owners[last] !== owner) {
        tops[count] = top;
        middles[count] = middle;
        bottoms[count] = bottom;
        owners[count++] = owner;
      }
    };
    // The open prefixes, innermost last, and where each ends. Nested prefixes have distinct
    // lengths, so at most 129 are open at once.
    const open = new Int32Array(130);
    const endTops = new Float64Array(130);
    const endMiddles = new Float64Array(130);
    const endBottoms = new Float64Array(130);
    let depth = 0;
    // The same sweep finds every row's parent: the innermost prefix still open when it starts.
    const parents = new Int32Array(this.prefixes.length).fill(-2);
    for (let i = 0; i <= sorted.length; i++) {
      const index = i < sorted.length ? sorted[i]! : -1;
      const at = PART_STRIDE * index;
      const length = index < 0 ? 0 : parts[at + 3]!;
      // The space's end is (2^52, 0, 0): after every row.
      const top = index < 0 ? TOP_END : parts[at]!;
      const middle = index < 0 ? 0 : parts[at + 1]!;
      const bottom = index < 0 ? 0 : parts[at + 2]!;
      // Close every open prefix that ends at or before this start.
      while (
        depth > 0 &&
        (endTops[depth - 1]! < top ||
          (endTops[depth - 1] === top && (endMiddles[depth - 1]! < middle || (endMiddles[depth - 1] === middle && endBottoms[depth - 1]! <= bottom))))
      ) {
        depth--;
        if (endTops[depth]! < TOP_END) add(endTops[depth]!, endMiddles[depth]!, endBottoms[depth]!, depth > 0 ? open[depth - 1]! : -1);
      }
      if (index < 0) break;
      parents[index] = depth > 0 ? open[depth - 1]! : -1;
      add(top, middle, bottom, index);
      // Its end: the prefix plus 2^(128 - length), carried through the three parts.
      let endTop = top;
      let endMiddle = middle;
      let endBottom = bottom;
      if (length <= TOP_BITS) endTop += 2 ** (TOP_BITS - length);
      else if (length <= TOP_BITS + MIDDLE_BITS) endMiddle += 2 ** (TOP_BITS + MIDDLE_BITS - length);
      else endBottom += 2 ** (128 - length);
      if (endBottom >= BOTTOM_END) {
        endBottom -= BOTTOM_END;
        endMiddle += 1;
      }
      if (endMiddle >= MIDDLE_END) {
        endMiddle -= MIDDLE_END;
        endTop += 1;
      }
      open[depth] = index;
      endTops[depth] = endTop;
      endMiddles[depth] = endMiddle;
      endBottoms[depth++] = endBottom;
    }
    // Merging with the previous segment can leave two equal neighbours after an overwrite: harmless.
    this.parents = parents;
    this.segmentOwners = owners.slice(0, count);
    this.startMiddles = middles.slice(0, count);
    this.startBottoms = bottoms.slice(0, count);
    const startTops = tops.slice(0, count);
    this.startTops = startTops;
    // About one segment a bucket, up to 2^20 buckets (4 MB).
    const bucketBits = Math.min(20, Math.max(1, Math.ceil(Math.log2(count))));
    const width = 2 ** (TOP_BITS - bucketBits);
    const buckets = new Int32Array(2 ** bucketBits + 1);
    let segment = 0;
    for (let b = 0; b < buckets.length; b++) {
      while (segment < count && Math.floor(startTops[segment]! / width) < b) segment++;
      buckets[b] = segment;
    }
    this.buckets = buckets;
    this.bucketWidth = width;
    return startTops;
  }

  /** Each row's parent's index (-1: none); -2 for a row that does not take effect. */
  private parents: Int32Array | undefined;

  /**
   * The covering row of each effective row (the longest shorter row that contains it),
   * for all rows at once, by buildSegments' sweep: prefixes are nested or disjoint, so
   * sorting by start address (shorter first on ties) and keeping a stack of open prefixes
   * finds every parent in O(n log n), where asking each row separately would probe every
   * length per row.
   */
  parentOf(index: number): number {
    if (!this.parents) this.buildSegments();
    return this.parents![index] ?? -2;
  }
}

/** Row i's fields, read one at a time. */
export interface RowReader<T> {
  prefix(index: number): bigint;
  length(index: number): number;
  value(index: number): T;
  origin(index: number): RowOrigin;
}

export class PrefixTable<T> {
  private readonly shape: TableShape;
  /** Each row's masked prefix and length (the shape's own arrays), value and origin, by index. */
  private readonly prefixes: readonly bigint[];
  private readonly lengths: readonly number[];
  private readonly values: readonly T[];
  private readonly origins: readonly RowOrigin[];
  /**
   * The rows as objects, each made when first asked for and then kept (a row is always the
   * same object). Not one per row up front: a 500k-row file's two tables were a million
   * objects that every garbage collection copied, and a lint asks for few of them (issue 13).
   */
  private readonly made: (PrefixRow<T> | undefined)[];
  private all: readonly PrefixRow<T>[] | undefined;

  /**
   * From a list of rows, or from `count` rows read through a RowReader (no object per row to
   * pass in: a 500k-row file's two tables were built from 1.5M such objects, all promoted to
   * the old generation and then dropped; issue 13). `sameShapeAs`: a table built from the
   * same prefixes and lengths in the same order, whose shape this one reuses.
   */
  constructor(
    rows: readonly { prefix: bigint; length: number; value: T; origin?: RowOrigin }[] | { readonly count: number; readonly row: RowReader<T> },
    sameShapeAs?: PrefixTable<unknown>,
  ) {
    const reader: { count: number; row: RowReader<T> } =
      'count' in rows
        ? rows
        : {
            count: rows.length,
            row: {
              prefix: (i) => rows[i]!.prefix,
              length: (i) => rows[i]!.length,
              value: (i) => rows[i]!.value,
              origin: (i) => rows[i]!.origin ?? 'file',
            },
          };
    const { count, row } = reader;
    const prefixes: bigint[] = new Array(count);
    const lengths: number[] = new Array(count);
    const values: T[] = new Array(count);
    const origins: RowOrigin[] = new Array(count);
    for (let index = 0; index < count; index++) {
      const length = row.length(index);
      prefixes[index] = maskValue(row.prefix(index), length);
      lengths[index] = length;
      values[index] = row.value(index);
      origins[index] = row.origin(index);
    }
    this.shape = sameShapeAs?.shape.fits(prefixes, lengths) ? sameShapeAs.shape : new TableShape(prefixes, lengths);
    // A shared shape's arrays hold the same prefixes and lengths: one copy for both tables.
    this.prefixes = this.shape.prefixes;
    this.lengths = this.shape.lengths;
    this.values = values;
    this.origins = origins;
    this.made = new Array(count);
  }

  /** Every row, in the order given (made for all rows: for callers that walk the whole table). */
  get rows(): readonly PrefixRow<T>[] {
    if (!this.all) {
      const all: PrefixRow<T>[] = new Array(this.values.length);
      for (let i = 0; i < all.length; i++) all[i] = this.rowAt(i)!;
      this.all = all;
    }
    return this.all;
  }

  /** How many rows were given. */
  get size(): number {
    return this.values.length;
  }

  /** Row i's masked prefix, without its object. */
  prefixAt(index: number): bigint {
    return this.prefixes[index]!;
  }

  /** Row i's prefix length, without its object. */
  lengthAt(index: number): number {
    return this.lengths[index]!;
  }

  /** Row i's value, without its object. */
  valueAt(index: number): T {
    return this.values[index]!;
  }

  /** Row i's origin, without its object. */
  originAt(index: number): RowOrigin {
    return this.origins[index]!;
  }

  /** How many rows take effect: distinct (prefix, length) pairs, the first of each. */
  get effectiveCount(): number {
    return this.shape.effectiveCount;
  }

  /** The row given at this index (-1: none). */
  rowAt(index: number): PrefixRow<T> | undefined {
    if (index < 0 || index >= this.values.length) return undefined;
    let row = this.made[index];
    if (!row) {
      row = { prefix: this.prefixes[index]!, length: this.lengths[index]!, value: this.values[index]!, origin: this.origins[index]!, index };
      this.made[index] = row;
    }
    return row;
  }

  /**
   * For each row, the index of the first row with the same masked prefix and length (the one
   * that takes effect); -1 for that first row. A copy: the table's sort found them already.
   */
  earlierTwins(): Int32Array {
    return this.shape.earlierTwins().slice();
  }

  /** Built from the same rows as `other` (sameShapeAs): a row that decides in one decides, at the same index, in the other. */
  sharesShapeWith(other: PrefixTable<unknown>): boolean {
    return this.shape === other.shape;
  }

  /** The row that decides for this address, or undefined when none matches. */
  match(address: bigint): PrefixRow<T> | undefined {
    return this.rowAt(this.shape.match(address));
  }

  /** The longest row that contains all of prefix/length (a row of length <= length). */
  covering(prefix: bigint, length: number): PrefixRow<T> | undefined {
    return this.rowAt(this.shape.covering(prefix, length));
  }

  /** The row that takes effect for exactly this (masked prefix, length), if any: one probe. */
  exact(prefix: bigint, length: number): PrefixRow<T> | undefined {
    return this.rowAt(this.shape.exact(prefix, length));
  }

  /** match() for each address: the deciding rows' indexes (-1: none), worked out in address order (many lookups at once). */
  matchAll(addresses: readonly bigint[]): Int32Array {
    return this.shape.inAddressOrder(addresses);
  }

  /** exact() for each masked prefix and length: the rows' indexes (-1: none), worked out in address order. */
  exactAll(prefixes: readonly bigint[], lengths: ArrayLike<number>): Int32Array {
    return this.shape.inAddressOrder(prefixes, lengths);
  }

  /** The covering row of an effective row of this table (the longest shorter row that contains it). */
  parentOf(row: PrefixRow<T>): PrefixRow<T> | undefined {
    return this.rowAt(this.shape.parentOf(row.index));
  }

  /** parentOf by index: the parent's index (-1: none; -2: the row does not take effect). */
  parentIndexOf(index: number): number {
    return this.shape.parentOf(index);
  }
}
