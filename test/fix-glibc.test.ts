// Fixed files against the REAL glibc (this machine's getaddrinfo, in private namespaces: see
// test/oracle/glibc-oracle.mjs): a sample of gai.conf files whose findings offer an unsafe fix
// (from the corpus, and written here: the flagship with sitePrefixes or a raised ULA precedence,
// partial-table on `precedence 200::/7 1`, ula-below-ipv4 on RFC 6724's values). For each
// finding, every scenario its details name (the host's sources on a veth interface, /etc/hosts
// listing the destinations in the resolver's order, both orders) runs under the UNFIXED and the
// FIXED file, all in one oracle batch:
// - the real order under the fixed file is the one the simulator gives for the fixed table
//   (the order the fix promises is the order glibc returns), and so are the sources;
// - the real order under the unfixed file is the one the finding reports (details.impacts
//   `after`, the flagship's details.simulation);
// - for every scenario the fix changes in simulation, the real glibc changes too (the first
//   destination differs between the unfixed and the fixed file), and each finding's fix
//   changes at least one of its scenarios.
// Skipped (one line on stderr) without the namespace machinery; fails under CI=true.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGaiConf } from '../src/dialects/gai-reader.js';
import { applyFixes, lintText, type LintMessage } from '../src/lint/lint.js';
import { parseAnyAddress } from '../src/model/address.js';
import type { ResolvedConfig } from '../src/model/config.js';
import { effectiveTable } from '../src/model/effective-table.js';
import { parseHostAddress, simulate } from '../src/simulate/index.js';
import { glibcOracleAvailable, runGlibcCases, type GlibcCase, type GlibcResult } from './oracle/glibc-oracle.mjs';
import fc from 'fast-check';
import { ROOT } from './support/generators.js';
import { configOf, realisticGaiArb } from './support/realistic-policies.js';
import { systemTool } from './support/system-tool.js';

const availability = await glibcOracleAvailable();
const oracle = systemTool({
  tool: 'the glibc oracle (unshare -rmn, ip, user+mount+network namespaces)',
  missing: availability.ok ? null : availability.reason,
  skips: 'the fixed-file checks against the real glibc (test/fix-glibc.test.ts)',
  get: 'run on Linux with glibc, util-linux and iproute2 (apt-get install util-linux iproute2) where user namespaces are permitted (sysctl kernel.unprivileged_userns_clone=1, or as root)',
  skipEnv: 'POLICYLINT_SKIP_GLIBC_ORACLE',
});
const GLIBC = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime;

const sitePrefix = (text: string) => {
  const [a, l] = text.split('/');
  return { text, address: parseAnyAddress(a!)!.value, length: Number(l) };
};
const withSites = (ula: string[], gua: string[] = []): ResolvedConfig<never> => ({
  path: null,
  rules: {},
  sitePrefixes: { ula: ula.map(sitePrefix), gua: gua.map(sitePrefix) },
});
const DEFAULT: ResolvedConfig<never> = { path: null, rules: {}, sitePrefixes: { ula: [], gua: [] } };

interface Sample {
  readonly name: string;
  readonly text: string;
  readonly config: ResolvedConfig<never>;
  /** The rule whose unsafe fix is checked. */
  readonly rule: string;
}

const corpusFile = (path: string, rule: string): Sample => ({ name: path, text: readFileSync(join(ROOT, path), 'utf8'), config: DEFAULT, rule });
const stockLabels = readFileSync(join(ROOT, 'fixtures/glibc/glibc-default.gai.conf'), 'utf8');

