// A longest-match table of (prefix, length) -> value, the lookup both glibc and the
// FreeBSD kernel do. Rows are given in priority order: among rows of the same length
// that match, the earlier one wins (glibc sorts by length with a stable sort; the
// FreeBSD kernel refuses a duplicate with EEXIST, so the first one stays).
import { maskOf } from './address.js';

/** Up to this many prefix lengths, a lookup probes each length's map; beyond, it searches segments. */
const FEW_LENGTHS = 12;
const SPACE_END = 1n << 128n;

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

interface Level<T> {
  readonly length: number;
  readonly shift: bigint;
  readonly map: Map<bigint, PrefixRow<T>>;
}

export class PrefixTable<T> {
  readonly rows: readonly PrefixRow<T>[];
  /**
   * One map per prefix length present, longest first: a lookup costs one probe per length.
   * Keys are the network bits shifted down (prefix >> (128 - length)), not the masked
   * prefix: V8 hashes a BigInt by its lowest 64 bits, which are all zero in a masked /64
   * or shorter, so masked keys would all share one hash bucket.
   */
  private readonly byLength: Level<T>[];
  private readonly levelOf = new Map<number, Level<T>>();

  constructor(rows: readonly { prefix: bigint; length: number; value: T; origin?: RowOrigin }[]) {
    const all: PrefixRow<T>[] = [];
    rows.forEach((row, index) => {
      const full: PrefixRow<T> = { prefix: row.prefix & maskOf(row.length), length: row.length, value: row.value, origin: row.origin ?? 'file', index };
      all.push(full);
      let level = this.levelOf.get(row.length);
      if (!level) this.levelOf.set(row.length, (level = { length: row.length, shift: BigInt(128 - row.length), map: new Map() }));
      const key = full.prefix >> level.shift;
      if (!level.map.has(key)) level.map.set(key, full);
    });
    this.rows = all;
    this.byLength = [...this.levelOf.values()].sort((a, b) => b.length - a.length);
    this.effectiveCount = this.byLength.reduce((n, l) => n + l.map.size, 0);
  }

  /** How many rows take effect: distinct (prefix, length) pairs, the first of each. */
  readonly effectiveCount: number;

  /** The row that decides for this address, or undefined when none matches. */
  match(address: bigint): PrefixRow<T> | undefined {
    if (this.byLength.length > FEW_LENGTHS) return this.segmentOf(address);
    for (const level of this.byLength) {
      const row = level.map.get(address >> level.shift);
      if (row) return row;
    }
    return undefined;
  }

  /**
   * With many lengths (a large random table has a hundred), probing each is slow; the address
   * space cut into segments that each have one deciding row answers with a binary search.
   * Segment i is [segmentStarts[i], segmentStarts[i + 1]); built on the first lookup.
   */
  private segmentStarts: bigint[] | undefined;
  private segmentRows: (PrefixRow<T> | undefined)[] = [];

  private segmentOf(address: bigint): PrefixRow<T> | undefined {
    const starts = this.segmentStarts ?? this.buildSegments();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= address) lo = mid;
      else hi = mid - 1;
    }
    return this.segmentRows[lo];
  }

  private buildSegments(): bigint[] {
    // Prefixes are nested or disjoint: sorted by start (shorter first), a stack of the open
    // ones says which row decides between two boundaries (the innermost open one).
    const rows = this.sortedRows();
    const starts: bigint[] = [0n];
    const owners: (PrefixRow<T> | undefined)[] = [undefined];
    const emit = (at: bigint, row: PrefixRow<T> | undefined) => {
      const last = starts.length - 1;
      if (starts[last] === at) owners[last] = row;
      else if (owners[last] !== row) {
        starts.push(at);
        owners.push(row);
      }
    };
    const stack: { row: PrefixRow<T>; end: bigint }[] = [];
    const close = (upTo: bigint | null) => {
      while (stack.length > 0 && (upTo === null || stack[stack.length - 1]!.end <= upTo)) {
        const { end } = stack.pop()!;
        if (end < SPACE_END) emit(end, stack[stack.length - 1]?.row);
      }
    };
    for (const row of rows) {
      close(row.prefix);
      emit(row.prefix, row);
      stack.push({ row, end: row.prefix + (1n << BigInt(128 - row.length)) });
    }
    close(null);
    // Merging with the previous segment can leave two equal neighbours after an overwrite: harmless.
    this.segmentRows = owners;
    this.segmentStarts = starts;
    return starts;
  }

  /** The longest row that contains all of prefix/length (a row of length <= length). */
  covering(prefix: bigint, length: number): PrefixRow<T> | undefined {
    for (const level of this.byLength) {
      if (level.length > length) continue;
      const row = level.map.get(prefix >> level.shift);
      if (row) return row;
    }
    return undefined;
  }

  /** The row that takes effect for exactly this (masked prefix, length), if any: one probe. */
  exact(prefix: bigint, length: number): PrefixRow<T> | undefined {
    const level = this.levelOf.get(length);
    return level?.map.get(prefix >> level.shift);
  }

  private sorted: PrefixRow<T>[] | undefined;

  /** The effective rows by start address, shorter first on ties (made once; segments and parents share it). */
  private sortedRows(): PrefixRow<T>[] {
    if (!this.sorted) {
      this.sorted = this.byLength.flatMap((l) => [...l.map.values()]);
      this.sorted.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : a.length - b.length));
    }
    return this.sorted;
  }

  private parentCache: Map<PrefixRow<T>, PrefixRow<T> | undefined> | undefined;

  /**
   * The covering row of each effective row (the longest shorter row that contains it),
   * for all rows at once: prefixes are nested or disjoint, so sorting by start address
   * (shorter first on ties) and keeping a stack of open prefixes finds every parent in
   * O(n log n), where asking each row separately would probe every length per row.
   */
  parentOf(row: PrefixRow<T>): PrefixRow<T> | undefined {
    if (!this.parentCache) {
      const rows = this.sortedRows();
      const cache = new Map<PrefixRow<T>, PrefixRow<T> | undefined>();
      const stack: PrefixRow<T>[] = [];
      for (const r of rows) {
        while (stack.length > 0 && (r.prefix & maskOf(stack[stack.length - 1]!.length)) !== stack[stack.length - 1]!.prefix) stack.pop();
        cache.set(r, stack[stack.length - 1]);
        stack.push(r);
      }
      this.parentCache = cache;
    }
    return this.parentCache.get(row);
  }
}
