// "Which row of this table decides for every address inside prefix P/len?" — the longest
// row whose prefix contains P/len (length <= len). Rows are in priority order: the first
// of two rows with the same masked prefix and length wins.
import { maskOf } from '../address.js';

export class CoveringLookup<T> {
  private readonly levels: { length: number; mask: bigint; map: Map<bigint, T> }[];

  constructor(rows: readonly { prefix: bigint; length: number; value: T }[]) {
    const maps = new Map<number, Map<bigint, T>>();
    for (const row of rows) {
      const masked = row.prefix & maskOf(row.length);
      let map = maps.get(row.length);
      if (!map) maps.set(row.length, (map = new Map()));
      if (!map.has(masked)) map.set(masked, row.value);
    }
    this.levels = [...maps.entries()].sort((a, b) => b[0] - a[0]).map(([length, map]) => ({ length, mask: maskOf(length), map }));
  }

  /** Value of the longest row that contains the whole prefix, or undefined. */
  covering(prefix: bigint, length: number): T | undefined {
    for (const level of this.levels) {
      if (level.length > length) continue;
      const hit = level.map.get(prefix & level.mask);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
}
