// `policylint generate`: the table, its proof, its refusals, and the real glibc (a private
// namespace per case, test/oracle/glibc-oracle.mjs): installed as gai.conf, the generated
// table makes a host whose only IPv6 address is a site ULA try the site's global service
// over IPv6 first, and leaves an internet name IPv4-first, as the simulator says.
import { readPolicy } from '../src/dialects/registry.js';
import { GenerateError, generatePolicy, SITE_LABEL } from '../src/convert/generate-policy.js';
import { builtinEffectiveTable, effectiveTable, lookup } from '../src/model/effective-table.js';
import { parseIPv6 } from '../src/model/address.js';
import { simulate } from '../src/simulate/index.js';
import { lintText } from '../src/lint/lint.js';
import { glibcOracleAvailable, runGlibcCases } from './oracle/glibc-oracle.mjs';
import { systemTool } from './support/system-tool.js';
import { runMain as runCli } from './support/run-main.js';

const SITE = { ula: ['fd00:1::/48'], gua: ['2001:db8:1::/48'] };
const ULA_HOST = ['fd00:1::10/64', '192.0.2.10/24'];
const SITE_SERVICE = ['2001:db8:1:2::20', '198.51.100.7'];
const INTERNET = ['3fff:0:2::1', '198.51.100.7'];

