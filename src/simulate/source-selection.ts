// Which of the host's addresses the kernel uses to reach a destination (RFC 6724
// section 5), as the resolvers learn it: connect() a UDP socket and getsockname().
// First the route gives the outgoing interface (no route: connect() fails); then each
// kernel walks its own candidate list with its own rules and tie-break.
import { isIPv4Mapped } from '../model/address.js';
import { lookup, type EffectiveTable } from '../model/effective-table.js';
import { commonPrefixLength, parseHostAddress, isLinkLocal6, isLoopback4, isLoopback6, prefixLength128, type Destination, type HostAddress } from './host.js';
import { has, interfaceOf, type HostInterface, type HostModel, type InterfaceAddress } from './host-model.js';
import { routeFor } from './routing.js';
import { kernelSourceScope } from './scope.js';

/**
 * linux: net/ipv6/addrconf.c ipv6_dev_get_saddr. Candidates: for a link-local
 *   destination only the outgoing interface's addresses, else every interface's (down
 *   ones too), lo
 *   (::1, link-local scope there) first, devices in creation order, each device's list
 *   newest first; tentative addresses are skipped (anycast ones are not in the list); a
 *   later candidate must be strictly better, so ties go to the address added LAST. Rules:
 *   same address, scope, not deprecated, outgoing interface, `ip addrlabel` label, public
 *   before temporary, longest prefix capped at the candidate's prefix length.
 * freebsd: sys/netinet6/in6_src.c in6_selectsrc. Candidates: every address in the order
 *   added, but a link-local one only on the outgoing interface, ::1 only towards lo0, no
 *   tentative or anycast address. Rules: same address, scope, not deprecated, outgoing
 *   interface, policy label (skipped when the destination matches no row), public before
 *   temporary (prefer_tempaddr=0), interface up, prefer_source, longest match uncapped;
 *   ties keep the first.
 * rfc6724: section 5 as written on the outgoing interface; ties keep the first address.
 */
export type KernelModel = 'linux' | 'freebsd' | 'rfc6724';

export interface SourceSelectionOptions {
  readonly kernel: KernelModel;
  /** The label table the kernel uses (Linux: `ip addrlabel`; BSD: the policy table). */
  readonly labels: EffectiveTable;
  /** connect() to a link-local address needs a zone (every real kernel; not the abstract RFC, Windows here). */
  readonly linkLocalNeedsZone: boolean;
}

export type SourceOutcome = { readonly source: HostAddress; readonly why?: undefined } | { readonly source: null; readonly why: string };

type Score = (candidate: InterfaceAddress) => number;

function ipv6Rules(model: HostModel, dest: Destination, dev: HostInterface, o: SourceSelectionOptions): Score[] {
  const linux = o.kernel === 'linux';
  const destScope = kernelSourceScope(dest, linux);
  const destLabel = lookup(o.labels, dest.address).label;
  const labelOf = (c: HostAddress) => lookup(o.labels, c.address).label;
  const common = (c: HostAddress) => commonPrefixLength(c.address, dest.address);
  const rules: Score[] = [
    // Rule 1: prefer the destination itself.
    (c) => (c.address === dest.address ? 1 : 0),
    // Rule 2: the smallest scope that reaches the destination, else the largest.
    (c) => {
      const s = kernelSourceScope(c, linux);
      return s >= destScope ? -s : s - 128;
    },
    // Rule 3: avoid deprecated addresses.
    (c) => (c.deprecated ? 0 : 1),
    // Rule 5: prefer the outgoing interface.
    (c) => (c.iface === dev.name ? 1 : 0),
    // Rule 6: matching label (FreeBSD skips it for an unmatched destination).
    o.kernel === 'freebsd' ? (c) => (destLabel === -1 ? 0 : labelOf(c) === destLabel ? 1 : 0) : (c) => (labelOf(c) === destLabel ? 1 : 0),
    // Rule 7: public addresses before temporary ones (the default preference).
    (c) => (has(c, 'temporary') ? 0 : 1),
  ];
  if (o.kernel === 'freebsd') {
    // KAME: addresses on interfaces that are up; then the prefer_source flag.
    rules.push((c) => (interfaceOf(model, c.iface)?.up ? 1 : 0));
    rules.push((c) => (has(c, 'prefer_source') ? 1 : 0));
    rules.push(common);
  } else rules.push((c) => Math.min(common(c), prefixLength128(c)));
  return rules;
}

