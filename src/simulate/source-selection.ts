// Which of the host's addresses the kernel uses to reach a destination
// (RFC 6724 section 5), as the resolvers learn it: connect() a UDP socket and
// getsockname(). Each kernel has its own candidate order and tie-break.
import { isIPv4Mapped } from '../model/address.js';
import { lookup, type EffectiveTable } from '../model/effective-table.js';
import {
  commonPrefixLength,
  isLinkLocal6,
  isLoopback4,
  isLoopback6,
  LOOPBACK_SOURCES,
  prefixLength128,
  inSubnet,
  type Destination,
  type HostAddress,
} from './host.js';
import { kernelSourceScope } from './scope.js';

/**
 * linux: net/ipv6/addrconf.c ipv6_dev_get_saddr; the candidates are the addresses of
 *   every interface, lo (::1, link-local scope there) first; an interface's list holds
 *   the newest address first, and a later candidate must be strictly better, so ties go
 *   to the address added LAST; rule 8 is capped at the candidate's prefix length. So a
 *   host whose only IPv6 address is a deprecated link-local one sends from ::1 (rule 3
 *   comes before rule 5, prefer the outgoing interface).
 * freebsd: sys/netinet6/in6_src.c in6_selectsrc; candidates in the order added, ties
 *   keep the first; rule 6 is skipped when the destination matches no policy (label -1);
 *   the longest-match rule is not capped.
 * rfc6724: section 5 as written; ties keep the first address given.
 */
export type KernelModel = 'linux' | 'freebsd' | 'rfc6724';

export interface SourceSelectionOptions {
  readonly kernel: KernelModel;
  /** The label table the kernel uses (Linux: `ip addrlabel`; BSD: the policy table). */
  readonly labels: EffectiveTable;
  /**
   * Resolver results carry no zone, and connect() to a link-local address without one
   * fails (EINVAL on Linux and the BSDs): such a destination has no source.
   */
  readonly linkLocalNeedsZone: boolean;
}

type Score = (candidate: HostAddress) => number;

function ipv6Rules(dest: Destination, o: SourceSelectionOptions): Score[] {
  const linux = o.kernel === 'linux';
  const destScope = kernelSourceScope(dest, linux);
  const destLabel = lookup(o.labels, dest.address).label;
  const labelOf = (c: HostAddress) => lookup(o.labels, c.address).label;
  const common = (c: HostAddress) => commonPrefixLength(c.address, dest.address);
  return [
    // Rule 1: prefer the destination itself.
    (c) => (c.address === dest.address ? 1 : 0),
    // Rule 2: the smallest scope that reaches the destination, else the largest.
    (c) => {
      const s = kernelSourceScope(c, linux);
      return s >= destScope ? -s : s - 128;
    },
    // Rule 3: avoid deprecated addresses.
    (c) => (c.deprecated ? 0 : 1),
    // Rule 5: prefer the outgoing interface (every host address is on it; ::1 is on lo).
    (c) => (c === LOOPBACK_SOURCES[0] ? 0 : 1),
    // Rule 6: matching label (FreeBSD skips it for an unmatched destination).
    o.kernel === 'freebsd' ? (c) => (destLabel === -1 ? 0 : labelOf(c) === destLabel ? 1 : 0) : (c) => (labelOf(c) === destLabel ? 1 : 0),
    // Rule 8: longest matching prefix.
    o.kernel === 'freebsd' ? common : (c) => Math.min(common(c), prefixLength128(c)),
  ];
}

function better(rules: Score[], candidate: HostAddress, best: HostAddress): boolean {
  for (const rule of rules) {
    const a = rule(candidate);
    const b = rule(best);
    if (a !== b) return a > b;
  }
  return false;
}

function selectIPv6(hosts: HostAddress[], dest: Destination, o: SourceSelectionOptions): HostAddress | null {
  if (hosts.length === 0) return null;
  const rules = ipv6Rules(dest, o);
  const ordered = o.kernel === 'linux' ? [LOOPBACK_SOURCES[0]!, ...[...hosts].reverse()] : hosts;
  let best = ordered[0]!;
  for (const candidate of ordered.slice(1)) if (better(rules, candidate, best)) best = candidate;
  return best;
}

/**
 * IPv4 has no RFC 6724 source rules in practice: the route decides. The connected
 * route of the subnet holding the destination (longest prefix) carries that subnet's
 * address; anything else takes the default route, whose source is the first address.
 */
function selectIPv4(hosts: HostAddress[], dest: Destination): HostAddress | null {
  if (hosts.length === 0) return null;
  const own = hosts.find((h) => h.address === dest.address);
  if (own) return own;
  let best: HostAddress | null = null;
  for (const h of hosts) if (inSubnet(h, dest.address) && (!best || h.prefixLength > best.prefixLength)) best = h;
  return best ?? hosts[0]!;
}

export function selectSource(hosts: readonly HostAddress[], dest: Destination, o: SourceSelectionOptions): HostAddress | null {
  // Loopback destinations are routed through lo, which every host has.
  if (dest.family === 6 && isLoopback6(dest.address)) return LOOPBACK_SOURCES[0]!;
  if (dest.family === 4 && isLoopback4(dest.address)) return LOOPBACK_SOURCES[1]!;
  // FreeBSD: rc.d/routing installs reject routes for ::ffff:0:0/96 and ::/96, and with
  // net.inet6.ip6.v6only=1 udp6_connect refuses an IPv4-mapped address anyway: no source.
  if (o.kernel === 'freebsd' && dest.family === 6 && (isIPv4Mapped(dest.address) || dest.address >> 32n === 0n)) return null;
  const sameFamily = hosts.filter((h) => h.family === dest.family);
  if (dest.family === 4) return selectIPv4(sameFamily, dest);
  if (o.linkLocalNeedsZone && isLinkLocal6(dest.address)) return null;
  return selectIPv6(sameFamily, dest, o);
}