const SAMPLES: Sample[] = [
  // The corpus: every gai.conf whose findings offer an unsafe fix.
  corpusFile('fixtures/real-world/36-yggdrasil-200-7-precedence-1.gai.conf', 'partial-table'),
  corpusFile('fixtures/glibc/yggdrasil-200-7.gai.conf', 'partial-table'),
  corpusFile('fixtures/real-world/28-nix-prefer-ipv6-rfc6724-precedences.gai.conf', 'ula-below-ipv4'),
  corpusFile('fixtures/real-world/33-oneuptime-rfc6724-table.gai.conf', 'ula-below-ipv4'),
  corpusFile('fixtures/real-world/40-vps-toolbox-prefer-ipv6-precedences.gai.conf', 'ula-below-ipv4'),
  corpusFile('fixtures/real-world/42-rfc6724-table-plus-fd00-label-99.gai.conf', 'ula-below-ipv4'),
  corpusFile('fixtures/real-world/43-rfc6724-table-plus-site-gua-precedence.gai.conf', 'ula-below-ipv4'),
  corpusFile('fixtures/glibc/oneuptime-rfc6724.gai.conf', 'ula-below-ipv4'),
  // Written here: the flagship, IPv4 raised to tie global IPv6, RFC 6724's values.
  {
    name: 'raised ULA precedence',
    text: 'precedence ::1/128 50\nprecedence ::/0 40\nprecedence fc00::/7 45\nprecedence 2002::/16 30\nprecedence ::/96 20\nprecedence ::ffff:0:0/96 10\n',
    config: DEFAULT,
    rule: 'ula-gua-label-mismatch',
  },
  {
    name: 'raised site ULA precedence',
    text: 'precedence ::1/128 50\nprecedence ::/0 40\nprecedence fd12:3456:789a::/48 45\nprecedence 2002::/16 30\nprecedence ::/96 20\nprecedence ::ffff:0:0/96 10\n',
    config: DEFAULT,
    rule: 'ula-gua-label-mismatch',
  },
  { name: 'sitePrefixes on an empty gai.conf', text: '', config: withSites(['fd12:3456:789a::/48']), rule: 'ula-gua-label-mismatch' },
  {
    name: 'sitePrefixes on the stock table',
    text: stockLabels,
    config: withSites(['fd12:3456:789a::/48'], ['2001:db8:42::/48']),
    rule: 'ula-gua-label-mismatch',
  },
  {
    name: 'site ULA label row kept at 6, sitePrefixes',
    text: '# site\nlabel ::1/128 0\nlabel ::/0 1\nlabel fd12:3456:789a::/48 6\nlabel ::ffff:0:0/96 4\n',
    config: withSites(['fd12:3456:789a::/48']),
    rule: 'ula-gua-label-mismatch',
  },
  { name: 'precedence 200::/7 1', text: 'precedence 200::/7 1\n', config: DEFAULT, rule: 'partial-table' },
  { name: 'precedence 200::/7 1 with a comment', text: '# yggdrasil last\nprecedence  200::/7  1\n', config: DEFAULT, rule: 'partial-table' },
  {
    name: "RFC 6724's table as a gai.conf",
    text:
      ['::1/128 50 0', '::/0 40 1', '::ffff:0:0/96 35 4', '2002::/16 30 2', '2001::/32 5 5', 'fc00::/7 3 13', '::/96 1 3', 'fec0::/10 1 11', '3ffe::/16 1 12']
        .flatMap((r) => {
          const [p, pr, l] = r.split(' ');
          return [`label ${p} ${l}`, `precedence ${p} ${pr}`];
        })
        .join('\n') + '\n',
    config: DEFAULT,
    rule: 'ula-below-ipv4',
  },
];

/** Generated gai.conf files (fixed seed): the first whose flagship, partial-table or ula-below-ipv4 finding offers an unsafe fix, one per rule. */
function generatedSamples(): Sample[] {
  const out: Sample[] = [];
  const wanted = ['ula-gua-label-mismatch', 'partial-table', 'ula-below-ipv4'];
  for (const p of fc.sample(realisticGaiArb, { numRuns: 300, seed: 12_004 })) {
    if (out.length === wanted.length) break;
    const config = configOf(p);
    const m = lintText(p.text, { dialect: 'gai', config }).messages.find(
      (x) => wanted.includes(x.ruleId) && x.fix?.safety === 'unsafe' && !out.some((o) => o.rule === x.ruleId),
    );
    if (m)
      out.push({
        name: `generated #${out.length + 1}${p.declared.length > 0 ? ` (sitePrefixes ${p.declared.map((d) => d.text).join(', ')})` : ''}`,
        text: p.text,
        config,
        rule: m.ruleId,
      });
  }
  return out;
}
SAMPLES.push(...generatedSamples());

