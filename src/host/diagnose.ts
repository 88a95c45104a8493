// doctor's judgement of one host (pure): for each name, the predicted order and sources
// against the order the real resolver returned; the rule that decided; which programs the
// policy governs at all; and, when a ULA-only path makes IPv4 win for a site destination,
// the smallest fix for this host's own prefixes (`generate`'s table), proven by predicting
// the host again under it before it is offered.
import { formatIPv6, maskValue, parseAnyAddress, parseIPv6, prefixContains } from '../model/address.js';
import { isSiteGuaPrefix, isUlaPrefix, type PrefixRange } from '../model/address-spaces.js';
import type { HostFile } from '../model/host-file.js';
import { effectiveTable } from '../model/effective-table.js';
import { readPolicy } from '../dialects/registry.js';
import type { Ip6addrctlBoot } from '../dialects/rc-ip6addrctl.js';
import type { SimPlatform, Simulation } from '../simulate/index.js';
import { GenerateError, generatePolicy } from '../convert/generate-policy.js';
import { hostSources, predictHost } from './predict.js';

export interface NameInput {
  /** The name asked about, or the addresses themselves when they were given. */
  readonly name: string;
  /** Its addresses in the resolver's original order. */
  readonly addresses: readonly string[];
  /** Where that order came from. */
  readonly origin: 'hosts' | 'dns' | 'given';
  /** What getaddrinfo returned (null: not asked, e.g. for addresses given literally). */
  readonly observed: readonly string[] | null;
}

export interface Finding {
  readonly severity: 'warning' | 'info';
  readonly message: string;
}

export interface DoctorResult {
  readonly name: string;
  readonly addresses: readonly string[];
  readonly predicted: { readonly order: readonly string[]; readonly sources: Readonly<Record<string, string | null>> };
  readonly observed: { readonly order: readonly string[] } | null;
  /** null: nothing to compare with. */
  readonly agrees: boolean | null;
  /** The deciding step, in words. */
  readonly why: readonly string[];
}

export interface DoctorReport {
  readonly host: HostFile;
  readonly policyFile: string | null;
  readonly results: readonly DoctorResult[];
  readonly findings: readonly Finding[];
  readonly fix: { readonly dialect: 'gai' | 'ip6addrctl'; readonly text: string; readonly command: string } | null;
}

export interface DiagnoseInput {
  readonly host: HostFile;
  readonly platform: SimPlatform;
  /** The policy file in force (/etc/gai.conf, /etc/ip6addrctl.conf), null when there is none. */
  readonly policyFile: string | null;
  readonly names: readonly NameInput[];
  /** FreeBSD: what rc.d installs at boot. */
  readonly boot?: Ip6addrctlBoot;
}

const isIPv4 = (a: string) => !a.includes(':');
const isUla = (a: string) => {
  const v = parseIPv6(a);
  return v !== null && isUlaPrefix({ prefix: v, length: 128 });
};
const isGlobal6 = (a: string) => {
  const v = parseIPv6(a);
  return v !== null && isSiteGuaPrefix({ prefix: v, length: 128 });
};
const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const prefixOf = (p: PrefixRange) => `${formatIPv6(p.prefix)}/${p.length}`;

/**
 * A site destination (a route other than the default leads to it) tried after IPv4 because
 * this host's only IPv6 source towards it is a ULA: the seed's problem. Towards the internet
 * (only a default route) IPv4 first is right for a ULA-only host: ULA is not routed there.
 */
function ulaPathLoses(host: HostFile, sim: Simulation): string | null {
  const first = sim.order[0];
  if (first === undefined || !isIPv4(first)) return null;
  return sim.order.find((d) => isGlobal6(d) && sim.sources[d] !== null && isUla(sim.sources[d]!) && siteRoute(host, d) !== null) ?? null;
}

/** The most specific route (not a default route) that covers an address: where the site is. */
function siteRoute(host: HostFile, address: string): PrefixRange | null {
  const value = parseIPv6(address)!;
  let best: PrefixRange | null = null;
  for (const r of host.routes) {
    const [p, l] = r.to.split('/');
    const prefix = parseIPv6(p ?? '');
    const length = Number(l);
    if (prefix === null || !(length > 0 && length < 128) || !r.dev) continue;
    const range = { prefix: maskValue(prefix, length), length };
    if (prefixContains(range.prefix, range.length, value) && isSiteGuaPrefix(range) && (!best || length > best.length)) best = range;
  }
  return best;
}

/** The host's own ULA prefixes, as configured on its interfaces. */
function hostUlaPrefixes(host: HostFile): PrefixRange[] {
  const out: PrefixRange[] = [];
  for (const a of hostSources(host)) {
    if (a.family !== 6 || !isUlaPrefix({ prefix: a.address, length: 128 }) || a.prefixLength <= 8) continue;
    const p = { prefix: maskValue(a.address, a.prefixLength), length: a.prefixLength };
    if (!out.some((o) => o.prefix === p.prefix && o.length === p.length)) out.push(p);
  }
  return out;
}

function governs(platform: SimPlatform, policyFile: string | null): Finding {
  if (platform === 'freebsd')
    return {
      severity: 'info',
      message:
        "The kernel's policy table (ip6addrctl) governs every program that resolves names through FreeBSD's libc getaddrinfo; Go's own resolver and Java sort addresses by their own rules.",
    };
  if (platform === 'musl')
    return {
      severity: 'info',
      message:
        'This machine resolves names with musl (as in Alpine images), which ignores /etc/gai.conf and sorts by its own compiled-in table; glibc-linked programs installed here would read gai.conf.',
    };
  return {
    severity: 'info',
    message: `${policyFile ?? "glibc's built-in table"} governs only programs that resolve names through glibc's getaddrinfo: musl-linked ones (Alpine images) ignore gai.conf, and Go's own resolver and Java sort addresses by their own rules.`,
  };
}

