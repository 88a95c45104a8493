// Address ranges written as ASCII bytes into an array, the same text formatRangeWords and
// formatAddressWords (model/address-ranges.ts) give as strings: diff writes two addresses
// and a prefix split for each of almost two million ranges at 500k rows, and building those
// strings, then encoding them for the descriptor, was most of its time (issue 13).
//
// An address is three exact doubles, bits 127-80, 79-32 and 31-0 (model/step-function.ts).
// Each writer takes the array and where to start, and returns where it stopped. Text is
// written up to four bytes at a time from tables (one 32-bit store), so a writer may write a
// few bytes past where it stops, which the next write covers: the caller makes sure there
// is room for MAX_RANGE_BYTES (MAX_ADDRESS_BYTES for one address).

const W32 = 2 ** 32;
const W48 = 2 ** 48;

/** Most bytes writeRange writes to: three prefixes of 39 + 4 bytes and two ", " (two addresses and " - " take fewer, with the few bytes past each). */
export const MAX_RANGE_BYTES = 3 * (39 + 4) + 2 * 2;
/** Most bytes writeAddressAt writes to: 39, and up to 3 past the last group or IPv4 byte. */
export const MAX_ADDRESS_BYTES = 39 + 3;

const COLON = 0x3a;
const COMMA = 0x2c;
const SPACE = 0x20;
const DASH = 0x2d;

/** Bits needed to write x, an integer below 2^53 (0 for 0). */
function wordBits(x: number): number {
  return x >= W32 ? 64 - Math.clz32(Math.floor(x / W32)) : 32 - Math.clz32(x);
}

/** Trailing zero bits of x, an integer 0 < x < 2^53. */
function wordTrailingZeros(x: number): number {
  // x >>> 0 is x mod 2^32, exactly, without the floating-point remainder of x % 2^32.
  const low = x >>> 0;
  if (low !== 0) return 31 - Math.clz32(low & -low);
  const high = (x - low) / W32;
  return 63 - Math.clz32(high & -high);
}

/** 2^k for k = 0..128. */
const POW2 = Float64Array.from({ length: 129 }, (_, k) => 2 ** k);

/** Text of up to four bytes as a little-endian word (unused bytes 0): one 32-bit store writes it. */
function packed(text: string): number {
  let word = 0;
  for (let i = text.length - 1; i >= 0; i--) word = word * 256 + text.charCodeAt(i);
  return word;
}

/** `/n` for each prefix length n (at most 4 bytes: /128). */
const SLASH_LENGTH = Uint32Array.from({ length: 129 }, (_, n) => packed(`/${n}`));
/** `n.` for each IPv4 byte n (at most 4 bytes); the last byte of an address is written without its dot. */
const BYTE_DOT = Uint32Array.from({ length: 256 }, (_, n) => packed(`${n}.`));
/** How many characters n has in decimal, n < 1000. */
const digits = (n: number) => (n >= 100 ? 3 : n >= 10 ? 2 : 1);

/** Each byte's hex text, without and with its leading zero (two bytes of a little-endian word, unused ones 0): a group is one or two of these. */
const HEX = Uint16Array.from({ length: 256 }, (_, n) => packed(n.toString(16)));
const HEX_PADDED = Uint16Array.from({ length: 256 }, (_, n) => packed(n.toString(16).padStart(2, '0')));

let viewOf: Uint8Array | undefined;
let view: DataView = new DataView(new ArrayBuffer(0));
/** A DataView of `out`, made once per array. */
function viewFor(out: Uint8Array): DataView {
  if (out !== viewOf) {
    viewOf = out;
    view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  }
  return view;
}

