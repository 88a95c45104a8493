// Which interface a packet to a destination leaves by: the longest matching route, as
// connect() asks the kernel before it picks a source. The table is what the kernel
// builds from the host: a host route per own address, a connected route per address's
// prefix, the host file's routes, and the platform's fixed reject routes.
import { maskOf } from '../model/address.js';
import type { Destination } from './host.js';
import { isLinkLocal6 } from './host.js';
import { has, interfaceOf, type HostInterface, type HostModel, type HostRoute, type InterfaceAddress } from './host-model.js';
import type { KernelModel } from './source-selection.js';

export type RouteOutcome =
  | { readonly ok: true; readonly dev: HostInterface; readonly prefsrc?: InterfaceAddress }
  | { readonly ok: false; readonly why: string };

/** rc.d/routing's reject routes on every FreeBSD host (ipv6_default_interface unset). */
const FREEBSD_REJECT: readonly { prefix: bigint; length: number }[] = [
  { prefix: 0xffffn << 32n, length: 96 }, // ::ffff:0:0/96
  { prefix: 0n, length: 96 }, // ::/96
  { prefix: 0xfe80n << 112n, length: 10 }, // fe80::/10
  { prefix: 0xff02n << 112n, length: 16 }, // ff02::/16
];

const contains = (r: { prefix: bigint; length: number }, a: bigint) => ((r.prefix ^ a) & maskOf(r.length)) === 0n;
const length128 = (a: InterfaceAddress) => (a.family === 4 ? 96 + a.prefixLength : a.prefixLength);

/** The interface a `%zone` names: a name, or a decimal interface index. */
export function zoneInterface(model: HostModel, zone: string): HostInterface | undefined {
  return /^[0-9]+$/.test(zone) ? model.interfaces.find((i) => i.index === Number(zone)) : interfaceOf(model, zone);
}

/** Addresses whose prefix the kernel turns into a connected route. */
function connects(model: HostModel, a: InterfaceAddress, kernel: KernelModel): boolean {
  const iface = interfaceOf(model, a.iface);
  if (!iface?.up && kernel === 'linux') return false;
  if (kernel === 'linux' && a.family === 4 && a.prefixLength === 32) return false;
  return !has(a, 'anycast') || kernel !== 'linux';
}

/**
 * Linux IPv4: an address in the subnet of an earlier one on the same interface, with the
 * same prefix length, is secondary, and the routes it brings (even its own local route)
 * name the primary as their source (checked on the real kernel).
 */
function primaryOf(model: HostModel, a: InterfaceAddress): InterfaceAddress {
  if (a.family !== 4) return a;
  const subnet = { prefix: a.address, length: length128(a) };
  return model.addresses.find((p) => p.iface === a.iface && p.family === 4 && p.prefixLength === a.prefixLength && contains(subnet, p.address)) ?? a;
}

interface Candidate {
  readonly length: number;
  readonly dev: string | null;
  readonly prefsrc?: InterfaceAddress;
}

/** The interface an unzoned link-local destination is taken to be on where no zone is needed (the abstract RFC, Windows). */
function impliedZone(model: HostModel): HostInterface | undefined {
  const route = model.routes.find((r) => r.family === 6 && r.length === 0 && r.dev !== null);
  const name = route?.dev ?? model.addresses.find((a) => a.family === 6 && a.iface !== model.loopback)?.iface;
  return name === undefined || name === null ? undefined : interfaceOf(model, name);
}

export function routeFor(model: HostModel, dest: Destination, kernel: KernelModel, linkLocalNeedsZone = true): RouteOutcome {
  // A zoned link-local destination leaves by its zone's interface, if that has the link's route.
  if (dest.family === 6 && isLinkLocal6(dest.address)) {
    if (dest.zone === undefined && !linkLocalNeedsZone) {
      const dev = impliedZone(model);
      return dev ? { ok: true, dev } : { ok: false, why: 'the host has no IPv6 interface' };
    }
    if (dest.zone === undefined) return { ok: false, why: 'a link-local address from the resolver has no zone, so connect() fails' };
    const iface = zoneInterface(model, dest.zone);
    if (!iface) return { ok: false, why: `the host has no interface ${dest.zone}` };
    const own = model.addresses.find((a) => a.iface === iface.name && a.address === dest.address);
    if (own) return { ok: true, dev: iface };
    const onLink = model.addresses.some(
      (a) =>
        a.iface === iface.name && isLinkLocal6(a.address) && connects(model, a, kernel) && contains({ prefix: a.address, length: length128(a) }, dest.address),
    );
    if (onLink) return { ok: true, dev: iface };
    // Linux looks the address up bound to the zone's interface: a route through that
    // interface that covers fe80::/10 (the default route) will do (checked on the real kernel).
    const through = kernel === 'linux' && iface.up && model.routes.some((r) => r.family === 6 && r.dev === iface.name && contains(r, dest.address));
    if (through) return { ok: true, dev: iface };
    return { ok: false, why: `${iface.name} has no link-local address, so no route to its link` };
  }
  const candidates: Candidate[] = [];
  for (const a of model.addresses) {
    if (a.family !== dest.family) continue;
    if (a.address === dest.address) candidates.push({ length: 129, dev: a.iface, prefsrc: kernel === 'linux' ? primaryOf(model, a) : a });
    if (isLinkLocal6(a.address) || !connects(model, a, kernel)) continue;
    if (contains({ prefix: a.address, length: length128(a) }, dest.address)) candidates.push({ length: length128(a), dev: a.iface, prefsrc: a });
  }
  const fixed: HostRoute[] = kernel === 'freebsd' ? FREEBSD_REJECT.map((r) => ({ family: 6, ...r, dev: null })) : [];
  for (const r of [...model.routes, ...fixed]) {
    // Linux drops a route when its interface goes down (and refuses one through a down interface).
    if (kernel === 'linux' && r.dev !== null && interfaceOf(model, r.dev)?.up === false) continue;
    if (r.family === dest.family && contains(r, dest.address)) candidates.push({ length: r.length, dev: r.dev });
  }
  let best: Candidate | undefined;
  for (const c of candidates) if (!best || c.length > best.length) best = c;
  if (!best) return { ok: false, why: `no route to it (the host has no IPv${dest.family} default route)` };
  if (best.dev === null) return { ok: false, why: 'a reject route covers it' };
  const dev = interfaceOf(model, best.dev);
  if (!dev) return { ok: false, why: `its route names an interface the host does not have (${best.dev})` };
  return { ok: true, dev, ...(best.prefsrc ? { prefsrc: best.prefsrc } : {}) };
}