export function diagnose(input: DiagnoseInput): DoctorReport {
  const { host, platform } = input;
  const findings: Finding[] = [governs(platform, input.policyFile)];
  if (input.boot && input.boot.table !== 'file') findings.push({ severity: 'warning', message: `rc.conf: ${input.boot.reason}.` });
  const sims = input.names.map((n) => predictHost(host, platform, n.addresses));
  const results: DoctorResult[] = input.names.map((n, i) => {
    const sim = sims[i]!;
    const observed = n.observed === null ? null : { order: n.observed };
    const agrees = n.observed === null ? null : sameOrder(sim.order, n.observed);
    return {
      name: n.name,
      addresses: n.addresses,
      predicted: { order: sim.order, sources: sim.sources },
      observed,
      agrees,
      why: sim.steps.map((s) => `${s.a} before ${s.b}: ${s.reason}`),
    };
  });

  input.names.forEach((n, i) => {
    const sim = sims[i]!;
    const r = results[i]!;
    if (r.agrees === false) {
      const fewer =
        n.observed!.length < sim.order.length ? ' (fewer addresses: /etc/host.conf without "multi on" makes glibc return only the first /etc/hosts line)' : '';
      findings.push({
        severity: 'warning',
        message: `${n.name}: predicted ${sim.order.join(', ')} but getaddrinfo returned ${n.observed!.join(', ')}${fewer}; a cache (nscd, systemd-resolved's synthesized answers) or a policy read before it changed can do this. Attach --dump-host to a bug report.`,
      });
    }
    if (sim.steps.some((s) => s.rule === 10))
      findings.push({
        severity: 'info',
        message: `${n.name}: some addresses tie (rule 10), so only the original order from ${n.origin === 'hosts' ? '/etc/hosts' : n.origin === 'dns' ? 'the DNS answers' : 'the command line'} decides between them; every other step is decided by the policy.`,
      });
    const lost = ulaPathLoses(host, sim);
    if (lost) {
      const step = sim.steps[0]!;
      findings.push({
        severity: 'warning',
        message: `${n.name}: tries ${sim.order[0]} before ${lost} because this host's only source towards ${lost} is the ULA ${sim.sources[lost]} (${step.reason}).`,
      });
    }
  });

  // The fix: the site's ULA (this host's) and the site's global prefix (the route towards the destination) share a label.
  const lostTo = sims.map((sim) => ulaPathLoses(host, sim)).filter((d): d is string => d !== null);
  let fix: DoctorReport['fix'] = null;
  if (lostTo.length > 0) {
    const ula = hostUlaPrefixes(host);
    const gua: PrefixRange[] = [];
    for (const d of lostTo) {
      const route = siteRoute(host, d)!;
      if (!gua.some((g) => g.prefix === route.prefix && g.length === route.length)) gua.push(route);
    }
    fix = proveFix(input, ula, gua, sims, findings);
  }
  return { host, policyFile: input.policyFile, results, findings, fix };
}

/** generate's table for this host's prefixes, offered only if predicting the host again under it turns every lost site path to IPv6 and harms no other name. */
function proveFix(input: DiagnoseInput, ula: PrefixRange[], gua: PrefixRange[], before: Simulation[], findings: Finding[]): DoctorReport['fix'] {
  const dialect = input.platform === 'freebsd' ? 'ip6addrctl' : 'gai';
  const args = [...ula.map((u) => `--ula ${prefixOf(u)}`), ...gua.map((g) => `--gua ${prefixOf(g)}`), `--to ${dialect}`];
  const command = `policylint generate ${args.join(' ')}`;
  let text: string;
  try {
    text = generatePolicy({ ula: ula.map(prefixOf), gua: gua.map(prefixOf), prefer: 'ipv6', to: dialect }).text;
  } catch (e) {
    if (!(e instanceof GenerateError)) throw e;
    findings.push({ severity: 'info', message: `No fix offered: ${e.message}.` });
    return null;
  }
  const table = effectiveTable(readPolicy(dialect, text).policy);
  for (const [i, n] of input.names.entries()) {
    const after = predictHost(input.host, input.platform, n.addresses, table);
    const was = before[i]!;
    const problem = ulaPathLoses(input.host, was)
      ? ulaPathLoses(input.host, after)
        ? 'still tries IPv4 first'
        : null
      : !isIPv4(was.order[0] ?? '') && isIPv4(after.order[0] ?? '')
        ? 'would try IPv4 first'
        : after.order.some(
              (d, k) =>
                k === 0 && isGlobal6(d) && !gua.some((g) => prefixContains(g.prefix, g.length, parseAnyAddress(d)!.value)) && isUla(after.sources[d] ?? ''),
            )
          ? 'would use a ULA source towards the internet'
          : null;
    if (problem) {
      findings.push({ severity: 'info', message: `No fix offered: under ${command}, ${n.name} ${problem} (re-simulated on this host).` });
      return null;
    }
  }
  const replaced = input.policyFile && input.host.gaiConf?.trim() ? ` It replaces ${input.policyFile}: merge any rows of yours that it lacks.` : '';
  findings.push({
    severity: 'info',
    message: `Fix (proven by predicting this host again): ${command} makes ${gua.map(prefixOf).join(', ')} and this host's ${ula.map(prefixOf).join(', ')} share label 14 above ::/0.${replaced}`,
  });
  return { dialect, text, command };
}
