// Address ranges as people read them: prefixes where a range is one, else first - last.
import { ALL_ONES, formatIPv6, formatMapped, isIPv4Mapped } from './address.js';

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
