// Address ranges written as ASCII bytes into an array, the same text formatRangeWords and
// formatAddressWords (model/address-ranges.ts) give as strings: diff writes two addresses
// and a prefix split for each of almost two million ranges at 500k rows, and building those
// strings, then encoding them for the descriptor, was most of its time (issue 13).
//
// An address is three exact doubles, bits 127-80, 79-32 and 31-0 (model/step-function.ts).
// Each writer takes the array and where to start, and returns where it stopped; the caller
// makes sure there is room (MAX_RANGE_BYTES).

const W32 = 2 ** 32;
const W48 = 2 ** 48;

/** Most bytes writeRange writes: three prefixes of 39 + 4 bytes and two ", " (two addresses and " - " take fewer). */
export const MAX_RANGE_BYTES = 3 * (39 + 4) + 2 * 2;

const COLON = 0x3a;
const DOT = 0x2e;
const SLASH = 0x2f;
const COMMA = 0x2c;
const SPACE = 0x20;
const DASH = 0x2d;
const ZERO = 0x30;
/** Lower-case hex digits, as character codes. */
const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Bits needed to write x, an integer below 2^53 (0 for 0). */
function wordBits(x: number): number {
  return x >= W32 ? 64 - Math.clz32(Math.floor(x / W32)) : 32 - Math.clz32(x);
}

/** Trailing zero bits of x, an integer 0 < x < 2^53. */
function wordTrailingZeros(x: number): number {
  const low = x % W32;
  if (low !== 0) return 31 - Math.clz32(low & -low);
  const high = Math.floor(x / W32);
  return 63 - Math.clz32(high & -high);
}

/** 2^k for k = 0..128. */
const POW2 = Float64Array.from({ length: 129 }, (_, k) => 2 ** k);

/** A number 0..999 (an IPv4 byte, a prefix length) in decimal. */
function writeSmall(out: Uint8Array, at: number, n: number): number {
  if (n >= 100) {
    out[at++] = ZERO + Math.floor(n / 100);
    n %= 100;
    out[at++] = ZERO + Math.floor(n / 10);
  } else if (n >= 10) out[at++] = ZERO + Math.floor(n / 10);
  out[at++] = ZERO + (n % 10);
  return at;
}

/** A 16-bit group in hex without leading zeros. */
function writeGroup(out: Uint8Array, at: number, g: number): number {
  if (g >= 0x1000) out[at++] = HEX_DIGITS[g >> 12]!;
  if (g >= 0x100) out[at++] = HEX_DIGITS[(g >> 8) & 15]!;
  if (g >= 0x10) out[at++] = HEX_DIGITS[(g >> 4) & 15]!;
  out[at++] = HEX_DIGITS[g & 15]!;
  return at;
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
    at = writeSmall(out, at, lo >>> 24);
    out[at++] = DOT;
    at = writeSmall(out, at, (lo >>> 16) & 255);
    out[at++] = DOT;
    at = writeSmall(out, at, (lo >>> 8) & 255);
    out[at++] = DOT;
    return writeSmall(out, at, lo & 255);
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
    at = writeGroup(out, at, g[i]!);
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
    out[at++] = SLASH;
    at = writeSmall(out, at, 128 - host);
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
