// Host and destination addresses as the simulator sees them: 128-bit values
// (IPv4 as ::ffff:a.b.c.d) plus the facts the rules need.
import { formatAnyAddress, leadingZeros128, parseAnyAddress } from '../model/address.js';
import type { HostAddressFlag } from '../model/host-file.js';

export interface HostAddress {
  readonly address: bigint;
  readonly family: 4 | 6;
  /** Prefix length as the user wrote it (IPv4: 0..32, IPv6: 0..128). */
  readonly prefixLength: number;
  readonly deprecated: boolean;
  readonly text: string;
  /** The interface holding it (host model); absent in bare address lists. */
  readonly iface?: string;
  /** The kernel's address flags besides `deprecated` (temporary, anycast, tentative, ...). */
  readonly flags?: ReadonlySet<HostAddressFlag>;
}

export interface Destination {
  readonly address: bigint;
  readonly family: 4 | 6;
  /** As the output shows it: the address, with its `%zone` as written. */
  readonly text: string;
  /** The `%zone` as written (an interface name or index); absent: none. */
  readonly zone?: string;
  /** Position in the resolver's original order (rule 10). */
  readonly index: number;
}

export class AddressInputError extends Error {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(`${JSON.stringify(value)}: ${reason}`);
  }
}

/** `ADDR/PLEN` (or a bare ADDR: a host route, /32 or /128) as given on the command line. */
export function parseHostAddress(text: string, deprecated = false): HostAddress {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const parsed = parseAnyAddress(addressText);
  if (!parsed) throw new AddressInputError(text, 'not an IPv4 or IPv6 address');
  const max = parsed.family === 4 ? 32 : 128;
  let prefixLength = max;
  if (slash >= 0) {
    const lengthText = text.slice(slash + 1);
    if (!/^[0-9]{1,3}$/.test(lengthText) || Number(lengthText) > max) {
      throw new AddressInputError(text, `prefix length must be 0..${max}`);
    }
    prefixLength = Number(lengthText);
  }
  return { address: parsed.value, family: parsed.family, prefixLength, deprecated, text: formatAnyAddress(parsed.value, parsed.family) };
}

// The impact engine simulates the same few destination texts thousands of times: parse each once.
const parsedDestinations = new Map<string, Omit<Destination, 'index'>>();

export function parseDestination(text: string, index: number): Destination {
  const percent = text.indexOf('%');
  const addressText = percent < 0 ? text : text.slice(0, percent);
  let parsed = parsedDestinations.get(addressText);
  if (!parsed) {
    const p = parseAnyAddress(addressText);
    if (!p) throw new AddressInputError(text, 'not an IPv4 or IPv6 address');
    parsed = { address: p.value, family: p.family, text: formatAnyAddress(p.value, p.family) };
    if (parsedDestinations.size < 4096) parsedDestinations.set(addressText, parsed);
  }
  if (percent < 0) return { ...parsed, index };
  const zone = text.slice(percent + 1);
  if (parsed.family === 4 || !/^[A-Za-z0-9_.:-]{1,16}$/.test(zone)) {
    throw new AddressInputError(text, 'a zone (%NAME or %INDEX) belongs only after an IPv6 address and needs a name of 1 to 16 letters, digits, _ . : -');
  }
  return { ...parsed, text: `${parsed.text}%${zone}`, zone, index };
}

/** Leading bits two 128-bit values share (0..128). */
export function commonPrefixLength(a: bigint, b: bigint): number {
  return leadingZeros128(a ^ b);
}

/** Leading bits two IPv4 addresses share (0..32). */
export function commonPrefixLength4(a: bigint, b: bigint): number {
  return Math.max(0, commonPrefixLength(a, b) - 96);
}

/** The prefix length on the 128-bit scale (IPv4 /n is ::ffff:0:0/96+n). */
export function prefixLength128(host: HostAddress): number {
  return host.family === 4 ? 96 + host.prefixLength : host.prefixLength;
}

export function inSubnet(host: HostAddress, address: bigint): boolean {
  const length = prefixLength128(host);
  return commonPrefixLength(host.address, address) >= length;
}

export const LOOPBACK6 = 1n;
export const isLoopback6 = (a: bigint) => a === LOOPBACK6;
export const isLinkLocal6 = (a: bigint) => a >> 118n === 0x3fan; // fe80::/10
export const isSiteLocal6 = (a: bigint) => a >> 118n === 0x3fbn; // fec0::/10
export const isMulticast6 = (a: bigint) => a >> 120n === 0xffn;
/** IPv4 address (mapped value) in a.b.c.d/len. */
export function inIPv4Net(a: bigint, net: number, length: number): boolean {
  const v4 = Number(a & 0xffffffffn);
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return (v4 & mask) >>> 0 === (net & mask) >>> 0;
}
export const ipv4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
export const isLoopback4 = (a: bigint) => inIPv4Net(a, ipv4(127, 0, 0, 0), 8);
export const isLinkLocal4 = (a: bigint) => inIPv4Net(a, ipv4(169, 254, 0, 0), 16);