function better(rules: Score[], candidate: InterfaceAddress, best: InterfaceAddress): boolean {
  for (const rule of rules) {
    const a = rule(candidate);
    const b = rule(best);
    if (a !== b) return a > b;
  }
  return false;
}

/** The addresses the kernel considers at all, in the order it walks them. */
function candidates(model: HostModel, dest: Destination, dev: HostInterface, kernel: KernelModel): InterfaceAddress[] {
  const usable = (a: InterfaceAddress) => a.family === 6 && !has(a, 'tentative') && !has(a, 'anycast');
  const linkScoped = isLinkLocal6(dest.address);
  if (kernel === 'linux') {
    const out: InterfaceAddress[] = [];
    for (const iface of model.interfaces) {
      // Down interfaces count too: ipv6_dev_get_saddr walks every device (checked on the real kernel).
      if (linkScoped && iface !== dev) continue;
      out.push(...model.addresses.filter((a) => a.iface === iface.name && usable(a)).reverse());
    }
    return out;
  }
  return model.addresses.filter((a) => {
    if (!usable(a)) return false;
    if (linkScoped || isLinkLocal6(a.address)) return a.iface === dev.name;
    if (isLoopback6(a.address)) return dev.loopback;
    return kernel === 'freebsd' || a.iface === dev.name;
  });
}

function selectIPv6(model: HostModel, dest: Destination, dev: HostInterface, o: SourceSelectionOptions): HostAddress | null {
  const list = candidates(model, dest, dev, o.kernel);
  if (list.length === 0) return null;
  const rules = ipv6Rules(model, dest, dev, o);
  let best = list[0]!;
  for (const candidate of list.slice(1)) if (better(rules, candidate, best)) best = candidate;
  return best;
}

/**
 * IPv4 has no RFC 6724 source rules in practice: the route decides. A host or connected
 * route carries its own address; any other route takes its interface's first address
 * (Linux: else the first usable address of any interface, inet_select_addr).
 */
function selectIPv4(model: HostModel, dev: HostInterface, prefsrc: InterfaceAddress | undefined, kernel: KernelModel): HostAddress | null {
  if (prefsrc) return prefsrc;
  const v4 = model.addresses.filter((a) => a.family === 4);
  const own = v4.find((a) => a.iface === dev.name);
  if (own || kernel !== 'linux') return own ?? null;
  for (const iface of model.interfaces) {
    const first = v4.find((a) => a.iface === iface.name && !isLoopback4(a.address));
    if (first) return first;
  }
  // No IPv4 address anywhere, yet a route: connect() succeeds from 0.0.0.0 (checked on the real kernel).
  return UNSPECIFIED4;
}

/** 0.0.0.0 as a source: no prefix of its own in glibc's address list, so /32 for rule 9. */
const UNSPECIFIED4: HostAddress = parseHostAddress('0.0.0.0/32');

export function selectSource(model: HostModel, dest: Destination, o: SourceSelectionOptions): SourceOutcome {
  const loopback = (family: 4 | 6) =>
    model.addresses.find((a) => a.iface === model.loopback && a.family === family && (family === 4 ? isLoopback4(a.address) : isLoopback6(a.address)));
  // Loopback destinations are routed through lo, which every host has.
  if (dest.family === 6 && isLoopback6(dest.address)) return found(loopback(6) ?? null, 'lo has no ::1');
  if (dest.family === 4 && isLoopback4(dest.address)) return found(loopback(4) ?? null, 'lo has no 127.0.0.1');
  // FreeBSD: with net.inet6.ip6.v6only=1 udp6_connect refuses an IPv4-mapped address
  // (and rc.d/routing rejects ::ffff:0:0/96 and ::/96 anyway).
  if (o.kernel === 'freebsd' && dest.family === 6 && isIPv4Mapped(dest.address))
    return { source: null, why: 'net.inet6.ip6.v6only=1 refuses an IPv4-mapped address' };
  const route = routeFor(model, dest, o.kernel, o.linkLocalNeedsZone);
  if (!route.ok) {
    const none = !model.addresses.some((a) => a.family === dest.family && a.iface !== model.loopback);
    return { source: null, why: none ? `the host has no IPv${dest.family} address` : route.why };
  }
  if (dest.family === 4) return found(selectIPv4(model, route.dev, route.prefsrc, o.kernel), `${route.dev.name} has no IPv4 address`);
  return found(selectIPv6(model, dest, route.dev, o), `no address can be a source towards ${route.dev.name}`);
}

function found(source: HostAddress | null, why: string): SourceOutcome {
  return source ? { source } : { source: null, why };
}
