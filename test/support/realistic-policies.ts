// Generators for realistic policies and hosts (test/fix-proof.test.ts, test/fix-glibc.test.ts):
// perturbations of the stock tables (rows dropped, values changed, ULA/GUA site rows added,
// partial gai.conf tables, prefer-IPv4/IPv6 lines), and random hosts and destination sets
// that are NOT the scenario catalogue's (src/impact/scenario-catalogue.ts): random ULA,
// GUA and IPv4 addresses and prefix lengths.
import fc from 'fast-check';
import { BUILTIN_TABLES, GLIBC_DEFAULT_PRECEDENCES } from '../../src/model/builtin-tables.js';
import type { ResolvedConfig } from '../../src/model/config.js';
import { ipv6Text } from './generators.js';

export type RealisticDialect = 'gai' | 'ip6addrctl';

export interface SitePrefix {
  readonly kind: 'ula' | 'gua';
  readonly address: bigint;
  readonly length: number;
  readonly text: string;
}

export interface RealisticPolicy {
  readonly dialect: RealisticDialect;
  readonly text: string;
  /** The site prefixes the file's extra rows name (hosts are often numbered in them). */
  readonly sites: readonly SitePrefix[];
  /** Which of them the config declares as sitePrefixes (empty: the default config). */
  readonly declared: readonly SitePrefix[];
}

export interface RandomHost {
  /** ADDR/PLEN, in the order they were added. */
  readonly sources: readonly string[];
  /** In the resolver's order. */
  readonly destinations: readonly string[];
}

// ---------------------------------------------------------------------------------------
// Stock tables, as rows
// ---------------------------------------------------------------------------------------

type Row = { prefix: string; precedence: number; label: number };
/** A stock table's rows, in the order its file would list them (the order seeds the perturbations). */
const rowsOf = (table: keyof typeof BUILTIN_TABLES): Row[] =>
  BUILTIN_TABLES[table].rows.map((r) => ({ prefix: r.prefix, precedence: r.precedence ?? 40, label: r.label }));
const GLIBC_MERGED = rowsOf('glibc');
const RFC6724 = rowsOf('rfc6724');
const GLIBC_LABELS: [string, number][] = GLIBC_MERGED.map((r) => [r.prefix, r.label]);
/** Only the prefixes glibc's own precedence table has (the others take ::/0's 40). */
const GLIBC_PRECEDENCES: [string, number][] = GLIBC_MERGED.filter((r) => GLIBC_DEFAULT_PRECEDENCES.some(([p]) => p === r.prefix)).map((r) => [
  r.prefix,
  r.precedence,
]);
const RFC3484: Row[] = GLIBC_MERGED.slice(0, 5);

const LABEL_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 11, 13, 14, 99];
const PRECEDENCE_VALUES = [0, 1, 3, 5, 10, 20, 30, 35, 40, 45, 50, 60, 100];

// ---------------------------------------------------------------------------------------
// Site prefixes and addresses
// ---------------------------------------------------------------------------------------

const bits = (n: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(n)) - 1n });

/** A random ULA /48 (fdXX:XXXX:XXXX::/48), or a /56 or /64 now and then. */
const ulaSiteArb: fc.Arbitrary<SitePrefix> = fc
  .record({ global: bits(40), length: fc.constantFrom(48, 48, 56, 64), subnet: bits(16) })
  .map(({ global, length, subnet }) => {
    const base = (0xfdn << 120n) | (global << 80n) | (length > 48 ? (subnet & (length === 56 ? 0xff00n : 0xffffn)) << 64n : 0n);
    return { kind: 'ula', address: base, length, text: `${ipv6Text(base)}/${length}` };
  });

/** A random global unicast site prefix (2000::/3, not 6to4 or Teredo), /32 to /56. */
const guaSiteArb: fc.Arbitrary<SitePrefix> = fc
  .record({ top: bits(45), length: fc.constantFrom(32, 40, 48, 48, 56), doc: fc.boolean() })
  .map(({ top, length, doc }) => {
    let hi = doc ? (0x20010db8n << 16n) | (top & 0xffffn) : (1n << 45n) | top; // 2001:db8:XXXX, or 2000::/3 and 45 random bits
    const first16 = hi >> 32n;
    if (!doc && (first16 === 0x2002n || hi >> 16n === 0x20010000n)) hi ^= 1n << 40n;
    const address = (hi << 80n) & (((1n << 128n) - 1n) << BigInt(128 - length));
    return { kind: 'gua', address, length, text: `${ipv6Text(address)}/${length}` };
  });

