// A gai.conf's table lines read without an AST: no tokens, spans, nodes or findings, no
// BigInt per row, only each table's prefixes and values in file order. For a file made
// only of lines of the shapes policylint's gai.conf writer emits, each of which the full
// reader (gai-reader.ts) reads the same way and without any finding:
//   blank lines, `#` comment lines,
//   `label|precedence  ADDRESS/LEN  VALUE`, `scopev4  A.B.C.D/LEN  VALUE`, `reload  yes|no`,
// fields separated by spaces, optionally followed by spaces and a `#` comment, each line
// optionally ending in `\r`. Anything else (a tab, an extra word, a zone, a number that is
// not plain decimal or is out of range, a NUL byte...) makes the whole read give up, and
// the caller reads the file with the full reader instead. convert's proof reads its own
// million-line output back with this (issue 13); test/gai-plain-reader.test.ts checks it
// against the full reader.
import { parseIPv4, parseIPv6 } from '../model/address.js';
import { maskWords, type PrefixWords } from '../model/step-function.js';
import { INT_MAX } from '../model/c-numbers.js';

/** One table's lines in file order: prefix i (host bits cleared) and its value. */
export interface PlainTableLines {
  readonly prefixes: PrefixWords;
  readonly values: Float64Array;
}

export interface PlainGaiTables {
  readonly label: PlainTableLines;
  readonly precedence: PlainTableLines;
  /** As the reader keeps them: ::ffff:a.b.c.d/96+LEN. */
  readonly scopev4: PlainTableLines;
}

const SPACE = 0x20;
const HASH = 0x23;
const CR = 0x0d;
const NEWLINE = 0x0a;
const SLASH = 0x2f;
const TWO_16 = 2 ** 16;
const TWO_32 = 2 ** 32;

/** A table's lines as they are read: typed arrays that grow. */
class LineBuffer {
  words = new Float64Array(3 * 64);
  lengths = new Uint8Array(64);
  values = new Float64Array(64);
  count = 0;

  /** Room for one more row; returns its index. */
  next(): number {
    if (this.count === this.lengths.length) {
      const grow = <A extends Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
        const bigger = make(2 * a.length);
        bigger.set(a);
        return bigger;
      };
      this.words = grow(this.words, (n) => new Float64Array(n));
      this.lengths = grow(this.lengths, (n) => new Uint8Array(n));
      this.values = grow(this.values, (n) => new Float64Array(n));
    }
    return this.count++;
  }

  done(): PlainTableLines {
    const n = this.count;
    return { prefixes: { words: this.words.slice(0, 3 * n), lengths: this.lengths.slice(0, n) }, values: this.values.slice(0, n) };
  }
}

/** Scratch space for one address's eight groups. */
const groups = new Float64Array(8);
const tail = new Float64Array(8);

/**
 * text[from, to) as an IPv6 address into row `i` of `words`: the plain shapes (hex groups,
 * at most one `::`) read by hand, exactly as address.ts's parseIPv6 reads them; any other
 * text by parseIPv6 itself. False when parseIPv6 rejects the text.
 */
function readAddress(text: Uint8Array, from: number, to: number, words: Float64Array, i: number): boolean {
  if (!readPlainAddress(text, from, to, words, i)) {
    const field = ascii(text, from, to);
    const value = field === null ? null : parseIPv6(field);
    if (value === null) return false;
    words[3 * i] = Number(value >> 80n);
    words[3 * i + 1] = Number(BigInt.asUintN(48, value >> 32n));
    words[3 * i + 2] = Number(BigInt.asUintN(32, value));
  }
  return true;
}

/** The hand-read shapes of parseIPv6 (its parseIPv6Plain): false for anything else. */
function readPlainAddress(text: Uint8Array, from: number, to: number, words: Float64Array, i: number): boolean {
  const n = to - from;
  if (n === 0 || n > 39) return false;
  let heads = 0;
  let tails = 0;
  let inTail = false;
  let at = from;
  if (text[at] === 0x3a) {
    if (n < 2 || text[at + 1] !== 0x3a) return false;
    inTail = true;
    at += 2;
  }
  if (at < to) {
    for (;;) {
      let value = 0;
      let digits = 0;
      while (at < to) {
        const c = text[at]!;
        const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
        if (d < 0) break;
        value = value * 16 + d;
        digits++;
        at++;
      }
      if (digits === 0 || digits > 4) return false;
      if (inTail) {
        if (tails === 8) return false;
        tail[tails++] = value;
      } else {
        if (heads === 8) return false;
        groups[heads++] = value;
      }
      if (at === to) break;
      if (text[at] !== 0x3a) return false;
      at++;
      if (at < to && text[at] === 0x3a) {
        if (inTail) return false;
        inTail = true;
        at++;
        if (at === to) break;
      } else if (at === to) return false;
    }
  }
  if (inTail ? heads + tails > 7 : heads !== 8) return false;
  for (let g = heads; g < 8 - tails; g++) groups[g] = 0;
  for (let g = 0; g < tails; g++) groups[8 - tails + g] = tail[g]!;
  words[3 * i] = groups[0]! * TWO_32 + groups[1]! * TWO_16 + groups[2]!;
  words[3 * i + 1] = groups[3]! * TWO_32 + groups[4]! * TWO_16 + groups[5]!;
  words[3 * i + 2] = groups[6]! * TWO_16 + groups[7]!;
  return true;
}

