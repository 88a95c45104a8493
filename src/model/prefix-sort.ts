// Sorting rows by prefix, and finding the rows that repeat an earlier one, for tables of
// up to millions of rows. A comparator sort calls back once per comparison, and a Map or Set
// keyed by BigInt costs 250–500 ns an operation at 500k entries (issue 13); a native sort of
// 64-bit keys (a prefix's top bits, then the row's index) costs a fraction, and only rows
// whose top bits are equal are then sorted exactly.

/**
 * Sorts `indexes` (rows of `prefixes`) in place by `exact`, which must order by prefix
 * first: rows are ordered by their prefix's top bits, and each run of equal top bits by
 * `exact`.
 */
export function sortByPrefix(prefixes: readonly bigint[], indexes: Int32Array, exact: (a: number, b: number) => number): Int32Array {
  const indexBits = Math.max(1, Math.ceil(Math.log2(prefixes.length + 1)));
  const topShift = BigInt(64 + indexBits);
  const indexShift = BigInt(indexBits);
  const keys = new BigUint64Array(indexes.length);
  for (let i = 0; i < indexes.length; i++) keys[i] = ((prefixes[indexes[i]!]! >> topShift) << indexShift) | BigInt(indexes[i]!);
  keys.sort();
  const indexMask = (1n << indexShift) - 1n;
  for (let i = 0; i < keys.length; i++) indexes[i] = Number(keys[i]! & indexMask);
  let run = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i]! >> indexShift === keys[run]! >> indexShift) continue;
    if (i - run > 1) indexes.subarray(run, i).sort(exact);
    run = i;
  }
  return indexes;
}

/** For each row, the index of the first row with the same group and prefix; -1 for that first row itself. */
export function earlierTwins(groups: ArrayLike<number>, prefixes: readonly bigint[]): Int32Array {
  const twins = new Int32Array(prefixes.length).fill(-1);
  const order = new Int32Array(prefixes.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  sortByPrefix(prefixes, order, (a, b) => groups[a]! - groups[b]! || (prefixes[a]! < prefixes[b]! ? -1 : prefixes[a]! > prefixes[b]! ? 1 : a - b));
  // Equal group and prefix are now neighbours, the first row first (but groups are ordered
  // only within a run of equal top bits, so neighbours are compared, not runs).
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1]!;
    const b = order[k]!;
    if (groups[a] === groups[b] && prefixes[a] === prefixes[b]) twins[b] = twins[a]! >= 0 ? twins[a]! : a;
  }
  return twins;
}
