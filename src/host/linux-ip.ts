// Linux iproute2's JSON output (`ip -j addr`, `ip -j -6 route`, `ip -j -4 route`,
// `ip -j addrlabel`) as a host file (src/model/host-file.ts). Pure: the runner
// (read-host.ts) hands in the commands' text, fixtures and tests hand in theirs.
import type { HostAddressFlag, HostFile, HostFileAddrlabel, HostFileAddress, HostFileInterface, HostFileRoute } from '../model/host-file.js';

/** Output that is not what iproute2 prints: which command and what was wrong. */
export class HostOutputError extends Error {}

interface IpAddrInfo {
  family?: string;
  local?: string;
  prefixlen?: number;
  [flag: string]: unknown;
}
interface IpLink {
  ifname?: string;
  flags?: string[];
  addr_info?: IpAddrInfo[];
}

function json(command: string, text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() === '' ? '[]' : text);
  } catch (e) {
    throw new HostOutputError(`\`${command}\` did not print JSON (${(e as Error).message}); is iproute2 older than 4.13, which added -j?`);
  }
  if (!Array.isArray(value)) throw new HostOutputError(`\`${command}\` printed JSON that is not a list`);
  return value;
}

// iproute2 prints these address flags as JSON booleans under the kernel's names.
const FLAGS: readonly HostAddressFlag[] = ['deprecated', 'temporary', 'tentative', 'home'];

/**
 * `ip -j addr`. The kernel lists a link's IPv6 addresses by scope, newest first among the
 * same scope (net/ipv6/addrconf.c ipv6_link_dev_addr); reversed, they are in the order they
 * were added within each scope, which is the order source selection's last tie-break uses.
 * IPv4 addresses are listed in the order they were added.
 */
export function parseIpAddr(text: string): HostFileInterface[] {
  return (json('ip -j addr', text) as IpLink[]).map((link) => {
    if (typeof link.ifname !== 'string') throw new HostOutputError('`ip -j addr` printed a link without ifname');
    const address = (a: IpAddrInfo): HostFileAddress => {
      const flags = FLAGS.filter((f) => a[f] === true);
      return { address: `${a.local}/${a.prefixlen}`, ...(flags.length ? { flags } : {}) };
    };
    const info = (link.addr_info ?? []).filter((a) => typeof a.local === 'string' && typeof a.prefixlen === 'number');
    const v4 = info.filter((a) => a.family === 'inet').map(address);
    const v6 = info
      .filter((a) => a.family === 'inet6')
      .reverse()
      .map(address);
    const up = (link.flags ?? []).includes('UP');
    return { name: link.ifname, ...(up ? {} : { up: false }), addresses: [...v4, ...v6] };
  });
}

interface IpRoute {
  dst?: string;
  dev?: string;
  gateway?: string;
  type?: string;
}

/** `ip -j -6 route` or `ip -j -4 route` (the main table). Unreachable, blackhole and prohibit routes have no device. */
export function parseIpRoute(text: string, family: 4 | 6): HostFileRoute[] {
  const host = family === 6 ? 128 : 32;
  return (json(`ip -j -${family} route`, text) as IpRoute[]).flatMap((r) => {
    if (typeof r.dst !== 'string') return [];
    const to = r.dst === 'default' ? (family === 6 ? '::/0' : '0.0.0.0/0') : r.dst.includes('/') ? r.dst : `${r.dst}/${host}`;
    const rejects = r.type === 'unreachable' || r.type === 'blackhole' || r.type === 'prohibit';
    return [{ to, dev: rejects ? null : (r.dev ?? null), ...(r.gateway ? { via: r.gateway } : {}) }];
  });
}

/** `ip -j addrlabel`: the kernel's label table (source selection's rule 6). */
export function parseIpAddrlabel(text: string): HostFileAddrlabel[] {
  return (json('ip -j addrlabel', text) as { address?: string; prefixlen?: number; label?: number }[]).map((r) => {
    if (typeof r.address !== 'string' || typeof r.prefixlen !== 'number' || typeof r.label !== 'number')
      throw new HostOutputError('`ip -j addrlabel` printed a row without address, prefixlen or label');
    return { prefix: `${r.address}/${r.prefixlen}`, label: r.label };
  });
}

export interface LinuxOutputs {
  readonly addr: string;
  readonly route6: string;
  readonly route4: string;
  readonly addrlabel: string;
  /** /etc/gai.conf's text; undefined: no such file. */
  readonly gaiConf?: string;
}

/**
 * The host file of a Linux machine from its commands' output, loopback addresses included: the
 * host model takes a named `lo` as it is, so an emptied one would leave 127.0.0.1 and ::1 with
 * no source.
 */
export function linuxHostFile(out: LinuxOutputs, extra: Record<string, unknown> = {}): HostFile {
  const interfaces = parseIpAddr(out.addr);
  return {
    platform: 'linux',
    ...extra,
    interfaces,
    routes: [...parseIpRoute(out.route6, 6), ...parseIpRoute(out.route4, 4)],
    addrlabels: parseIpAddrlabel(out.addrlabel),
    ...(out.gaiConf !== undefined ? { gaiConf: out.gaiConf } : {}),
  };
}
