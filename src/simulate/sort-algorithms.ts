// The sort each resolver calls. The comparisons are not always transitive (rule 9
// compares only same-family pairs), so the algorithm's own sequence of comparisons
// decides the outcome: we follow it rather than use Array.prototype.sort.
import type { SortAlgorithm } from './resolver-profiles.js';

type Compare<T> = (a: T, b: T) => number;

/** Top-down merge sort, left half floor(n/2), ties to the left run (glibc msort.c). */
function mergeSort<T>(items: readonly T[], cmp: Compare<T>): T[] {
  if (items.length <= 1) return [...items];
  const half = Math.floor(items.length / 2);
  const left = mergeSort(items.slice(0, half), cmp);
  const right = mergeSort(items.slice(half), cmp);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(cmp(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!);
  return out.concat(left.slice(i), right.slice(j));
}

/** Insertion sort moving an element left while `before(previous, element)` says swap. */
function insertionSort<T>(items: readonly T[], swap: (previous: T, element: T) => boolean): T[] {
  const out = [...items];
  for (let m = 1; m < out.length; m++) {
    for (let l = m; l > 0 && swap(out[l - 1]!, out[l]!); l--) [out[l - 1], out[l]] = [out[l]!, out[l - 1]!];
  }
  return out;
}

export function sortWith<T>(algorithm: SortAlgorithm, items: readonly T[], cmp: Compare<T>): T[] {
  switch (algorithm) {
    case 'merge':
      return mergeSort(items, cmp);
    // FreeBSD qsort: `for (pl = pm; pl > a && cmp(pl - es, pl) > 0; ...) swap`.
    case 'insertion-bsd':
      return insertionSort(items, (p, e) => cmp(p, e) > 0);
    // Go insertionSort: `for j := i; j > a && data.Less(j, j-1); j--`.
    case 'insertion-go':
      return insertionSort(items, (p, e) => cmp(e, p) < 0);
  }
}
