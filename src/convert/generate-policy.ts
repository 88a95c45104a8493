// `policylint generate`: from intent (these ULA and global prefixes are one site) to the
// smallest complete table that makes them reach each other over IPv6: they share a label
// (RFC 6724 rule 5 then matches between them) and get a precedence above ::/0 (rule 6),
// as in RFC 6724 section 10.6. Every other row is the system's default, written again so
// that the file is complete (one gai.conf label or precedence line replaces glibc's whole
// table of that kind). The result is proven by re-simulating the scenario catalogue with
// the site's own prefixes, the way lint proves its fixes (src/lint/prove-fix.ts).
import { formatIPv6, maskValue, parseIPv6 } from '../model/address.js';
import { isSiteGuaPrefix, isUlaPrefix, type PrefixRange } from '../model/address-spaces.js';
import { GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES } from '../model/builtin-tables.js';
import { effectiveTable } from '../model/effective-table.js';
import { readPolicy } from '../dialects/registry.js';
import { changes, impactSetup, outcome, type ImpactSetup } from '../impact/policy-impact.js';
import { describeChange, type GradedChange } from '../impact/changes.js';
import { isIPv4Text } from '../impact/scenario-catalogue.js';
import { valueLines } from '../rules/support/value-lines.js';

export type GenerateDialect = 'gai' | 'ip6addrctl';
export type Preference = 'ipv6' | 'ipv4';

export interface GenerateRequest {
  readonly ula: readonly string[];
  readonly gua: readonly string[];
  readonly prefer: Preference;
  readonly to: GenerateDialect;
}

export interface GeneratedPolicy {
  readonly dialect: GenerateDialect;
  readonly text: string;
  readonly proof: GenerateProof;
}

export interface GenerateProof {
  /** Scenarios simulated under the generated table and under the default. */
  readonly scenarios: number;
  /** What the table achieves, one line each (the site scenarios it turns to IPv6). */
  readonly achieves: readonly string[];
  /** What it costs: warning-level changes outside the site's own traffic, in words. */
  readonly costs: readonly string[];
}

/** Bad intent (a prefix that is not a ULA or not a site's global prefix): one line for the user. */
export class GenerateError extends Error {}

/** The label the site shares: RFC 6724 section 10.6's, unused by glibc's and FreeBSD's defaults. */
export const SITE_LABEL = 14;
/** Above ::/0's 40, so a site address is tried before an internet one (rule 6). */
const SITE_PRECEDENCE = 45;
/** ipv4_prefer's IPv4 precedence (FreeBSD rc.d), above every IPv6 row but the site's. */
const IPV4_PREFERRED = 100;

