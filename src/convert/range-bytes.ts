// Address ranges written as ASCII bytes into an array, the same text formatRangeWords and
// formatAddressWords (model/address-ranges.ts) give as strings: diff writes two addresses
// and a prefix split for each of almost two million ranges at 500k rows, and building those
// strings, then encoding them for the descriptor, was most of its time (issue 13).
//
// An address is three exact doubles, bits 127-80, 79-32 and 31-0 (model/step-function.ts).
// Each writer takes the array and where to start, and returns where it stopped; the caller
// makes sure there is room (MAX_RANGE_BYTES).

const W16 = 2 ** 16;
const W32 = 2 ** 32;
const W48 = 2 ** 48;

/** Most bytes writeRangeWords writes: three prefixes of 39 + 4 bytes and two ", " (two addresses and " - " take fewer). */
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

const groups = new Float64Array(8);

/** formatAddressWords(hi, mid, lo) as bytes: ::ffff:a.b.c.d for IPv4-mapped, else RFC 5952 text. */
export function writeAddressWords(out: Uint8Array, at: number, hi: number, mid: number, lo: number): number {
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
  const g = groups;
  g[0] = Math.floor(hi / W32);
  g[1] = Math.floor(hi / W16) % W16;
  g[2] = hi % W16;
  g[3] = Math.floor(mid / W32);
  g[4] = Math.floor(mid / W16) % W16;
  g[5] = mid % W16;
  g[6] = Math.floor(lo / W16);
  g[7] = lo % W16;
  // RFC 5952: the longest run of two zero groups or more (the first of equals) is `::`.
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      out[at++] = COLON;
      out[at++] = COLON;
      i += bestLength - 1;
      continue;
    }
    if (i !== 0 && i !== best + bestLength) out[at++] = COLON;
    at = writeGroup(out, at, g[i]!);
  }
  return at;
}

/**
 * formatRangeWords as bytes: the addresses from (sh, sm, sl) up to, not including,
 * (eh, em, el), which may be 2^128 ((2^48, 0, 0)); the range is not empty. Up to three
 * prefixes (rangeToPrefixes' greedy split), else `first - last`.
 */
export function writeRangeWords(out: Uint8Array, at: number, sh: number, sm: number, sl: number, eh: number, em: number, el: number): number {
  const from = at;
  let count = 0;
  let h = sh;
  let m = sm;
  let l = sl;
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
      at = writeAddressWords(out, from, sh, sm, sl);
      out[at++] = SPACE;
      out[at++] = DASH;
      out[at++] = SPACE;
      return writeLast(out, at, eh, em, el);
    }
    if (count > 0) {
      out[at++] = COMMA;
      out[at++] = SPACE;
    }
    at = writeAddressWords(out, at, h, m, l);
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

/** The address before (eh, em, el): a range's last address. */
function writeLast(out: Uint8Array, at: number, eh: number, em: number, el: number): number {
  let l = el - 1;
  let m = em;
  let h = eh;
  if (l < 0) {
    l += W32;
    m--;
    if (m < 0) {
      m += W48;
      h--;
    }
  }
  return writeAddressWords(out, at, h, m, l);
}
