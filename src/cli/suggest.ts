// "Did you mean ...?" for command words, option names and option values. Small on purpose:
// it runs on the error path only, and one good candidate beats a list.

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: `lnit` -> `lint` is 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate `word` most likely meant, or undefined. Close means at most one edit per
 * three characters (at least one, at most two), or a prefix of three or more characters:
 * `lnt` -> `lint`, `frmat` -> `format`, `conv` -> `convert`, but `x.conf` matches nothing.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.min(2, Math.max(1, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const lower = c.toLowerCase();
    if (w.length >= 3 && lower.startsWith(w)) {
      if (0.5 < bestScore) [best, bestScore] = [c, 0.5];
      continue;
    }
    // The distance is at least the difference in length: a file path is never measured
    // (this runs on every `policylint FILE`).
    if (Math.abs(w.length - lower.length) > limit) continue;
    const distance = editDistance(w, lower);
    const score = distance <= limit ? distance : Infinity;
    if (score < bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

/** `; did you mean X?` or '' when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>, show: (c: string) => string = (c) => c): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : `; did you mean ${show(c)}?`;
}
