// A full garbage collection where a command knows that most of its heap just died.
//
// V8 lets the old generation grow to about four times what was alive at the last full
// collection before it collects again. convert at 500k rows had its last one while reading
// (250 MB alive), so the dead source policy (300 MB of AST, its model, its document) stayed
// in memory while the output was written, and the process peaked at 1.1 GB (issue 13).
// One collection once the source is dead costs a mark of what is alive then (the plan,
// ~150 MB) and keeps the peak under 1 GB. Only for large inputs: the first call builds a
// context (a millisecond or two of a cold start).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Inputs from this size on (bytes; 100k rows are about 2.7 MB) leave garbage worth a collection. */
export const LARGE_INPUT = 1 << 20;

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