const randomIn = (prefix: SitePrefix | { address: bigint; length: number }, noise: bigint) =>
  prefix.address | (noise & ((1n << BigInt(128 - prefix.length)) - 1n));

// ---------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------

/** Extra gai.conf lines people write (prefer IPv4, the ULA label fix, 6to4 labels, ...). */
const GAI_EXTRAS = [
  'precedence ::ffff:0:0/96 100',
  'precedence ::ffff:0:0/96 35',
  'precedence ::ffff:0:0/96 5',
  'precedence ::/0 100',
  'precedence 2000::/3 45',
  'label fc00::/7 1',
  'label fd00::/8 1',
  'precedence fc00::/7 45',
  'precedence fc00::/7 3',
  'label 2002::/16 2',
  'label 2002::/16 1',
  'label 2001::/32 1',
  'label 2001:0::/32 1',
  'precedence 200::/7 1',
  'label 200::/7 13',
  'precedence 2002::/16 5',
  'scopev4 ::ffff:10.0.0.0/104 14',
];

const FREEBSD_EXTRAS = [
  '::ffff:0:0/96 100 4',
  '::ffff:0:0/96 10 4',
  'fc00::/7 45 1',
  'fc00::/7 45 13',
  'fc00::/7 3 13',
  '2002::/16 5 2',
  '2001::/32 1 1',
  '200::/7 1 13',
  '::/0 100 1',
];

type Perturbed<T> = { keep: boolean; change: boolean; value: number; item: T };
const perturb = <T>(items: readonly T[], values: readonly number[]) =>
  fc.tuple(
    ...items.map((item) =>
      fc.record({
        keep: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x > 0.12),
        change: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.1),
        value: fc.constantFrom(...values),
        item: fc.constant(item),
      }),
    ),
  );

const siteRowArb = fc.record({
  site: fc.oneof(ulaSiteArb, guaSiteArb),
  label: fc.constantFrom(...LABEL_VALUES),
  precedence: fc.constantFrom(...PRECEDENCE_VALUES),
  which: fc.constantFrom('label', 'precedence', 'both'),
});

const configArb = (sites: readonly SitePrefix[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as SitePrefix[]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(sites.length > 0 ? fc.subarray([...sites], { minLength: 1 }) : fc.constant([] as SitePrefix[]), fc.option(ulaSiteArb, { nil: undefined }))
        .map(([s, extra]) => (s.some((p) => p.kind === 'ula') ? s : [...s, ...(extra ? [extra] : [])])),
    },
  );

const insertAll = <T>(base: T[], extras: readonly { at: number; line: T }[]) => {
  const out = [...base];
  for (const e of extras) out.splice(e.at % (out.length + 1), 0, e.line);
  return out;
};