/** text[from, to) as digits only, at most `max`; -1 otherwise (the full reader then decides). */
function readDecimal(text: Uint8Array, from: number, to: number, max: number): number {
  if (from === to) return -1;
  let value = 0;
  for (let at = from; at < to; at++) {
    const c = text[at]!;
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
    if (value > max) return -1;
  }
  return value;
}

/** Does text[at, end) hold the word `word` followed by a space? */
function keywordAt(text: Uint8Array, at: number, end: number, word: string): boolean {
  if (end - at <= word.length || text[at + word.length] !== SPACE) return false;
  for (let i = 0; i < word.length; i++) if (text[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * text[from, to) as a string, or null when it is not short ASCII: no field the plain reader
 * answers for is (an address is at most 45 characters), and the full reader decides then.
 */
function ascii(text: Uint8Array, from: number, to: number): string | null {
  if (to - from > 64) return null;
  let out = '';
  for (let at = from; at < to; at++) {
    const c = text[at]!;
    if (c >= 0x80) return null;
    out += String.fromCharCode(c);
  }
  return out;
}

/**
 * The label, precedence and scopev4 lines of a gai.conf, or undefined when any line is not
 * of the plain shapes above (or the text has a NUL byte): then only the full reader can say.
 */
export function readPlainGaiTables(input: string | Uint8Array): PlainGaiTables | undefined {
  // Bytes: convert's own output is made as UTF-8 bytes (gai-writer.ts), and read as such.
  const text = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (text.includes(0)) return undefined;
  const tables = { label: new LineBuffer(), precedence: new LineBuffer(), scopev4: new LineBuffer() };
  // The fields of the current line: [fields[2k], fields[2k + 1]) for field k.
  const fields = [0, 0, 0, 0, 0, 0];
  let start = 0;
  while (start < text.length) {
    let next = text.indexOf(NEWLINE, start);
    if (next < 0) next = text.length;
    let end = next;
    if (end > start && text[end - 1] === CR) end--;
    const first = end > start ? text[start] : HASH;
    if (first !== HASH) {
      let kind: 'label' | 'precedence' | 'scopev4' | 'reload';
      if (keywordAt(text, start, end, 'label')) kind = 'label';
      else if (keywordAt(text, start, end, 'precedence')) kind = 'precedence';
      else if (keywordAt(text, start, end, 'scopev4')) kind = 'scopev4';
      else if (keywordAt(text, start, end, 'reload')) kind = 'reload';
      else return undefined;
      // Up to three words (keyword, prefix, value), then the end or a comment.
      let count = 0;
      let at = start;
      while (at < end) {
        const c = text[at]!;
        if (c === SPACE) {
          at++;
          continue;
        }
        if (c === HASH) {
          // A comment after the words, with a space before it.
          if (text[at - 1] !== SPACE) return undefined;
          break;
        }
        if (count === 3) return undefined;
        fields[2 * count] = at;
        while (at < end && text[at] !== SPACE && text[at] !== HASH) at++;
        fields[2 * count + 1] = at;
        count++;
      }
      if (kind === 'reload') {
        if (count !== 2) return undefined;
        const value = ascii(text, fields[2]!, fields[3]!);
        if (value !== 'yes' && value !== 'no') return undefined;
      } else {
        if (count !== 3) return undefined;
        const table = tables[kind];
        const i = table.next();
        const slash = text.indexOf(SLASH, fields[2]);
        if (slash < 0 || slash >= fields[3]!) return undefined;
        let length: number;
        if (kind === 'scopev4') {
          const field = ascii(text, fields[2]!, slash);
          const v4 = field === null ? null : parseIPv4(field);
          length = readDecimal(text, slash + 1, fields[3]!, 32);
          if (v4 === null || length < 0) return undefined;
          table.words[3 * i] = 0;
          table.words[3 * i + 1] = 0xffff;
          table.words[3 * i + 2] = v4;
          length += 96;
        } else {
          length = readDecimal(text, slash + 1, fields[3]!, 128);
          if (length < 0 || !readAddress(text, fields[2]!, slash, table.words, i)) return undefined;
        }
        const value = readDecimal(text, fields[4]!, fields[5]!, INT_MAX);
        if (value < 0) return undefined;
        maskWords(table.words, i, length);
        table.lengths[i] = length;
        table.values[i] = value;
      }
    }
    start = next + 1;
  }
  return { label: tables.label.done(), precedence: tables.precedence.done(), scopev4: tables.scopev4.done() };
}
