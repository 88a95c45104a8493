// Address ranges as people read them: prefixes where a range is one, else first - last.
import { ALL_ONES, formatIPv4, formatIPv6, formatMapped, isIPv4Mapped } from './address.js';

/** IPv4-mapped addresses print as ::ffff:a.b.c.d, the rest as RFC 5952 text. */
export function formatAddress(value: bigint): string {
  return isIPv4Mapped(value) ? formatMapped(value) : formatIPv6(value);
}

const TWO_64 = 1n << 64n;
const TWO_32 = 1n << 32n;

/** Bits needed to write x > 0 (x.toString(2).length, without the 128-digit string: diff calls it per range). */
function bitLength(x: bigint): number {
  let bits = 0;
  while (x >= TWO_64) {
    x >>= 64n;
    bits += 64;
  }
  while (x >= TWO_32) {
    x >>= 32n;
    bits += 32;
  }
  return bits + 32 - Math.clz32(Number(x));
}

/** The fewest prefixes that cover exactly [start, end] (only the first `limit` of them when given). */
export function rangeToPrefixes(start: bigint, end: bigint, limit = Infinity): { prefix: bigint; length: number }[] {
  const out: { prefix: bigint; length: number }[] = [];
  let at = start;
  while (at <= end && out.length < limit) {
    // Host bits of the block: the largest size whose block starts at `at` (at most its
    // trailing zero bits) and fits before `end` (2^size <= end - at + 1).
    let size = Math.min(128, bitLength(end - at + 1n) - 1);
    if (at !== 0n) size = Math.min(size, bitLength(at & -at) - 1);
    out.push({ prefix: at, length: 128 - size });
    if (size === 128) break;
    at += 1n << BigInt(size);
    if (at > ALL_ONES) break;
  }
  return out;
}

/** `2001:db8::/32`, `a/48, b/47` (up to 3 prefixes) or `first - last`. */
export function formatRange(start: bigint, end: bigint): string {
  // One prefix, the commonest case, tested directly: its size is a power of two that start is aligned to.
  const size = end - start + 1n;
  const host = size - 1n;
  if ((size & host) === 0n && (start & host) === 0n && size !== 0n) return `${formatAddress(start)}/${129 - bitLength(size)}`;
  // Only whether it takes more than 3: a range of 256 prefixes costs 128 steps per prefix (issue 13: diff at scale).
  const prefixes = rangeToPrefixes(start, end, 4);
  if (prefixes.length <= 3) return prefixes.map((p) => `${formatAddress(p.prefix)}/${p.length}`).join(', ');
  return `${formatAddress(start)} - ${formatAddress(end)}`;
}

// The same text from an address's three words (bits 127-80, 79-32 and 31-0, as step
// functions keep them: step-function.ts), with no BigInt: diff formats two addresses and a
// prefix split for each of millions of ranges, and the BigInts were most of that (issue 13).

const W16 = 2 ** 16;
const W32 = 2 ** 32;
const W48 = 2 ** 48;

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

const groupsOf = new Float64Array(8);

/** Hex text of each byte, without and with its leading zero: a group's text is one or two of these. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16));
const HEX_PADDED = HEX.map((h) => h.padStart(2, '0'));

/** A 16-bit group's hex text: Number.prototype.toString(16) took four times as long. */
const groupText = (g: number) => (g < 256 ? HEX[g]! : HEX[g >> 8]! + HEX_PADDED[g & 255]!);

/** formatAddress of the address (hi, mid, lo). */
export function formatAddressWords(hi: number, mid: number, lo: number): string {
  if (hi === 0 && mid === 0xffff) return `::ffff:${formatIPv4(lo)}`;
  const g = groupsOf;
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
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      text += '::';
      i += bestLength - 1;
      continue;
    }
    text += text === '' || i === best + bestLength ? groupText(g[i]!) : `:${groupText(g[i]!)}`;
  }
  return text;
}

/**
 * formatRange of the addresses from (sh, sm, sl) up to, not including, (eh, em, el), which
 * may be 2^128 ((2^48, 0, 0)); the range is not empty.
 */
export function formatRangeWords(sh: number, sm: number, sl: number, eh: number, em: number, el: number): string {
  // The fewest prefixes (rangeToPrefixes' greedy split), up to 4: more are written first - last.
  let text = '';
  let count = 0;
  let h = sh;
  let m = sm;
  let l = sl;
  while (count < 4 && (h < eh || (h === eh && (m < em || (m === em && l < el))))) {
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
    if (count === 0) text = `${formatAddressWords(h, m, l)}/${128 - host}`;
    else if (count < 3) text += `, ${formatAddressWords(h, m, l)}/${128 - host}`;
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
  if (count <= 3) return text;
  // The last address: end - 1.
  let ll = el - 1;
  let lm = em;
  let lh = eh;
  if (ll < 0) {
    ll += W32;
    lm--;
    if (lm < 0) {
      lm += W48;
      lh--;
    }
  }
  return `${formatAddressWords(sh, sm, sl)} - ${formatAddressWords(lh, lm, ll)}`;
}