export const realisticGaiArb: fc.Arbitrary<RealisticPolicy> = fc
  .record({
    base: fc.constantFrom('glibc', 'glibc', 'rfc6724', 'labels', 'precedences', 'empty', 'empty'),
    labels: perturb(GLIBC_LABELS, LABEL_VALUES),
    precedences: perturb(GLIBC_PRECEDENCES, PRECEDENCE_VALUES),
    rfc: perturb(RFC6724, PRECEDENCE_VALUES),
    extras: fc.array(fc.record({ at: fc.nat(), line: fc.constantFrom(...GAI_EXTRAS) }), { maxLength: 3 }),
    sites: fc.array(fc.record({ at: fc.nat(), row: siteRowArb }), { maxLength: 3 }),
    reloadNo: fc.boolean(),
    comment: fc.boolean(),
  })
  .chain((g) => {
    let lines: string[] = [];
    const pairs = (kind: string, list: Perturbed<[string, number]>[]) =>
      list.filter((p) => p.keep).map((p) => `${kind} ${p.item[0]} ${p.change ? p.value : p.item[1]}`);
    if (g.base === 'glibc' || g.base === 'labels') lines.push(...pairs('label', g.labels));
    if (g.base === 'glibc' || g.base === 'precedences') lines.push(...pairs('precedence', g.precedences));
    if (g.base === 'rfc6724') {
      const rows = g.rfc.filter((p) => p.keep);
      lines.push(...rows.map((p) => `label ${p.item.prefix} ${p.change ? LABEL_VALUES[p.value % LABEL_VALUES.length] : p.item.label}`));
      lines.push(...rows.map((p) => `precedence ${p.item.prefix} ${p.change ? p.value : p.item.precedence}`));
    }
    lines = insertAll(lines, g.extras);
    const sites = g.sites.map((s) => s.row.site);
    lines = insertAll(
      lines,
      g.sites.flatMap((s) => {
        const out: { at: number; line: string }[] = [];
        if (s.row.which !== 'precedence') out.push({ at: s.at, line: `label ${s.row.site.text} ${s.row.label}` });
        if (s.row.which !== 'label') out.push({ at: s.at + 1, line: `precedence ${s.row.site.text} ${s.row.precedence}` });
        return out;
      }),
    );
    if (g.reloadNo) lines.unshift('reload no');
    if (g.comment) lines.unshift('# generated by the fix-proof property');
    const text = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    return configArb(sites).map((declared) => ({ dialect: 'gai' as const, text, sites, declared }));
  });

export const realisticIp6addrctlArb: fc.Arbitrary<RealisticPolicy> = fc
  .record({
    base: fc.constantFrom('rfc6724', 'rfc6724', 'ipv4-prefer', 'glibc', 'rfc3484'),
    rfc: perturb(RFC6724, PRECEDENCE_VALUES),
    glibc: perturb(GLIBC_MERGED, PRECEDENCE_VALUES),
    rfc3484: perturb(RFC3484, PRECEDENCE_VALUES),
    labelChange: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...LABEL_VALUES)), { maxLength: 2 }),
    extras: fc.array(fc.record({ at: fc.nat(), line: fc.constantFrom(...FREEBSD_EXTRAS) }), { maxLength: 2 }),
    sites: fc.array(fc.record({ at: fc.nat(), row: siteRowArb }), { maxLength: 3 }),
    comment: fc.boolean(),
  })
  .chain((g) => {
    const source = g.base === 'glibc' ? g.glibc : g.base === 'rfc3484' ? g.rfc3484 : g.rfc;
    const rows: Row[] = source
      .filter((p) => p.keep)
      .map((p) => ({ ...p.item, precedence: p.change ? p.value : g.base === 'ipv4-prefer' && p.item.prefix === '::ffff:0:0/96' ? 100 : p.item.precedence }));
    for (const [i, label] of g.labelChange) if (rows.length > 0) rows[i % rows.length] = { ...rows[i % rows.length]!, label };
    let lines = rows.map((r) => `${r.prefix}\t${r.precedence}\t${r.label}`);
    lines = insertAll(lines, g.extras);
    const sites = g.sites.map((s) => s.row.site);
    lines = insertAll(
      lines,
      g.sites.map((s) => ({ at: s.at, line: `${s.row.site.text}\t${s.row.precedence}\t${s.row.label}` })),
    );
    if (g.comment) lines.unshift('# generated by the fix-proof property');
    const text = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    return configArb(sites).map((declared) => ({ dialect: 'ip6addrctl' as const, text, sites, declared }));
  });

/** The config a generated policy is linted with. */
export function configOf(p: RealisticPolicy): ResolvedConfig<never> {
  const list = (kind: 'ula' | 'gua') => p.declared.filter((s) => s.kind === kind).map((s) => ({ text: s.text, address: s.address, length: s.length }));
  return { path: null, rules: {}, sitePrefixes: { ula: list('ula'), gua: list('gua') } };
}

// ---------------------------------------------------------------------------------------
// Hosts and destinations (not the catalogue's)
// ---------------------------------------------------------------------------------------

type AddressKind = 'ula' | 'gua' | 'v4' | '6to4';

const v4Arb = fc.oneof(
  fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })),
  fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.integer({ min: 1, max: 254 })),
  fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).filter(([a]) => a !== 127 && a !== 169 && a !== 10),
);
const v4Text = (a: readonly number[]) => a.join('.');

