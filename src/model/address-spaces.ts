// Address spaces that the rules and the simulator reason about: ULA, global unicast and
// the special spaces inside it.
import { parseIPv6, prefixContains } from './address.js';

export interface PrefixRange {
  readonly prefix: bigint;
  readonly length: number;
}

export const ULA: PrefixRange = { prefix: parseIPv6('fc00::')!, length: 7 };
export const GLOBAL_UNICAST: PrefixRange = { prefix: parseIPv6('2000::')!, length: 3 };
/** Well-known spaces inside 2000::/3 that are not a site's own addresses. */
const SPECIAL_GLOBAL: readonly PrefixRange[] = [
  { prefix: parseIPv6('2001::')!, length: 32 }, // Teredo
  { prefix: parseIPv6('2002::')!, length: 16 }, // 6to4
  { prefix: parseIPv6('3ffe::')!, length: 16 }, // 6bone
];

export function within(inner: PrefixRange, outer: PrefixRange): boolean {
  return inner.length >= outer.length && prefixContains(outer.prefix, outer.length, inner.prefix);
}

export function isUlaPrefix(p: PrefixRange): boolean {
  return within(p, ULA);
}

/** A site's own global prefix: inside 2000::/3, more specific than it, not a special space. */
export function isSiteGuaPrefix(p: PrefixRange): boolean {
  return p.length > 3 && within(p, GLOBAL_UNICAST) && !SPECIAL_GLOBAL.some((s) => within(p, s) || within(s, p));
}

/** An address inside a prefix to show in examples: ::1 past its start (fd00::1 for fc00::/7). */
export function exampleAddress(p: PrefixRange): bigint {
  if (p.prefix === ULA.prefix && p.length <= 8) return parseIPv6('fd00::1')!;
  return p.length >= 128 ? p.prefix : p.prefix | 1n;
}
