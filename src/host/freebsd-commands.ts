// FreeBSD's command output as a host file: `ifconfig` (interfaces, addresses and their
// flags), `netstat -rn` (the routes) and `ip6addrctl show` (the kernel's policy table). Pure,
// on strings: fixtures/freebsd-commands/ holds outputs in the formats of FreeBSD 13 to 15
// (reconstructed from the programs' printf formats; see the README there).
import { prefixText } from '../model/address.js';
import { isRow } from '../model/ast.js';
import type { HostAddressFlag, HostFile, HostFileAddress, HostFileInterface, HostFilePolicyRow, HostFileRoute } from '../model/host-file.js';
import { readPolicy } from '../dialects/registry.js';
import { HostOutputError } from './linux-ip.js';

// The inet6 flags ifconfig prints after `prefixlen N` (sbin/ifconfig af_inet6.c) that the host file keeps.
const INET6_FLAGS: Readonly<Record<string, HostAddressFlag>> = {
  deprecated: 'deprecated',
  temporary: 'temporary',
  anycast: 'anycast',
  tentative: 'tentative',
  prefer_source: 'prefer_source',
};

/** A dotted or hex IPv4 netmask (`0xffffff00`, as ifconfig prints it) as a prefix length. */
function maskLength(mask: string): number | null {
  const value = mask.startsWith('0x') ? Number.parseInt(mask.slice(2), 16) : mask.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  if (!Number.isFinite(value) || value < 0 || value > 0xffffffff) return null;
  const bits = value.toString(2).padStart(32, '0');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') < 0 ? 32 : bits.indexOf('0')) : null;
}

/** `ifconfig` (no arguments): every interface, its UP flag, and its inet and inet6 addresses in the order listed. */
export function parseIfconfig(text: string): HostFileInterface[] {
  const out: { name: string; up: boolean; addresses: HostFileAddress[] }[] = [];
  text.split('\n').forEach((line, i) => {
    const head = /^([A-Za-z0-9_.-]+): flags=[0-9a-f]+<([^>]*)>/.exec(line);
    if (head) {
      out.push({ name: head[1]!, up: head[2]!.split(',').includes('UP'), addresses: [] });
      return;
    }
    const words = line.trim().split(/\s+/);
    if (words[0] !== 'inet' && words[0] !== 'inet6') return;
    const current = out.at(-1);
    if (!current) throw new HostOutputError(`ifconfig line ${i + 1}: an address before any interface line`);
    if (words[0] === 'inet') {
      // inet 192.0.2.10 netmask 0xffffff00 broadcast 192.0.2.255 (or inet 192.0.2.10/24 with -f inet:cidr)
      const [address, cidr] = words[1]!.split('/');
      const length = cidr !== undefined ? Number(cidr) : maskLength(words[words.indexOf('netmask') + 1] ?? '');
      if (length === null || (words.indexOf('netmask') < 0 && cidr === undefined)) throw new HostOutputError(`ifconfig line ${i + 1}: inet without a netmask`);
      current.addresses.push({ address: `${address}/${length}` });
      return;
    }
    // inet6 fe80::1%lo0 prefixlen 64 scopeid 0x2, inet6 2001:db8::10 prefixlen 64 deprecated autoconf pltime 0 vltime 86400
    const [address, cidr] = words[1]!.replace(/%[^/]*/, '').split('/');
    const at = words.indexOf('prefixlen');
    const length = cidr !== undefined ? Number(cidr) : at >= 0 ? Number(words[at + 1]) : Number.NaN;
    if (!Number.isInteger(length)) throw new HostOutputError(`ifconfig line ${i + 1}: inet6 without a prefixlen`);
    const flags = words.flatMap((w) => (INET6_FLAGS[w] ? [INET6_FLAGS[w]!] : []));
    current.addresses.push({ address: `${address}/${length}`, ...(flags.length ? { flags } : {}) });
  });
  return out.map((i) => ({ name: i.name, ...(i.up ? {} : { up: false }), addresses: i.addresses }));
}

/**
 * `netstat -rn`: the Internet and Internet6 sections. Reject (R) and blackhole (B) routes have
 * no device; a gateway `link#N` means on-link (no `via`). The host routes of the machine's own
 * addresses through lo0 are left out (they say only that the address is local).
 */
export function parseNetstatRn(text: string): HostFileRoute[] {
  const out: HostFileRoute[] = [];
  let family: 4 | 6 | null = null;
  let columns: string[] = [];
  for (const line of text.split('\n')) {
    if (/^Internet:\s*$/.test(line)) family = 4;
    else if (/^Internet6:\s*$/.test(line)) family = 6;
    else if (/^Destination\s/.test(line)) columns = line.trim().split(/\s+/);
    else if (family && columns.length > 0 && line.trim() !== '') {
      const words = line.trim().split(/\s+/);
      const field = (name: string) => words[columns.indexOf(name)];
      const [destination, gateway, flags = '', netif] = [field('Destination'), field('Gateway'), field('Flags'), field('Netif')];
      if (!destination || !gateway) continue;
      const isHost = flags.includes('H');
      const base = destination.replace(/%[^/]*/, '');
      const to = base === 'default' ? (family === 6 ? '::/0' : '0.0.0.0/0') : base.includes('/') ? base : `${base}/${family === 6 ? 128 : 32}`;
      if (isHost && netif?.startsWith('lo') && to !== '::1/128' && to !== '127.0.0.1/32') continue;
      const reject = flags.includes('R') || flags.includes('B');
      out.push({ to, dev: reject ? null : (netif ?? null), ...(gateway.startsWith('link#') || reject ? {} : { via: gateway.replace(/%.*/, '') }) });
    }
  }
  return out;
}

/** `ip6addrctl show` (read by the show dialect's reader); the empty table's message gives []. */
export function parseIp6addrctlShow(text: string): HostFilePolicyRow[] {
  const read = readPolicy('show', text);
  const bad = read.findings.find((f) => f.severity === 'error');
  if (bad) throw new HostOutputError(`ip6addrctl show line ${bad.span.start.line}: not a row of the kernel's table`);
  return read.policy.entries.filter(isRow).map((r) => ({
    prefix: prefixText(r.prefix.address, r.prefix.length, 'dotted'),
    precedence: r.precedence.value,
    label: r.label.value,
  }));
}

export interface FreebsdOutputs {
  readonly ifconfig: string;
  readonly netstat: string;
  readonly show: string;
}

/** The host file of a FreeBSD machine, lo0's addresses included (the host model takes a named lo0 as it is). */
export function freebsdHostFile(out: FreebsdOutputs, extra: Record<string, unknown> = {}): HostFile {
  const interfaces = parseIfconfig(out.ifconfig);
  return { platform: 'freebsd', ...extra, interfaces, routes: parseNetstatRn(out.netstat), policyTable: parseIp6addrctlShow(out.show) };
}
