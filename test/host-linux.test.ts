// `explain --host` against the real Linux machine: generated hosts (several veth
// interfaces, down ones, deprecated/tentative/home addresses, default routes per interface
// or none, more specific and unreachable routes, `ip addrlabel` tables, gai.conf) are built
// in private namespaces; getaddrinfo's order and the kernel's source per destination (UDP
// connect + getsockname) must equal simulateHost's for glibc.
import { simulateHost } from '../src/simulate/index.js';
import { glibcOracleAvailable, runHostCases, type GlibcResult } from './oracle/glibc-oracle.mjs';
import { generateLinuxHosts, type LinuxHostCase } from './support/linux-hosts.js';
import { systemTool } from './support/system-tool.js';

const availability = await glibcOracleAvailable();
const oracle = systemTool({
  tool: 'the glibc oracle (unshare -rmn, ip, user+mount+network namespaces)',
  missing: availability.ok ? null : availability.reason,
  skips: 'the whole-host tests against the real Linux kernel and glibc (test/host-linux.test.ts)',
  get: 'run on Linux with glibc, util-linux and iproute2 (apt-get install util-linux iproute2) where user namespaces are permitted (sysctl kernel.unprivileged_userns_clone=1, or as root)',
  skipEnv: 'POLICYLINT_SKIP_GLIBC_ORACLE',
});

const COUNT = Number(process.env.POLICYLINT_HOST_CASES ?? 160);
const cases = generateLinuxHosts(COUNT, Number(process.env.POLICYLINT_HOST_SEED ?? 15));
/** getsockname() gives a link-local source with its zone; the simulator names the address only. */
const bare = (a: string | null | undefined) => (a ? a.replace(/%.*/, '') : null);

function simulateCase(c: LinuxHostCase) {
  const host = c.gaiConf === '' ? c.host : { ...c.host, gaiConf: c.gaiConf };
  return simulateHost(host, { platform: 'glibc', destinations: c.destinations });
}

describe('generated Linux hosts', () => {
  test('cover several interfaces, down interfaces, every flag, missing routes, label tables and gai.conf', () => {
    const has = (p: (c: LinuxHostCase) => boolean) => cases.filter(p).length;
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(has((c) => c.host.interfaces.length === 3)).toBeGreaterThan(10);
    expect(has((c) => c.host.interfaces.some((i) => i.up === false))).toBeGreaterThan(5);
    for (const flag of ['deprecated', 'tentative', 'home'] as const) {
      expect(has((c) => c.host.interfaces.some((i) => i.addresses.some((a) => a.flags?.includes(flag))))).toBeGreaterThan(3);
    }
    expect(has((c) => !c.host.routes.some((r) => r.to === '::/0'))).toBeGreaterThan(10);
    expect(has((c) => c.host.addrlabels !== undefined)).toBeGreaterThan(10);
    expect(has((c) => c.gaiConf !== '')).toBeGreaterThan(10);
  });
});

oracle.describe('explain --host agrees with the real Linux kernel and glibc', () => {
  let results: (GlibcResult & { zoned?: Record<string, string | null> })[] = [];
  beforeAll(async () => {
    results = await runHostCases(cases);
  }, 600_000);

  test('same order and same source for every destination of every generated host', () => {
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const real = results[i]!;
      if (real.error !== undefined) {
        failures.push(`host ${i}: oracle error ${real.error}\n  ${JSON.stringify(c)}`);
        return;
      }
      const sim = simulateCase(c);
      const mine = { order: sim.order, sources: sim.order.map((d) => bare(sim.sources[d])) };
      const theirs = { order: real.order, sources: real.order.map((d) => bare(real.sources[d])) };
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
        failures.push(`host ${i}: real ${JSON.stringify(theirs)}\n  simulator ${JSON.stringify(mine)}\n  ${JSON.stringify(c)}`);
      }
    });
    expect(failures).toEqual([]);
  });

  test('the kernel source for zoned link-local destinations (by each interface name, and one no host has) on every generated host', () => {
    const failures: string[] = [];
    let compared = 0;
    cases.forEach((c, i) => {
      const real = results[i]!;
      if (real.error !== undefined || c.zoned.length === 0) return;
      const sim = simulateHost(c.host, { platform: 'glibc', destinations: c.zoned });
      for (const dest of c.zoned) {
        compared++;
        const expected = bare(real.zoned?.[dest]);
        const got = bare(sim.sources[dest]);
        if (expected !== got) failures.push(`host ${i}: source for ${dest}: kernel ${expected}, simulator ${got}\n  ${JSON.stringify(c.host)}`);
      }
    });
    expect(compared).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });
});
