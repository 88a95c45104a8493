// diff's output as bytes: one line per range where two policies differ, written straight
// into the caller's buffer (issue 13: almost two million lines for two 500k-row tables,
// where strings, their concatenation and their encoding took most of the time).
import { forEachDifferingIdRun, scopeDifferences, valueIdsOf, type Meaning } from './equivalence.js';
import { formatScopeRegion, formatValues } from './format-differences.js';
import { END_OF_SPACE, MAX_RANGE_BYTES, writeRange } from './range-bytes.js';

/** Where lines are written: `room(n)` makes room for n more bytes at `at` (sending what is held), then the writer moves `at`. */
export interface LineBuffer {
  readonly bytes: Uint8Array;
  at: number;
  room(length: number): void;
}

/** A line's text (ASCII) into the buffer. */
function writeAscii(out: LineBuffer, text: string): void {
  out.room(text.length);
  const { bytes } = out;
  let at = out.at;
  for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
  out.at = at;
}

/** ASCII text as bytes. */
const asciiBytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/**
 * Every line of `policylint diff` after its header: `range: old -> new` where (precedence,
 * label) differ (label only when labelsOnly), then `range: scope old -> new` where IPv4
 * scopes do. Returns how many lines.
 */
export function writeDifferenceLines(before: Meaning, after: Meaning, labelsOnly: boolean, out: LineBuffer): number {
  const ids = valueIdsOf(before.values, after.values);
  // What follows the range, per id: ": old" and " -> new\n".
  const oldText = ids.values.map((v) => asciiBytes(`: ${formatValues(v, labelsOnly)}`));
  const newText = ids.values.map((v) => asciiBytes(` -> ${formatValues(v, labelsOnly)}\n`));
  // Two ids agree when their values are equal, or only their labels when labelsOnly.
  const labelKeys = new Map<number, number>();
  const agreeKey = Int32Array.from(ids.values, (v, id) => {
    if (!labelsOnly) return id;
    let key = labelKeys.get(v.label);
    if (key === undefined) labelKeys.set(v.label, (key = labelKeys.size));
    return key;
  });
  let lines = 0;
  forEachDifferingIdRun(before.values.starts, ids.before, after.values.starts, ids.after, agreeKey, (startWords, start, endWords, end, b, a) => {
    const old = oldText[b]!;
    const now = newText[a]!;
    out.room(MAX_RANGE_BYTES + old.length + now.length);
    const { bytes } = out;
    const at = writeRange(bytes, out.at, startWords, 3 * start, endWords ?? END_OF_SPACE, 3 * end);
    bytes.set(old, at);
    bytes.set(now, at + old.length);
    out.at = at + old.length + now.length;
    lines++;
  });
  for (const region of scopeDifferences(before.scopes, after.scopes)) {
    writeAscii(out, `${formatScopeRegion(region)}\n`);
    lines++;
  }
  return lines;
}
