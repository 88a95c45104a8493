// Address spaces that are gone or going: 6to4 (RFC 7526), Teredo (RFC 4380, ignored by
// modern stacks), site-local (RFC 3879), 6bone (RFC 3701) and IPv4-compatible (RFC 4291).
// ::1 and :: sit inside ::/96 but are loopback and unspecified, not IPv4-compatible.
import { parseIPv6 } from '../../model/address.js';
import { within, type PrefixRange } from '../../model/address-spaces.js';

export interface DeprecatedSpace extends PrefixRange {
  readonly name: string;
  readonly why: string;
}

export const DEPRECATED_SPACES: readonly DeprecatedSpace[] = [
  { prefix: parseIPv6('2002::')!, length: 16, name: '6to4', why: 'deprecated by RFC 7526' },
  { prefix: parseIPv6('2001::')!, length: 32, name: 'Teredo', why: 'a transition mechanism modern stacks no longer use' },
  { prefix: parseIPv6('fec0::')!, length: 10, name: 'site-local', why: 'deprecated by RFC 3879' },
  { prefix: parseIPv6('3ffe::')!, length: 16, name: '6bone', why: 'returned by RFC 3701' },
  { prefix: 0n, length: 96, name: 'IPv4-compatible', why: 'deprecated by RFC 4291' },
];

export function deprecatedSpaceOf(p: PrefixRange): DeprecatedSpace | undefined {
  if (p.length === 128 && p.prefix <= 1n) return undefined; // :: and ::1
  return DEPRECATED_SPACES.find((d) => within(p, d));
}

export const isDeprecatedSpace = (p: PrefixRange) => deprecatedSpaceOf(p) !== undefined;