export function parseSitePrefix(text: string, kind: 'ula' | 'gua'): PrefixRange {
  const option = `--${kind} ${text}`;
  const slash = text.indexOf('/');
  if (slash < 0) throw new GenerateError(`${option}: give the prefix with its length, e.g. ${kind === 'ula' ? 'fd00:1::/48' : '2001:db8:1::/48'}`);
  const value = parseIPv6(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (value === null) throw new GenerateError(`${option}: not an IPv6 prefix`);
  if (!/^[0-9]{1,3}$/.test(lengthText) || Number(lengthText) > 128) throw new GenerateError(`${option}: the prefix length must be 0..128`);
  const length = Number(lengthText);
  const prefix = { prefix: maskValue(value, length), length };
  if (prefix.prefix !== value)
    throw new GenerateError(`${option}: host bits are set after /${length}; the prefix is ${formatIPv6(prefix.prefix)}/${length}, write that`);
  if (kind === 'ula' && !(isUlaPrefix(prefix) && length > 8))
    throw new GenerateError(`${option}: not a site's ULA prefix (it must lie inside fc00::/7 and be longer than /8, e.g. fd12:3456:789a::/48)`);
  if (kind === 'gua' && !isSiteGuaPrefix(prefix))
    throw new GenerateError(`${option}: not a site's global prefix (it must lie inside 2000::/3, outside 6to4, Teredo and 6bone space, e.g. 2001:db8:1::/48)`);
  return prefix;
}

interface Row {
  readonly prefix: string;
  readonly precedence: number;
  readonly label: number;
  readonly why: string;
}

const prefixOf = (p: PrefixRange) => `${formatIPv6(p.prefix)}/${p.length}`;

/** FreeBSD rc.d's ipv6_prefer (or ipv4_prefer) rows, each with what it is for. */
function freebsdRows(prefer: Preference): Row[] {
  return [
    { prefix: '::1/128', precedence: 50, label: 0, why: 'loopback' },
    { prefix: '::/0', precedence: 40, label: 1, why: 'every other IPv6 address: the internet' },
    {
      prefix: '::ffff:0:0/96',
      precedence: prefer === 'ipv4' ? IPV4_PREFERRED : 35,
      label: 4,
      why: prefer === 'ipv4' ? 'IPv4, above every IPv6 row but the site (--prefer ipv4)' : 'IPv4, below native IPv6',
    },
    { prefix: '2002::/16', precedence: 30, label: 2, why: '6to4' },
    { prefix: '2001::/32', precedence: 5, label: 5, why: 'Teredo' },
    { prefix: 'fc00::/7', precedence: 3, label: 13, why: "ULA outside the site's own prefixes" },
    { prefix: '::/96', precedence: 1, label: 3, why: 'IPv4-compatible (deprecated)' },
    { prefix: 'fec0::/10', precedence: 1, label: 11, why: 'site-local (deprecated)' },
    { prefix: '3ffe::/16', precedence: 1, label: 12, why: '6bone (returned)' },
  ];
}

const GLIBC_WHY: Record<string, string> = {
  '::1/128': 'loopback',
  '::/0': 'every other IPv6 address: the internet',
  '2002::/16': '6to4',
  '::/96': 'IPv4-compatible (deprecated)',
  '::ffff:0:0/96': 'IPv4',
  'fec0::/10': 'site-local (deprecated)',
  'fc00::/7': "ULA outside the site's own prefixes",
  '2001::/32': 'Teredo',
};

function siteRows(ula: readonly PrefixRange[], gua: readonly PrefixRange[], precedence: number): Row[] {
  const above = precedence > SITE_PRECEDENCE ? `above IPv4's ${IPV4_PREFERRED}` : "above ::/0's 40";
  return [
    ...ula.map((p) => ({
      prefix: prefixOf(p),
      precedence,
      label: SITE_LABEL,
      why: `site ULA: label ${SITE_LABEL} like the site's global prefixes, so rule 5 matches between them; precedence ${precedence}, ${above}`,
    })),
    ...gua.map((p) => ({
      prefix: prefixOf(p),
      precedence,
      label: SITE_LABEL,
      why: `site global prefix: label ${SITE_LABEL} like the site's ULAs; precedence ${precedence}, ${above}`,
    })),
  ];
}

function header(request: GenerateRequest): string[] {
  const args = [...request.ula.map((u) => `--ula ${u}`), ...request.gua.map((g) => `--gua ${g}`), `--prefer ${request.prefer}`, `--to ${request.to}`];
  return [
    `# Generated by: policylint generate ${args.join(' ')}`,
    '# The site prefixes share a label and sort above ::/0 (RFC 6724 section 10.6); every other row is',
    request.to === 'gai'
      ? "# glibc's default, written again because one label (or precedence) line replaces glibc's whole table."
      : `# as in FreeBSD rc.d's ${request.prefer}_prefer table. rc.d installs it with ip6addrctl_policy="AUTO" (the default).`,
  ];
}

function gaiText(request: GenerateRequest, site: readonly Row[]): string {
  const out = header(request);
  const pad = (kind: string, prefix: string, value: number) => `${kind} ${prefix.padEnd(24)} ${value}`;
  out.push('', '# Labels (rule 5: a destination whose label matches its source label is preferred)');
  for (const [prefix, label] of GLIBC_DEFAULT_LABELS) out.push(`# ${GLIBC_WHY[prefix]} (glibc default)`, pad('label', prefix, label));
  for (const r of site) out.push(`# ${r.why}`, pad('label', r.prefix, r.label));
  out.push('', '# Precedences (rule 6: the higher is tried first)');
  for (const [prefix, precedence] of GLIBC_DEFAULT_PRECEDENCES) {
    if (prefix === '::ffff:0:0/96' && request.prefer === 'ipv4') {
      out.push(`# IPv4, above every IPv6 row but the site (--prefer ipv4)`, pad('precedence', prefix, IPV4_PREFERRED));
    } else out.push(`# ${GLIBC_WHY[prefix]} (glibc default)`, pad('precedence', prefix, precedence));
  }
  for (const r of site) out.push(`# ${r.why}`, pad('precedence', r.prefix, r.precedence));
  return `${out.join('\n')}\n`;
}

function ip6addrctlText(request: GenerateRequest, site: readonly Row[]): string {
  const out = header(request);
  const [loopback, ...rest] = freebsdRows(request.prefer);
  out.push('', '# PREFIX/LEN             PRECEDENCE LABEL');
  for (const r of [loopback!, ...site, ...rest]) {
    const stock = site.includes(r) ? '' : ` (rc.d ${request.prefer}_prefer)`;
    out.push(`# ${r.why}${stock}`, `${r.prefix.padEnd(24)} ${String(r.precedence).padStart(3)} ${String(r.label).padStart(5)}`);
  }
  return `${out.join('\n')}\n`;
}

const isSiteSet = (id: string) => id.startsWith('site-gua:');
const isUlaHost = (id: string) => id === 'ula-v4' || id.startsWith('ula-v4:');

/**
 * The proof: the site's ULA hosts now try its global services over IPv6 (from a ULA source,
 * which the site routes), its global hosts its ULA services; no ULA source is used towards
 * the internet; every other harmful change is a cost, said in words.
 */
function prove(setup: ImpactSetup, table: ReturnType<typeof effectiveTable>): GenerateProof {
  const achieves: string[] = [];
  const first = (i: number) => outcome(setup, table, i).first;
  setup.scenarios.forEach((s, i) => {
    const siteTraffic = (isUlaHost(s.host.id) && isSiteSet(s.set.id)) || (s.host.id === 'gua-v4' && s.set.id.startsWith('ula-v4'));
    if (!siteTraffic) return;
    const tried = first(i);
    if (tried === null || isIPv4Text(tried))
      throw new GenerateError(`internal proof failed: ${s.host.name} would still try ${tried ?? 'either answer'} first for ${s.set.name}; nothing written`);
    const source = outcome(setup, table, i).sources[tried];
    achieves.push(`${s.host.name} tries ${tried} (from ${source}) before ${s.set.destinations.find((d) => d !== tried)}`);
  });
  const harmful = changes(setup, setup.baseline, table).filter((c: GradedChange) => c.severity === 'error' || c.severity === 'warning');
  const own = (c: GradedChange) => (isUlaHost(c.scenario.host.id) && isSiteSet(c.scenario.set.id)) || c.kind === 'ipv6-first';
  const errors = harmful.filter((c) => c.severity === 'error');
  if (errors.length > 0) throw new GenerateError(`internal proof failed: ${describeChange(errors[0]!)}; nothing written`);
  const costs = harmful.filter((c) => !own(c)).map(describeChange);
  return { scenarios: setup.scenarios.length, achieves, costs };
}

export function generatePolicy(request: GenerateRequest): GeneratedPolicy {
  if (request.ula.length === 0 || request.gua.length === 0)
    throw new GenerateError('give at least one --ula and one --gua prefix: the table joins a site ULA with the site global prefixes it must reach');
  const ula = request.ula.map((u) => parseSitePrefix(u, 'ula'));
  const gua = request.gua.map((g) => parseSitePrefix(g, 'gua'));
  const precedence = request.prefer === 'ipv4' ? IPV4_PREFERRED + 5 : SITE_PRECEDENCE;
  const site = siteRows(ula, gua, precedence);
  const text = request.to === 'gai' ? gaiText(request, site) : ip6addrctlText(request, site);

  // Read back with the real system's reader model: what it would install is what is proven.
  const read = readPolicy(request.to, text);
  const table = effectiveTable(read.policy);
  const setup = impactSetup({
    system: request.to === 'gai' ? 'glibc' : 'freebsd',
    table,
    lines: valueLines(read.policy),
    own: { ula, gua },
    ...(request.to === 'ip6addrctl' && request.prefer === 'ipv4' ? { baseline: 'freebsd-ipv4-prefer' as const } : {}),
    sitePrefixesGiven: true,
  });
  const proof = prove(setup, table);
  // The costs go into the file too (comments: the table stays the one proven), so whoever reads it later knows them.
  const lines = text.split('\n');
  const costLines = proof.costs.map((c) => `# Cost (re-simulated): ${c}`);
  return { dialect: request.to, text: [...lines.slice(0, 3), ...costLines, ...lines.slice(3)].join('\n'), proof };
}
