// The scenario catalogue: a fixed, documented set of realistic hosts and names
// (docs/impact.md), extended with a policy's own site prefixes. Impact is judged only on
// these: a change no scenario shows is not worth a warning.
import { formatIPv6 } from '../model/address.js';
import type { PrefixRange } from '../model/address-spaces.js';
import { parseHostAddress, type HostAddress } from '../simulate/host.js';

export interface ScenarioHost {
  readonly id: string;
  /** How a person would name it, in messages. */
  readonly name: string;
  /** The host's addresses in the order they were added (lo is implied). */
  readonly sources: readonly HostAddress[];
  /** The destination sets worth asking about on this host (all when absent). */
  readonly sets?: readonly string[];
}

export interface DestinationSet {
  readonly id: string;
  readonly name: string;
  /** The name's addresses in the resolver's order (AAAA answers first). */
  readonly destinations: readonly string[];
}

export interface Scenario {
  readonly host: ScenarioHost;
  readonly set: DestinationSet;
}

const host = (id: string, name: string, sources: string[], sets?: string[]): ScenarioHost => ({
  id,
  name,
  sources: sources.map((s) => parseHostAddress(s)),
  ...(sets ? { sets } : {}),
});

export const V4_SOURCE = '192.0.2.10/24';
export const V4_GLOBAL_DEST = '198.51.100.7';
export const V4_LOCAL_DEST = '192.0.2.20';

/** At most this many of a file's own ULA and global prefixes each join the catalogue (a 500k-row table stays cheap). */
export const MAX_OWN_PREFIXES = 4;

export interface OwnPrefixes {
  readonly ula: readonly PrefixRange[];
  readonly gua: readonly PrefixRange[];
}

const GENERIC_ULA: PrefixRange = { prefix: 0xfd000001000000000000000000000000n, length: 48 }; // fd00:1::/48
const GENERIC_GUA: PrefixRange = { prefix: 0x20010db8000100000000000000000000n, length: 48 }; // 2001:db8:1::/48

/** A host's address inside a prefix (…::10 of its first /64), as ADDR/PLEN. */
function hostIn(p: PrefixRange): string {
  const address = p.length >= 127 ? p.prefix : p.prefix | 0x10n;
  return `${formatIPv6(address)}/${Math.max(p.length, 64)}`;
}

/** A service's address inside a prefix, in another /64 than the hosts' (…:2::20). */
function serviceIn(p: PrefixRange): string {
  if (p.length >= 127) return formatIPv6(p.prefix);
  const subnet = p.length <= 62 ? 1n << BigInt(128 - 64 + 1) : 0n;
  return formatIPv6(p.prefix | subnet | 0x20n);
}

// A name on the internet: in RFC 9637's documentation prefix 3fff::/20, outside 2001:db8::/32,
// which example and site tables use for their own prefixes.
export const GLOBAL_NAME = '3fff:0:2::1';
const SIXTOFOUR_NAME = '2002:c633:6401::1';

/**
 * The catalogue for a policy: hosts and names of every kind, with the site's own ULA and
 * global prefixes in place of the generic ones when the file (or the config) names them, so
 * a site's table is judged on its own hosts and services, not on strangers'.
 */
export function scenariosFor(own: OwnPrefixes): Scenario[] {
  const ulas = own.ula.length > 0 ? own.ula.slice(0, MAX_OWN_PREFIXES) : [GENERIC_ULA];
  const guas = own.gua.length > 0 ? own.gua.slice(0, MAX_OWN_PREFIXES) : [GENERIC_GUA];
  const siteNamed = own.ula.length + own.gua.length > 0;
  const ulaName = (u: PrefixRange) => (siteNamed && own.ula.length > 0 ? `a ${hostIn(u).split('/')[0]}+IPv4 host` : 'a ULA+IPv4 host');
  const guaName = siteNamed && own.gua.length > 0 ? `a ${hostIn(guas[0]!).split('/')[0]}+IPv4 host` : 'a GUA+IPv4 host';

  const sets: DestinationSet[] = [
    { id: 'gua-v4', name: 'an internet name (AAAA+A)', destinations: [GLOBAL_NAME, V4_GLOBAL_DEST] },
    ...ulas.map((u, i) => ({ id: i === 0 ? 'ula-v4' : `ula-v4:${i}`, name: 'an internal ULA service (AAAA+A)', destinations: [serviceIn(u), V4_LOCAL_DEST] })),
    { id: 'ula-gua', name: 'a name with ULA and global AAAA', destinations: [GLOBAL_NAME, serviceIn(ulas[0]!)] },
    ...(own.gua.length > 0 ? guas.map((g, i) => ({ id: `site-gua:${i}`, name: 'a site service (AAAA+A)', destinations: [serviceIn(g), V4_GLOBAL_DEST] })) : []),
    { id: 'localhost', name: 'localhost', destinations: ['::1', '127.0.0.1'] },
    { id: '6to4-v4', name: 'a 6to4 name (AAAA+A)', destinations: [SIXTOFOUR_NAME, V4_GLOBAL_DEST] },
  ];
  // 6to4 names matter only to 6to4 and Teredo hosts: native hosts reach them like any name.
  const dualStack = sets.filter((x) => x.id !== '6to4-v4').map((x) => x.id);
  const hosts: ScenarioHost[] = [
    host('gua-v4', guaName, [hostIn(guas[0]!), V4_SOURCE], dualStack),
    ...ulas.map((u, i) => host(i === 0 ? 'ula-v4' : `ula-v4:${i}`, ulaName(u), [hostIn(u), V4_SOURCE], dualStack)),
    host('ula-gua-v4', 'a ULA+GUA+IPv4 host', [hostIn(ulas[0]!), hostIn(guas[0]!), V4_SOURCE], dualStack),
    // Hosts with fewer kinds of address meet fewer kinds of name: only the ones that can differ.
    host('ipv6-only', 'an IPv6-only host', [hostIn(guas[0]!)], ['gua-v4', 'ula-gua', 'localhost']),
    host('ipv4-only', 'an IPv4-only host', [V4_SOURCE], ['localhost']),
    host('6to4-v4', 'a 6to4 host', ['2002:c000:20a::10/48', V4_SOURCE], ['gua-v4', '6to4-v4']),
    host('teredo-v4', 'a Teredo host', ['2001:0:4136:e378:8000:63bf:3fff:fdd2/32', V4_SOURCE], ['gua-v4', '6to4-v4']),
  ];
  return hosts.flatMap((h) => sets.filter((set) => !h.sets || h.sets.includes(set.id)).map((set) => ({ host: h, set })));
}

/** Is this destination text an IPv4 address? */
export const isIPv4Text = (text: string) => !text.includes(':');
