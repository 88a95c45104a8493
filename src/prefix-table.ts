// A longest-match table of (prefix, length) -> value, the lookup both glibc and the
// FreeBSD kernel do. Rows are given in priority order: among rows of the same length
// that match, the earlier one wins (glibc sorts by length with a stable sort; the
// FreeBSD kernel refuses a duplicate with EEXIST, so the first one stays).
import { maskOf } from './address.js';

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

export class PrefixTable<T> {
  readonly rows: readonly PrefixRow<T>[];
  /** One map per prefix length present, longest first: a lookup costs at most 129 probes. */
  private readonly byLength: { length: number; mask: bigint; map: Map<bigint, PrefixRow<T>> }[];

  constructor(rows: readonly { prefix: bigint; length: number; value: T; origin: RowOrigin }[]) {
    const all: PrefixRow<T>[] = [];
    const maps = new Map<number, Map<bigint, PrefixRow<T>>>();
    rows.forEach((row, index) => {
      const mask = maskOf(row.length);
      const full: PrefixRow<T> = { ...row, prefix: row.prefix & mask, index };
      all.push(full);
      let map = maps.get(row.length);
      if (!map) maps.set(row.length, (map = new Map()));
      if (!map.has(full.prefix)) map.set(full.prefix, full);
    });
    this.rows = all;
    this.byLength = [...maps.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([length, map]) => ({ length, mask: maskOf(length), map }));
  }

  /** The row that decides for this address, or undefined when none matches. */
  match(address: bigint): PrefixRow<T> | undefined {
    for (const level of this.byLength) {
      const row = level.map.get(address & level.mask);
      if (row) return row;
    }
    return undefined;
  }

  /** The row that decides for this address among rows shorter than `length` (what covers a /length row). */
  matchShorterThan(address: bigint, length: number): PrefixRow<T> | undefined {
    for (const level of this.byLength) {
      if (level.length >= length) continue;
      const row = level.map.get(address & level.mask);
      if (row) return row;
    }
    return undefined;
  }

  /** The rows that take effect: the first of each (masked prefix, length). */
  get effectiveRows(): PrefixRow<T>[] {
    return this.rows.filter((row) => this.byLength.find((l) => l.length === row.length)!.map.get(row.prefix) === row);
  }

  /** Prefix lengths present, longest first. */
  get lengths(): number[] {
    return this.byLength.map((l) => l.length);
  }
}
