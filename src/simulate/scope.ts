// Address scopes (RFC 6724 section 3.1 values: 1 interface-local, 2 link-local,
// 5 site-local, 14 global) as each implementation computes them. They differ in
// the corners: ::1, IPv4 loopback/link-local, and glibc's configurable scopev4.
import type { EffectiveTable } from '../model/effective-table.js';
import { isLinkLocal4, isLinkLocal6, isLoopback4, isLoopback6, isMulticast6, isSiteLocal6 } from './host.js';
import { GLIBC_DEFAULT_SCOPEV4 } from '../model/builtin-tables.js';
import { PrefixTable } from '../model/prefix-table.js';
import { parseIPv6 } from '../model/address.js';

interface Addr {
  readonly address: bigint;
  readonly family: 4 | 6;
}

function multicastScope(a: bigint): number {
  return Number((a >> 112n) & 0xfn);
}

function ipv6UnicastScope(a: bigint, loopback: number): number {
  if (isLoopback6(a)) return loopback;
  if (isLinkLocal6(a)) return 2;
  if (isSiteLocal6(a)) return 5;
  return 14;
}

const defaultScopev4 = new PrefixTable(
  GLIBC_DEFAULT_SCOPEV4.map(([text, value]) => {
    const [address, length] = text.split('/');
    return { prefix: parseIPv6(address!)!, length: Number(length), value, origin: 'default' as const };
  }),
);

/** glibc get_scope(): ::1 is link-local (2); IPv4 from the scopev4 table (first, longest match). */
export function glibcScope(addr: Addr, table: EffectiveTable): number {
  if (addr.family === 4) return (table.scopev4 ?? defaultScopev4).match(addr.address)?.value ?? 14;
  return isMulticast6(addr.address) ? multicastScope(addr.address) : ipv6UnicastScope(addr.address, 2);
}

/** FreeBSD gai_addr2scopetype(): ::1 is 1; 127/8 and 169.254/16 are 2; RFC 1918 stays 14. */
export function freebsdScope(addr: Addr): number {
  if (addr.family === 4) return isLinkLocal4(addr.address) || isLoopback4(addr.address) ? 2 : 14;
  // (FreeBSD reads the multicast scope from the wrong byte; unicast is all we simulate.)
  return ipv6UnicastScope(addr.address, 1);
}

/** musl scopeof() runs on the ::ffff: form, so every IPv4 address is global (14). */
export function muslScope(addr: Addr): number {
  if (addr.family === 4) return 14;
  return isMulticast6(addr.address) ? multicastScope(addr.address) : ipv6UnicastScope(addr.address, 2);
}

/** Go classifyScope(): loopback and link-local of both families are 2. */
export function goScope(addr: Addr): number {
  if (addr.family === 4) return isLinkLocal4(addr.address) || isLoopback4(addr.address) ? 2 : 14;
  return isMulticast6(addr.address) ? multicastScope(addr.address) : ipv6UnicastScope(addr.address, 2);
}

/** RFC 6724 section 3.1/3.2: ::1 and IPv4 127/8, 169.254/16 are link-local. */
export function rfc6724Scope(addr: Addr): number {
  return goScope(addr);
}

/**
 * Scope as kernels use it for source selection. Linux's __ipv6_addr_type() gives ::1
 * link-local scope (2), the others interface-local (1).
 */
export function kernelSourceScope(addr: Addr, linux: boolean): number {
  if (addr.family === 4) return isLinkLocal4(addr.address) || isLoopback4(addr.address) ? 2 : 14;
  return ipv6UnicastScope(addr.address, linux ? 2 : 1);
}
