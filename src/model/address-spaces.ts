// Address spaces that the rules and the simulator reason about: ULA, global unicast and
// the special spaces inside it.
import { parseIPv6, prefixContains } from './address.js';
import { TOP_BITS, topOf } from './address-parts.js';

export interface PrefixRange {
  readonly prefix: bigint;
  readonly length: number;
  /** topOf(prefix), when the range keeps it (a file's value lines do: rules ask their spaces again and again). */
  readonly top?: number;
}

/**
 * A space of at most 52 bits, with its top bits as a double (address-parts): a rule asks of
 * every line of a 500k-row file whether it is ULA or a site's global prefix, and two BigInt
 * masks per space asked were hundreds of megabytes of garbage (issue 13); one shift per line
 * is all this needs.
 */
interface Space extends PrefixRange {
  /** 2^(52 - length): a prefix's top divided by it, rounded down, is the block of this length it is in. */
  readonly unit: number;
  /** This space's block. */
  readonly block: number;
}

function space(text: string, length: number): Space {
  const prefix = parseIPv6(text)!;
  const unit = 2 ** (TOP_BITS - length);
  return { prefix, length, unit, block: Math.floor(topOf(prefix) / unit) };
}

/** within(p, s), for a prefix p whose top is `top`. */
const inSpace = (top: number, length: number, s: Space) => length >= s.length && Math.floor(top / s.unit) === s.block;
/** within(s, p): the space inside the prefix p (top `top`, length at most s.length, so at most 52). */
const holdsSpace = (top: number, length: number, s: Space) =>
  length <= s.length && Math.floor(top / 2 ** (TOP_BITS - length)) === Math.floor(s.block / 2 ** (s.length - length));

const ULA_SPACE = space('fc00::', 7);
const GLOBAL_SPACE = space('2000::', 3);
export const ULA: PrefixRange = ULA_SPACE;
export const GLOBAL_UNICAST: PrefixRange = GLOBAL_SPACE;
/** Well-known spaces inside 2000::/3 that are not a site's own addresses. */
const SPECIAL_GLOBAL: readonly Space[] = [
  space('2001::', 32), // Teredo
  space('2002::', 16), // 6to4
  space('3ffe::', 16), // 6bone
];

export function within(inner: PrefixRange, outer: PrefixRange): boolean {
  return inner.length >= outer.length && prefixContains(outer.prefix, outer.length, inner.prefix);
}

export function isUlaPrefix(p: PrefixRange): boolean {
  return inSpace(p.top ?? topOf(p.prefix), p.length, ULA_SPACE);
}

/** A site's own global prefix: inside 2000::/3, more specific than it, not a special space. */
export function isSiteGuaPrefix(p: PrefixRange): boolean {
  if (p.length <= 3) return false;
  const top = p.top ?? topOf(p.prefix);
  return inSpace(top, p.length, GLOBAL_SPACE) && !SPECIAL_GLOBAL.some((s) => inSpace(top, p.length, s) || holdsSpace(top, p.length, s));
}

/** An address inside a prefix to show in examples: ::1 past its start (fd00::1 for fc00::/7). */
export function exampleAddress(p: PrefixRange): bigint {
  if (p.prefix === ULA.prefix && p.length <= 8) return parseIPv6('fd00::1')!;
  return p.length >= 128 ? p.prefix : p.prefix | 1n;
}
