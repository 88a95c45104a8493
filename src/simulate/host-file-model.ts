// A host file (src/model/host-file.ts, schema/host.schema.json) as the simulator's host
// model for one platform. Every mistake is reported with the JSON path of the value, so
// the CLI can print one line that names the file and the place.
import { readGaiConf } from '../dialects/gai-reader.js';
import { parseIPv6 } from '../model/address.js';
import { freebsdTableFromRows, glibcEffectiveTable, type EffectiveTable } from '../model/effective-table.js';
import type { HostAddressFlag, HostFile } from '../model/host-file.js';
import { AddressInputError, isLinkLocal6, parseHostAddress } from './host.js';
import { buildHostModel, parseRoutePrefix, type HostModel, type HostModelParts, type HostRoute } from './host-model.js';
import { BEHAVIOUR, type SimPlatform } from './resolver-profiles.js';

export const HOST_ADDRESS_FLAGS: readonly HostAddressFlag[] = ['deprecated', 'temporary', 'anycast', 'tentative', 'prefer_source', 'home'];

export class HostFileError extends Error {
  constructor(
    /** Where in the file, as a JSON path: `$.interfaces[0].addresses[1].address`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new HostFileError(path, 'must be an array');
  return v;
}

function object(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) throw new HostFileError(path, 'must be an object');
  return v;
}

function integer(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new HostFileError(path, `must be an integer from ${min} to ${max}`);
  return v;
}

function prefix(v: unknown, path: string) {
  const parsed = typeof v === 'string' ? parseRoutePrefix(v) : null;
  if (!parsed) throw new HostFileError(path, `${JSON.stringify(v)} is not a prefix PREFIX/LEN (e.g. ::/0, 0.0.0.0/0, fd00::/8)`);
  return parsed;
}

/** An IPv6 row prefix on the 128-bit scale (IPv4 rows as ::ffff:a.b.c.d/96+n, as the tables hold them). */
function tablePrefix(v: unknown, path: string) {
  const m = typeof v === 'string' ? /^([^/]+)\/([0-9]{1,3})$/.exec(v) : null;
  const value = m ? parseIPv6(m[1]!) : null;
  if (!m || value === null || Number(m[2]) > 128)
    throw new HostFileError(path, `${JSON.stringify(v)} is not an IPv6 prefix PREFIX/LEN (IPv4 as ::ffff:a.b.c.d/96+n)`);
  return { prefix: value, length: Number(m[2]) };
}

function interfaces(file: Record<string, unknown>): HostModelParts['interfaces'] {
  const names = new Set<string>();
  return array(file.interfaces, '$.interfaces').map((raw, i) => {
    const at = `$.interfaces[${i}]`;
    const iface = object(raw, at);
    if (typeof iface.name !== 'string' || !/^[A-Za-z0-9_.:-]{1,15}$/.test(iface.name))
      throw new HostFileError(`${at}.name`, 'must be an interface name of 1 to 15 letters, digits, _ . : -');
    if (names.has(iface.name)) throw new HostFileError(`${at}.name`, `interface ${iface.name} is given twice`);
    names.add(iface.name);
    if (iface.up !== undefined && typeof iface.up !== 'boolean') throw new HostFileError(`${at}.up`, 'must be true or false');
    const addresses = array(iface.addresses ?? [], `${at}.addresses`).map((rawAddress, j) => {
      const aat = `${at}.addresses[${j}]`;
      const a = object(rawAddress, aat);
      if (typeof a.address !== 'string') throw new HostFileError(`${aat}.address`, 'must be a string ADDR/PLEN');
      // A link-local address may carry its own interface as zone (doctor's readers write it so).
      const zone = /%([^/]*)/.exec(a.address)?.[1];
      const text = a.address.replace(/%[^/]*/, '');
      let address;
      try {
        address = parseHostAddress(text);
      } catch (e) {
        if (e instanceof AddressInputError) throw new HostFileError(`${aat}.address`, `${e.message} (write ADDR/PLEN, e.g. fd00::10/64 or 192.0.2.10/24)`);
        throw e;
      }
      if (zone !== undefined && (zone !== iface.name || !isLinkLocal6(address.address))) {
        throw new HostFileError(`${aat}.address`, `the zone %${zone} must be the interface's own name and only on a link-local address`);
      }
      const flags = array(a.flags ?? [], `${aat}.flags`).map((f, k) => {
        if (typeof f !== 'string' || !(HOST_ADDRESS_FLAGS as readonly string[]).includes(f)) {
          throw new HostFileError(`${aat}.flags[${k}]`, `${JSON.stringify(f)} is not one of ${HOST_ADDRESS_FLAGS.join(', ')}`);
        }
        return f as HostAddressFlag;
      });
      if (a.added !== undefined) integer(a.added, `${aat}.added`, 0, Number.MAX_SAFE_INTEGER);
      return { address, flags, ...(typeof a.added === 'number' ? { added: a.added } : {}) };
    });
    if (iface.index !== undefined) integer(iface.index, `${at}.index`, 1, 2147483647);
    return { name: iface.name, up: iface.up !== false, addresses, ...(typeof iface.index === 'number' ? { index: iface.index } : {}) };
  });
}

function routes(file: Record<string, unknown>, names: ReadonlySet<string>): HostRoute[] {
  return array(file.routes, '$.routes').map((raw, i) => {
    const at = `$.routes[${i}]`;
    const r = object(raw, at);
    const p = prefix(r.to, `${at}.to`);
    const dev = r.dev ?? null;
    if (dev !== null && typeof dev !== 'string') throw new HostFileError(`${at}.dev`, 'must be an interface name, or null for a reject route');
    if (dev !== null && !names.has(dev)) throw new HostFileError(`${at}.dev`, `names no interface of the file (${dev})`);
    return { ...p, dev };
  });
}

/** FreeBSD's kernel table: rows in install order; a duplicate gets EEXIST (the first stays), label -1 EINVAL. */
function policyTable(rows: unknown): EffectiveTable {
  const seen = new Set<string>();
  const out: Parameters<typeof freebsdTableFromRows>[0][number][] = [];
  array(rows, '$.policyTable').forEach((raw, i) => {
    const at = `$.policyTable[${i}]`;
    const r = object(raw, at);
    const p = tablePrefix(r.prefix, `${at}.prefix`);
    const precedence = integer(r.precedence, `${at}.precedence`, -2147483648, 2147483647);
    const label = integer(r.label, `${at}.label`, -2147483648, 2147483647);
    const key = `${p.prefix >> BigInt(128 - p.length)}/${p.length}`;
    if (label === -1 || seen.has(key)) return;
    seen.add(key);
    out.push({ ...p, precedence, label, origin: 'file' });
  });
  return freebsdTableFromRows(out);
}

/** Linux's `ip addrlabel` table: longest match; no match gives IPV6_ADDR_LABEL_DEFAULT, equal only to itself. */
function addrlabels(rows: unknown): EffectiveTable {
  const out = array(rows, '$.addrlabels').map((raw, i) => {
    const at = `$.addrlabels[${i}]`;
    const r = object(raw, at);
    return { ...tablePrefix(r.prefix, `${at}.prefix`), precedence: 0, label: integer(r.label, `${at}.label`, 0, 4294967294), origin: 'file' as const };
  });
  return freebsdTableFromRows(out);
}

function gaiTable(text: unknown): EffectiveTable {
  if (typeof text !== 'string') throw new HostFileError('$.gaiConf', 'must be the text of /etc/gai.conf');
  return glibcEffectiveTable(readGaiConf(text).policy);
}

/** The host model `platform`'s kernel and resolver see on this host. */
export function hostModelFromFile(host: HostFile | unknown, platform: SimPlatform): HostModel {
  const file = object(host, '$');
  const ifaces = interfaces(file);
  const linux = BEHAVIOUR[platform].kernel === 'linux';
  const loopback = linux ? 'lo' : 'lo0';
  const names = new Set([loopback, ...ifaces.map((i) => i.name)]);
  const kernelTable = linux
    ? file.addrlabels === undefined
      ? undefined
      : addrlabels(file.addrlabels)
    : file.policyTable === undefined
      ? undefined
      : policyTable(file.policyTable);
  const resolverTable = file.gaiConf === undefined ? undefined : gaiTable(file.gaiConf);
  // Validate what this platform does not read too: a bad field is a bad file whoever reads it.
  if (linux && file.policyTable !== undefined) policyTable(file.policyTable);
  if (!linux && file.addrlabels !== undefined) addrlabels(file.addrlabels);
  return buildHostModel({
    kernel: linux ? 'linux' : 'bsd',
    interfaces: ifaces,
    routes: routes(file, names),
    ...(kernelTable ? { kernelTable } : {}),
    ...(resolverTable ? { resolverTable } : {}),
  });
}