interface Scenario {
  readonly id: string;
  readonly sources: readonly string[];
  /** In the resolver's order. */
  readonly destinations: readonly string[];
  /** The order the finding reports under the unfixed file (null: not stated). */
  readonly claimed: readonly string[] | null;
}

interface Impact {
  scenario: { host: string; sources: string[]; destinations: string; addresses: string[] };
  after: { order: string[]; orderIfAFirst: string[] };
}

/** The scenarios a finding names: its details.impacts, in both resolver orders; the flagship's own simulation. */
function scenariosOf(m: LintMessage): Scenario[] {
  const details = m.details as
    | { impacts?: Impact[]; destination?: string; simulation?: { order: string[]; sources: Record<string, string | null> } }
    | undefined;
  if (details?.impacts && details.impacts.length > 0) {
    return details.impacts.flatMap((i) => [
      { id: `${i.scenario.host} ${i.scenario.destinations}`, sources: i.scenario.sources, destinations: i.scenario.addresses, claimed: i.after.order },
      {
        id: `${i.scenario.host} ${i.scenario.destinations} (A first)`,
        sources: i.scenario.sources,
        destinations: [...i.scenario.addresses].reverse(),
        claimed: i.after.orderIfAFirst,
      },
    ]);
  }
  if (details?.destination && details.simulation) {
    // The flagship: a ULA+IPv4 host, the name's global AAAA first and 198.51.100.7 second.
    const ula = details.simulation.sources[details.destination]!;
    const destinations = [details.destination, '198.51.100.7'];
    return [
      { id: 'flagship', sources: [`${ula}/64`, '192.0.2.10/24'], destinations, claimed: details.simulation.order },
      { id: 'flagship (A first)', sources: [`${ula}/64`, '192.0.2.10/24'], destinations: [...destinations].reverse(), claimed: null },
    ];
  }
  return [];
}

const toCase = (gaiConf: string, s: Scenario): GlibcCase => ({
  gaiConf,
  sources: s.sources.map((t) => {
    const [address, length] = t.split('/');
    return { address: address!, prefixLength: Number(length) };
  }),
  destinations: [...s.destinations],
});

function simulated(gaiConf: string, s: Scenario) {
  const table = effectiveTable(readGaiConf(gaiConf, GLIBC ? { glibcVersion: GLIBC } : {}).policy);
  return simulate({ platform: 'glibc', table, sources: s.sources.map((t) => parseHostAddress(t)), destinations: [...s.destinations] });
}

interface Check {
  readonly sample: Sample;
  readonly finding: LintMessage;
  readonly fixed: string;
  readonly scenarios: Scenario[];
}

function buildChecks(): Check[] {
  return SAMPLES.map((sample) => {
    const result = lintText(sample.text, { dialect: 'gai', config: sample.config });
    const finding = result.messages.find((m) => m.ruleId === sample.rule && m.fix?.safety === 'unsafe');
    if (!finding)
      throw new Error(
        `${sample.name}: no ${sample.rule} finding with an unsafe fix (got ${result.messages.map((m) => `${m.ruleId}${m.fix ? `:${m.fix.safety}` : ''}`).join(', ') || 'nothing'})`,
      );
    const fixed = applyFixes(sample.text, [finding.fix!]).output;
    return { sample, finding, fixed, scenarios: scenariosOf(finding) };
  });
}

const checks = buildChecks();