/** One address of a kind: inside one of the file's site prefixes now and then, else random. */
function addressArb(kind: AddressKind, sites: readonly SitePrefix[]): fc.Arbitrary<string> {
  if (kind === 'v4') return v4Arb.map(v4Text);
  if (kind === '6to4')
    return v4Arb.map(([a, b, c, d]) => ipv6Text((0x2002n << 112n) | (BigInt(((a! << 24) | (b! << 16) | (c! << 8) | d!) >>> 0) << 80n) | 0x1n));
  const own = sites.filter((s) => s.kind === kind);
  const random = kind === 'ula' ? ulaSiteArb : guaSiteArb;
  const prefix = own.length > 0 ? fc.oneof(fc.constantFrom(...own), random) : random;
  return fc
    .tuple(prefix, bits(64))
    .map(([p, noise]) => ipv6Text(randomIn(p.length > 64 ? p : { address: p.address, length: Math.min(p.length, 64) }, noise | 1n)));
}

const v6Length = fc.constantFrom(48, 56, 64, 64, 64, 64, 96, 128);
const v4Length = fc.constantFrom(8, 16, 24, 24, 28, 32);

/** A host (1 to 3 addresses) and a destination set (2 to 4 addresses mixing families). */
export function randomHostArb(sites: readonly SitePrefix[]): fc.Arbitrary<RandomHost> {
  const source = fc
    .constantFrom<AddressKind>('ula', 'gua', 'v4', 'v4', 'ula', 'gua')
    .chain((kind) => fc.tuple(addressArb(kind, sites), kind === 'v4' ? v4Length : v6Length).map(([a, l]) => `${a}/${l}`));
  const destination = fc.constantFrom<AddressKind>('ula', 'gua', 'gua', 'v4', 'v4', '6to4').chain((kind) => addressArb(kind, sites));
  return fc
    .record({
      sources: fc.uniqueArray(source, { minLength: 1, maxLength: 3, selector: (s) => s.split('/')[0] }),
      destinations: fc.uniqueArray(destination, { minLength: 2, maxLength: 4 }),
      forceV4: v4Arb.map(v4Text),
      forceV6: addressArb('gua', sites),
      mix: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.8),
    })
    .map(({ sources, destinations, forceV4, forceV6, mix }) => {
      const own = new Set(sources.map((s) => s.split('/')[0]));
      const d = destinations.filter((x) => !own.has(x));
      if (d.length < 2) d.push(...[forceV4, forceV6].filter((x) => !own.has(x) && !d.includes(x)).slice(0, 2 - d.length));
      // Most sets mix the families (the interesting case); some are IPv6-only or IPv4-only.
      if (mix && !d.some((x) => x.includes(':')) && !d.includes(forceV6)) d[0] = forceV6;
      if (mix && d.every((x) => x.includes(':')) && !d.includes(forceV4)) d[d.length - 1] = forceV4;
      return { sources, destinations: d };
    });
}

/** A host kind, named as the catalogue names its hosts (ula-v4, gua-v4, ula-gua-v4, ipv6-only, ipv4-only, ...). */
export function hostKind(sources: readonly string[]): string {
  const kinds = new Set(sources.map((s) => addressKindOf(s.split('/')[0]!)));
  const has = (k: string) => kinds.has(k);
  if (has('6to4')) return '6to4-v4';
  if (has('teredo')) return 'teredo-v4';
  const v6 = [has('ula') ? 'ula' : '', has('gua') ? 'gua' : ''].filter(Boolean).join('-');
  if (!v6) return 'ipv4-only';
  if (!has('v4')) return v6 === 'gua' ? 'ipv6-only' : `${v6}-only`;
  return `${v6}-v4`;
}

export function addressKindOf(address: string): string {
  if (!address.includes(':')) return 'v4';
  const a = address.toLowerCase();
  if (/^f[cd]/.test(a)) return 'ula';
  if (a.startsWith('2002:')) return '6to4';
  if (/^2001:0?:/.test(a) || /^2001::/.test(a)) return 'teredo';
  if (a === '::1') return 'loopback';
  return 'gua';
}