describe('the generated table', () => {
  test.each(['gai', 'ip6addrctl'] as const)('%s: reads back clean, site rows share a label above ::/0, every default kept', (to) => {
    const g = generatePolicy({ ...SITE, prefer: 'ipv6', to });
    const read = readPolicy(to, g.text);
    const table = effectiveTable(read.policy);
    const at = (a: string) => lookup(table, parseIPv6(a)!);
    expect(at('fd00:1::10').label).toBe(SITE_LABEL);
    expect(at('2001:db8:1:2::20').label).toBe(SITE_LABEL);
    expect(at('fd00:1::10').precedence).toBeGreaterThan(at('3fff::1').precedence);
    // Outside the site: the system's default (glibc's built-in tables; FreeBSD rc.d's ipv6_prefer).
    const stock = builtinEffectiveTable(to === 'gai' ? 'glibc' : 'freebsd');
    const values = (t: typeof table, a: string) => {
      const v = lookup(t, parseIPv6(a)!);
      return { precedence: v.precedence, label: v.label };
    };
    for (const a of ['::1', '3fff::1', 'fd99::1', '2002::1', '2001::1', '::ffff:198.51.100.7', 'fec0::1', '::1.2.3.4'])
      expect([a, values(table, a)]).toEqual([a, values(stock, a)]);
    // No finding of lint's is an error on it, and every value line has a comment above it.
    const lint = lintText(g.text, { dialect: to });
    expect(lint.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const lines = g.text.split('\n');
    lines.forEach((line, i) => {
      if (line !== '' && !line.startsWith('#')) expect(lines[i - 1]).toMatch(/^# /);
    });
  });

  test('FreeBSD: the ipv6_prefer rows, and ipv4_prefer with --prefer ipv4', () => {
    const v6 = effectiveTable(readPolicy('ip6addrctl', generatePolicy({ ...SITE, prefer: 'ipv6', to: 'ip6addrctl' }).text).policy);
    const v4 = effectiveTable(readPolicy('ip6addrctl', generatePolicy({ ...SITE, prefer: 'ipv4', to: 'ip6addrctl' }).text).policy);
    const mapped = parseIPv6('::ffff:198.51.100.7')!;
    expect(lookup(v6, mapped).precedence).toBe(35);
    expect(lookup(v4, mapped).precedence).toBe(100);
    // The site still sorts above IPv4 when IPv4 is preferred.
    expect(lookup(v4, parseIPv6('2001:db8:1::1')!).precedence).toBeGreaterThan(100);
  });

  test('the proof: site traffic over IPv6, the cost for hosts numbered in the global prefix said in words and in the file', () => {
    const g = generatePolicy({ ...SITE, prefer: 'ipv6', to: 'gai' });
    expect(g.proof.achieves).toContain('a fd00:1::10+IPv4 host tries 2001:db8:1:2::20 (from fd00:1::10) before 198.51.100.7');
    expect(g.proof.costs).toContain('a 2001:db8:1::10+IPv4 host now tries 198.51.100.7 before 3fff:0:2::1 (rule 5: labels 4/4 match, 14/1 do not)');
    for (const c of g.proof.costs) expect(g.text).toContain(`# Cost (re-simulated): ${c}`);
    // The simulator, on the table as written.
    const table = effectiveTable(readPolicy('gai', g.text).policy);
    expect(simulate({ platform: 'glibc', table, sources: ULA_HOST, destinations: SITE_SERVICE }).order[0]).toBe('2001:db8:1:2::20');
    expect(simulate({ platform: 'glibc', table, sources: ULA_HOST, destinations: INTERNET }).order[0]).toBe('198.51.100.7');
  });

  test.each([
    [{ ula: ['fd00:1::1/48'], gua: SITE.gua }, /--ula fd00:1::1\/48: host bits are set after \/48; the prefix is fd00:1::\/48/],
    [{ ula: ['2001:db8::/48'], gua: SITE.gua }, /not a site's ULA prefix/],
    [{ ula: SITE.ula, gua: ['2002:c000:0200::/48'] }, /not a site's global prefix/],
    [{ ula: SITE.ula, gua: ['2001:db8:1::'] }, /give the prefix with its length/],
    [{ ula: [], gua: SITE.gua }, /at least one --ula and one --gua/],
  ])('refuses %j', (site, message) => {
    expect(() => generatePolicy({ ...site, prefer: 'ipv6', to: 'gai' })).toThrow(GenerateError);
    expect(() => generatePolicy({ ...site, prefer: 'ipv6', to: 'gai' })).toThrow(message);
  });
});

describe('policylint generate', () => {
  test('bad intent: one line, exit 2', async () => {
    const r = await runCli(['generate', '--ula', 'fd00:1::/48', '--gua', '2001:db8:1::1/48', '--to', 'gai']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
  test('the costs as one-line warnings, the table on stdout', async () => {
    const r = await runCli(['generate', '--ula', 'fd00:1::/48', '--gua', '2001:db8:1::/48', '--to', 'gai']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(generatePolicy({ ...SITE, prefer: 'ipv6', to: 'gai' }).text);
    for (const line of r.stderr.split('\n').filter(Boolean)) {
      expect(line).toMatch(/^policylint generate: warning: /);
      expect(line.length).toBeLessThanOrEqual(300);
    }
  });
});

const availability = await glibcOracleAvailable();
const oracle = systemTool({
  tool: 'the glibc oracle (unshare -rmn, ip, user+mount+network namespaces)',
  missing: availability.ok ? null : availability.reason,
  skips: 'the generated gai.conf against the real glibc (test/generate.test.ts)',
  get: 'run on Linux with glibc, util-linux and iproute2 where user namespaces are permitted',
  skipEnv: 'POLICYLINT_SKIP_GLIBC_ORACLE',
});

oracle.describe('the real glibc with the generated gai.conf', () => {
  test('a ULA-only host reaches the site over IPv6 and the internet over IPv4, as simulated', async () => {
    const generated = generatePolicy({ ...SITE, prefer: 'ipv6', to: 'gai' }).text;
    const sources = [
      { address: 'fd00:1::10', prefixLength: 64 },
      { address: '192.0.2.10', prefixLength: 24 },
    ];
    const cases = [generated, ''].flatMap((gaiConf) => [SITE_SERVICE, INTERNET].map((destinations) => ({ gaiConf, sources, destinations })));
    const [siteWith, internetWith, siteWithout, internetWithout] = await runGlibcCases(cases);
    expect(siteWith!.order).toEqual(SITE_SERVICE);
    expect(siteWith!.order![0] && siteWith!.error).toBeUndefined();
    expect(internetWith!.order).toEqual(['198.51.100.7', '3fff:0:2::1']);
    // Without it, glibc's default tries IPv4 first for the site too: the table is what changed it.
    expect(siteWithout!.order).toEqual(['198.51.100.7', '2001:db8:1:2::20']);
    expect(internetWithout!.order).toEqual(['198.51.100.7', '3fff:0:2::1']);
    const table = effectiveTable(readPolicy('gai', generated).policy);
    expect(siteWith!.order).toEqual(simulate({ platform: 'glibc', table, sources: ULA_HOST, destinations: SITE_SERVICE }).order);
  }, 60_000);
});