/** Where the `::` of RFC 5952 goes for each set of zero groups (bit i: group i is 0): the longest run of two or more, the first of equals; -1: none. */
const ZERO_RUN_AT = new Int8Array(256);
/** How many groups that `::` stands for. */
const ZERO_RUN_LENGTH = new Uint8Array(256);
for (let zeros = 0; zeros < 256; zeros++) {
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (!(zeros & (1 << i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < 8 && zeros & (1 << j)) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  ZERO_RUN_AT[zeros] = best;
  ZERO_RUN_LENGTH[zeros] = best < 0 ? 0 : bestLength;
}

const groups = new Int32Array(8);

/**
 * formatAddressWords of the address at words[k], words[k + 1], words[k + 2] as bytes:
 * ::ffff:a.b.c.d for IPv4-mapped, else RFC 5952 text. (The words stay in the array: a
 * double passed to a function that is not inlined is boxed, an allocation per address.)
 */
export function writeAddressAt(out: Uint8Array, at: number, words: Float64Array, k: number): number {
  const hi = words[k]!;
  const mid = words[k + 1]!;
  const lo = words[k + 2]!;
  if (hi === 0 && mid === 0xffff) {
    out[at++] = COLON;
    out[at++] = COLON;
    out[at++] = 0x66;
    out[at++] = 0x66;
    out[at++] = 0x66;
    out[at++] = 0x66;
    out[at++] = COLON;
    const dv = viewFor(out);
    const b0 = lo >>> 24;
    const b1 = (lo >>> 16) & 255;
    const b2 = (lo >>> 8) & 255;
    const b3 = lo & 255;
    dv.setUint32(at, BYTE_DOT[b0]!, true);
    at += digits(b0) + 1;
    dv.setUint32(at, BYTE_DOT[b1]!, true);
    at += digits(b1) + 1;
    dv.setUint32(at, BYTE_DOT[b2]!, true);
    at += digits(b2) + 1;
    dv.setUint32(at, BYTE_DOT[b3]!, true);
    return at + digits(b3);
  }
  // Each word's top 16 bits by division (it may be 48 bits wide), the rest as 32-bit integers.
  const g = groups;
  const g0 = Math.floor(hi / W32);
  const hiLow = hi - g0 * W32;
  const g3 = Math.floor(mid / W32);
  const midLow = mid - g3 * W32;
  g[0] = g0;
  g[1] = hiLow >>> 16;
  g[2] = hiLow & 0xffff;
  g[3] = g3;
  g[4] = midLow >>> 16;
  g[5] = midLow & 0xffff;
  g[6] = lo >>> 16;
  g[7] = lo & 0xffff;
  let zeros = 0;
  for (let i = 0; i < 8; i++) if (g[i] === 0) zeros |= 1 << i;
  const dv = viewFor(out);
  const best = ZERO_RUN_AT[zeros]!;
  const after = best + ZERO_RUN_LENGTH[zeros]!;
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      out[at++] = COLON;
      out[at++] = COLON;
      i = after - 1;
      continue;
    }
    if (i !== 0 && i !== after) out[at++] = COLON;
    // Two bytes at a time; a byte below 16 uses one of them, and the next write covers the other.
    const group = g[i]!;
    if (group < 256) {
      dv.setUint16(at, HEX[group]!, true);
      at += group < 16 ? 1 : 2;
    } else {
      const high = group >> 8;
      dv.setUint16(at, HEX[high]!, true);
      dv.setUint16(at + (high < 16 ? 1 : 2), HEX_PADDED[group & 255]!, true);
      at += high < 16 ? 3 : 4;
    }
  }
  return at;
}

/** The address where a range's loop is, for writeAddressAt. */
const cursor = new Float64Array(3);

/** writeAddressAt of the address (hi, mid, lo). */
export function writeAddressWords(out: Uint8Array, at: number, hi: number, mid: number, lo: number): number {
  cursor[0] = hi;
  cursor[1] = mid;
  cursor[2] = lo;
  return writeAddressAt(out, at, cursor, 0);
}

/** The end of the space, 2^128, as words. */
export const END_OF_SPACE = Float64Array.of(W48, 0, 0);

/**
 * formatRangeWords as bytes: the addresses from the one at starts[s..s + 2] up to, not
 * including, the one at ends[e..e + 2], which may be 2^128 (END_OF_SPACE); the range is not
 * empty. Up to three prefixes (rangeToPrefixes' greedy split), else `first - last`.
 */
export function writeRange(out: Uint8Array, at: number, starts: Float64Array, s: number, ends: Float64Array, e: number): number {
  const from = at;
  const eh = ends[e]!;
  const em = ends[e + 1]!;
  const el = ends[e + 2]!;
  let count = 0;
  let h = starts[s]!;
  let m = starts[s + 1]!;
  let l = starts[s + 2]!;
  while (h < eh || (h === eh && (m < em || (m === em && l < el)))) {
    // What is left, end - at (borrowing between words), and the largest block that fits in it.
    let dl = el - l;
    let dm = em - m;
    let dh = eh - h;
    if (dl < 0) {
      dl += W32;
      dm--;
    }
    if (dm < 0) {
      dm += W48;
      dh--;
    }
    const fits = dh > 0 ? 79 + wordBits(dh) : dm > 0 ? 31 + wordBits(dm) : wordBits(dl) - 1;
    // The largest block `at` is aligned to.
    const aligned = l !== 0 ? wordTrailingZeros(l) : m !== 0 ? 32 + wordTrailingZeros(m) : h !== 0 ? 80 + wordTrailingZeros(h) : 128;
    const host = Math.min(fits, aligned);
    if (count === 3) {
      // A fourth prefix: the range is written first - last instead.
      at = writeAddressAt(out, from, starts, s);
      out[at++] = SPACE;
      out[at++] = DASH;
      out[at++] = SPACE;
      // The last address: end - 1.
      cursor[2] = el - 1;
      cursor[1] = em;
      cursor[0] = eh;
      if (el === 0) {
        cursor[2] = W32 - 1;
        cursor[1] = em - 1;
        if (em === 0) {
          cursor[1] = W48 - 1;
          cursor[0] = eh - 1;
        }
      }
      return writeAddressAt(out, at, cursor, 0);
    }
    if (count > 0) {
      out[at++] = COMMA;
      out[at++] = SPACE;
    }
    cursor[0] = h;
    cursor[1] = m;
    cursor[2] = l;
    at = writeAddressAt(out, at, cursor, 0);
    const length = 128 - host;
    viewFor(out).setUint32(at, SLASH_LENGTH[length]!, true);
    at += 1 + digits(length);
    count++;
    if (host >= 80) h += POW2[host - 80]!;
    else if (host >= 32) {
      m += POW2[host - 32]!;
      if (m >= W48) {
        m -= W48;
        h++;
      }
    } else {
      l += POW2[host]!;
      if (l >= W32) {
        l -= W32;
        m++;
        if (m >= W48) {
          m -= W48;
          h++;
        }
      }
    }
  }
  return at;
}