describe('the sample of fixed files', () => {
  test('has 10 to 20 files, each finding with scenarios to run, and the three findings that matter', () => {
    expect(checks.length).toBeGreaterThanOrEqual(10);
    expect(checks.length).toBeLessThanOrEqual(20);
    expect(checks.filter((c) => c.scenarios.length === 0).map((c) => c.sample.name)).toEqual([]);
    for (const rule of ['ula-gua-label-mismatch', 'partial-table', 'ula-below-ipv4']) expect(checks.some((c) => c.sample.rule === rule)).toBe(true);
  });
});

oracle.describe('fixed gai.conf files: the order the fix promises is the order the real glibc returns', () => {
  // One batch: every scenario under the unfixed and the fixed file, deduplicated.
  const keys: string[] = [];
  const batch: GlibcCase[] = [];
  const index = (c: GlibcCase) => {
    const key = JSON.stringify(c);
    let i = keys.indexOf(key);
    if (i < 0) {
      i = keys.push(key) - 1;
      batch.push(c);
    }
    return i;
  };
  const plan = checks.map((c) => ({ ...c, runs: c.scenarios.map((s) => ({ s, unfixed: index(toCase(c.sample.text, s)), fixed: index(toCase(c.fixed, s)) })) }));
  let results: GlibcResult[] = [];
  let batchMs = 0;

  beforeAll(async () => {
    const t0 = Date.now();
    results = await runGlibcCases(batch);
    batchMs = Date.now() - t0;
  }, 600_000);

  test('every scenario of every finding, unfixed and fixed', () => {
    const failures: string[] = [];
    let changed = 0;
    for (const c of plan) {
      const label = `${c.sample.name} (${c.sample.rule}: ${c.finding.fix!.description})`;
      let fixChanges = 0;
      for (const { s, unfixed, fixed } of c.runs) {
        const before = results[unfixed]!;
        const after = results[fixed]!;
        const where = `${label}, ${s.id}: sources ${s.sources.join(', ')}; destinations ${s.destinations.join(', ')}`;
        if (before.error !== undefined || after.error !== undefined) {
          failures.push(`${where}: oracle error ${before.error ?? after.error}`);
          continue;
        }
        const promised = simulated(c.fixed, s);
        if (after.order.join(' ') !== promised.order.join(' '))
          failures.push(
            `${where}: fixed file: glibc ${after.order.join(' ')}, policylint ${promised.order.join(' ')}\n  fixed gai.conf ${JSON.stringify(c.fixed)}`,
          );
        for (const d of after.order) {
          if ((after.sources[d] ?? null) !== (promised.sources[d] ?? null))
            failures.push(`${where}: fixed file: source for ${d}: kernel ${after.sources[d]}, policylint ${promised.sources[d]}`);
        }
        if (s.claimed && before.order.join(' ') !== s.claimed.join(' '))
          failures.push(`${where}: unfixed file: glibc ${before.order.join(' ')}, the finding says ${s.claimed.join(' ')}`);
        const unfixedSim = simulated(c.sample.text, s);
        if (unfixedSim.order[0] !== promised.order[0]) {
          fixChanges++;
          // The fix changes what is tried first: the real glibc must change it too.
          if (before.order[0] === after.order[0])
            failures.push(
              `${where}: policylint says the fix makes ${promised.order[0]} first instead of ${unfixedSim.order[0]}, but glibc tries ${after.order[0]} first either way`,
            );
        }
      }
      if (fixChanges === 0) failures.push(`${label}: the fix changes none of the finding's scenarios`);
      changed += fixChanges;
    }
    // eslint-disable-next-line no-console
    console.log(
      `fix glibc: ${checks.length} fixed files, ${plan.reduce((n, c) => n + c.runs.length, 0)} scenarios (${changed} changed by the fix), ${batch.length} glibc ${GLIBC} cases in one oracle batch, ${batchMs} ms`,
    );
    expect(failures).toEqual([]);
  });
});
