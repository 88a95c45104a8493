// The whole host as the kernels see it: interfaces (up or down), their addresses in the
// order added with their flags, the routing table, and the kernel's own label table.
// Built from a host file (src/model/host-file.ts) or from the --source shorthand.
import { parseAnyAddress } from '../model/address.js';
import type { EffectiveTable } from '../model/effective-table.js';
import type { HostAddressFlag } from '../model/host-file.js';
import type { HostAddress } from './host.js';
import { parseHostAddress } from './host.js';

export interface HostInterface {
  readonly name: string;
  readonly up: boolean;
  readonly loopback: boolean;
  /** The kernel's interface index (lo is 1, the others in the order given). */
  readonly index: number;
}

/** An address on an interface; `order` is its place in the host's order of addition. */
export interface InterfaceAddress extends HostAddress {
  readonly iface: string;
  readonly flags: ReadonlySet<HostAddressFlag>;
  readonly order: number;
}

export interface HostRoute {
  readonly family: 4 | 6;
  /** On the 128-bit scale (IPv4 as ::ffff:a.b.c.d/96+n). */
  readonly prefix: bigint;
  readonly length: number;
  /** The outgoing interface; null: a reject route. */
  readonly dev: string | null;
  /** The source the route itself names (Linux prefsrc of a connected IPv4 route). */
  readonly prefsrc?: InterfaceAddress;
}

export interface HostModel {
  /** lo (Linux) or lo0 (BSD), always present and up. */
  readonly loopback: string;
  /** Loopback first, then the others in the order given (Linux lists devices so). */
  readonly interfaces: readonly HostInterface[];
  /** Every address, in the order added (the loopback's first). */
  readonly addresses: readonly InterfaceAddress[];
  /** The routes the host file gives (defaults and more specific ones), in its order. */
  readonly routes: readonly HostRoute[];
  /** FreeBSD: the kernel policy table. Linux: the `ip addrlabel` table. Absent: the platform's default. */
  readonly kernelTable?: EffectiveTable;
  /** glibc: the table from the host's gai.conf. Absent: glibc's defaults. */
  readonly resolverTable?: EffectiveTable;
  /** True for the --source shorthand: every address on one interface with a default route per family. */
  readonly shorthand: boolean;
}

export function interfaceOf(model: HostModel, name: string): HostInterface | undefined {
  return model.interfaces.find((i) => i.name === name);
}

export function has(address: HostAddress, flag: HostAddressFlag): boolean {
  return address.flags?.has(flag) ?? false;
}

export function onInterface(address: HostAddress, iface: string, flags: readonly HostAddressFlag[], order: number): InterfaceAddress {
  const set = new Set(flags);
  return { ...address, deprecated: address.deprecated || set.has('deprecated'), iface, flags: set, order };
}

/** What every host's loopback holds (FreeBSD's lo0 also has fe80::1), parsed once. */
const LOOPBACK = {
  bsd: ['::1/128', 'fe80::1/64', '127.0.0.1/8'].map((a) => ({ address: parseHostAddress(a), flags: [] })),
  linux: ['127.0.0.1/8', '::1/128'].map((a) => ({ address: parseHostAddress(a), flags: [] })),
};

export interface HostModelParts {
  readonly kernel: 'linux' | 'bsd';
  readonly interfaces: readonly {
    name: string;
    up: boolean;
    /** The kernel's interface index; absent: the position (lo is 1). */
    index?: number;
    /** `added`: the place in the host's order of addition across interfaces (absent: after those that have one). */
    addresses: readonly { address: HostAddress; flags: readonly HostAddressFlag[]; added?: number }[];
  }[];
  readonly routes: readonly HostRoute[];
  readonly kernelTable?: EffectiveTable;
  readonly resolverTable?: EffectiveTable;
  readonly shorthand?: boolean;
}

/** Assembles a model, adding the loopback interface unless the parts name it. */
export function buildHostModel(parts: HostModelParts): HostModel {
  const loopback = parts.kernel === 'bsd' ? 'lo0' : 'lo';
  const given = parts.interfaces.find((i) => i.name === loopback);
  const all = [given ?? { name: loopback, up: true, addresses: LOOPBACK[parts.kernel] }, ...parts.interfaces.filter((i) => i !== given)];
  const interfaces: HostInterface[] = all.map((i, n) => ({
    name: i.name,
    up: i.name === loopback || i.up,
    loopback: i.name === loopback,
    index: 'index' in i && typeof i.index === 'number' ? i.index : n + 1,
  }));
  // The loopback's addresses come first (configured at boot), then the order of addition.
  const [lo, ...rest] = all.map((i) => i.addresses.map((a) => ({ ...a, iface: i.name })));
  const later = (rest.flat() as { added?: number; iface: string; address: HostAddress; flags: readonly HostAddressFlag[] }[]).sort(
    (x, y) => (x.added ?? Number.MAX_SAFE_INTEGER) - (y.added ?? Number.MAX_SAFE_INTEGER),
  );
  const addresses = [...lo!, ...later].map((a, order) => onInterface(a.address, a.iface, a.flags, order));
  return {
    loopback,
    interfaces,
    addresses,
    routes: parts.routes,
    ...(parts.kernelTable ? { kernelTable: parts.kernelTable } : {}),
    ...(parts.resolverTable ? { resolverTable: parts.resolverTable } : {}),
    shorthand: parts.shorthand ?? false,
  };
}

export const DEFAULT_ROUTE = { 6: { prefix: 0n, length: 0 }, 4: { prefix: 0xffffn << 32n, length: 96 } } as const;

/** `PREFIX/LEN` of either family on the 128-bit scale, or null. */
export function parseRoutePrefix(text: string): { family: 4 | 6; prefix: bigint; length: number } | null {
  const m = /^([^/]+)\/([0-9]{1,3})$/.exec(text);
  if (!m) return null;
  const parsed = parseAnyAddress(m[1]!);
  if (!parsed) return null;
  const length = Number(m[2]);
  if (length > (parsed.family === 4 ? 32 : 128)) return null;
  return { family: parsed.family, prefix: parsed.value, length: parsed.family === 4 ? 96 + length : length };
}

// The impact engine simulates the same few source lists thousands of times: build each host once.
const shorthandCache = new WeakMap<readonly unknown[], { linux?: HostModel; bsd?: HostModel }>();

/** The shorthand host for a source list, reusing the model built for the same array before. */
export function cachedShorthandHost(key: readonly unknown[], sources: () => readonly HostAddress[], kernel: 'linux' | 'bsd'): HostModel {
  let entry = shorthandCache.get(key);
  if (!entry) shorthandCache.set(key, (entry = {}));
  return (entry[kernel] ??= shorthandHost(sources(), kernel));
}

/** The --source shorthand: one interface holding every address, a default route for each family it has. */
export function shorthandHost(sources: readonly HostAddress[], kernel: 'linux' | 'bsd'): HostModel {
  const name = kernel === 'bsd' ? 'em0' : 'eth0';
  const families = new Set(sources.map((s) => s.family));
  const routes: HostRoute[] = [...families].sort((a, b) => b - a).map((f) => ({ family: f, ...DEFAULT_ROUTE[f], dev: name }));
  return buildHostModel({
    kernel,
    interfaces: [{ name, up: true, addresses: sources.map((address) => ({ address, flags: [] })) }],
    routes,
    shorthand: true,
  });
}
