// Per-platform behaviour of the simulator, each case chosen so that platforms that
// differ in one rule give different answers. (glibc itself is proven against the
// real resolver in differential-glibc.test.ts.)
import { readGaiConf } from '../src/dialects/gai-reader.js';
import { readIp6addrctl } from '../src/dialects/ip6addrctl-reader.js';
import { effectiveTable } from '../src/model/effective-table.js';
import { parseHostAddress, runScenarios, simulate, type SimPlatform } from '../src/simulate/index.js';

const ULA_HOST = ['fd00:1::10/64', '192.0.2.10/24'];
const GUA_HOST = ['2001:db8:1::10/64', '192.0.2.10/24'];
const run = (platform: SimPlatform, sources: string[], destinations: string[], table?: ReturnType<typeof effectiveTable>) =>
  simulate({ platform, sources, destinations, ...(table ? { table } : {}) });

describe('simulate', () => {
  it('glibc defaults: a ULA-only host tries IPv4 first, and says rule 5 with both labels', () => {
    const sim = run('glibc', ULA_HOST, ['2001:db8::1', '198.51.100.7']);
    expect(sim.order).toEqual(['198.51.100.7', '2001:db8::1']);
    expect(sim.sources).toEqual({ '198.51.100.7': '192.0.2.10', '2001:db8::1': 'fd00:1::10' });
    expect(sim.steps).toEqual([
      {
        a: '198.51.100.7',
        b: '2001:db8::1',
        rule: 5,
        reason: 'rule 5: source fd00:1::10 has label 6, 2001:db8::1 has label 1; the IPv4 pair matches on label 4',
      },
    ]);
  });

  it('glibc: `label fc00::/7 1` makes ULA and GUA one label, so precedence (40 > 10) puts IPv6 first', () => {
    const table = effectiveTable(readGaiConf('label fc00::/7 1\n').policy);
    const sim = run('glibc', ULA_HOST, ['198.51.100.7', '2001:db8::1'], table);
    expect(sim.order).toEqual(['2001:db8::1', '198.51.100.7']);
    expect(sim.steps[0]!.rule).toBe(6);
  });

  it("RFC 6724 table: ULA precedence 3 loses to IPv4 35, whereas glibc gives ULA ::/0's 40", () => {
    const dests = ['198.51.100.7', 'fd00:2::1'];
    expect(run('rfc6724', ULA_HOST, dests).order).toEqual(['198.51.100.7', 'fd00:2::1']);
    expect(run('glibc', ULA_HOST, dests).order).toEqual(['fd00:2::1', '198.51.100.7']);
  });

  it('rule 9: glibc counts all common IPv6 bits, RFC 6724 and Go stop at the source prefix / 64 bits', () => {
    // 2001:db8:1:0:1::1 shares 79 bits with 2001:db8:1::10, 2001:db8:1:0:8000::1 shares 64.
    const dests = ['2001:db8:1:0:8000::1', '2001:db8:1:0:1::1'];
    const glibc = run('glibc', GUA_HOST, dests);
    expect(glibc.order).toEqual(['2001:db8:1:0:1::1', '2001:db8:1:0:8000::1']);
    expect(glibc.steps[0]!.rule).toBe(9);
    for (const p of ['rfc6724', 'go'] as const) {
      const sim = run(p, GUA_HOST, dests);
      expect(sim.order).toEqual(dests);
      expect(sim.steps[0]!.rule).toBe(10);
    }
  });

  it('rule 9 for IPv4: glibc inside the source subnet, FreeBSD and Go never, musl always', () => {
    const dests = ['203.0.113.7', '192.0.2.200'];
    expect(run('glibc', GUA_HOST, dests).order).toEqual(['192.0.2.200', '203.0.113.7']);
    expect(run('freebsd', GUA_HOST, dests).order).toEqual(dests);
    expect(run('go', GUA_HOST, dests).order).toEqual(dests);
    expect(run('musl', GUA_HOST, ['198.51.100.7', '2001:db8::1', '192.0.2.200']).order).toEqual(['2001:db8::1', '192.0.2.200', '198.51.100.7']);
  });

  it('glibc on a host without IPv6 knows no prefix lengths or flags: IPv4 rule 9 and rule 3 are off', () => {
    const sim = run('glibc', ['192.0.2.10/24'], ['203.0.113.7', '192.0.2.200']);
    expect(sim.order).toEqual(['203.0.113.7', '192.0.2.200']);
    expect(sim.steps[0]!.rule).toBe(10);
    expect(sim.notes.join()).toMatch(/only on a host with an IPv6 address/);
  });

  it('rule 3: glibc avoids a deprecated source (IPv4 too); FreeBSD, musl and Go do not', () => {
    const sources = [parseHostAddress('2001:db8:1::10/64'), parseHostAddress('192.0.2.10/24', true)];
    const dests = ['198.51.100.7', '2001:db8::1'];
    const table = effectiveTable(readGaiConf('precedence ::ffff:0:0/96 100\n').policy);
    const glibc = simulate({ platform: 'glibc', table, sources, destinations: dests });
    expect(glibc.order).toEqual(['2001:db8::1', '198.51.100.7']);
    expect(glibc.steps[0]!.rule).toBe(3);
    const bsd = simulate({
      platform: 'freebsd',
      table: effectiveTable(readIp6addrctl('::ffff:0:0/96 100 4\n::/0 40 1\n').policy),
      sources,
      destinations: dests,
    });
    expect(bsd.order).toEqual(['198.51.100.7', '2001:db8::1']);
    expect(bsd.steps[0]!.rule).toBe(6);
  });

  it('FreeBSD: an empty table means no sorting at all', () => {
    const table = effectiveTable(readIp6addrctl('# only a comment\n').policy);
    const sim = run('freebsd', ULA_HOST, ['2001:db8::1', '::1', '198.51.100.7'], table);
    expect(sim.sorted).toBe(false);
    expect(sim.order).toEqual(['2001:db8::1', '::1', '198.51.100.7']);
    expect(sim.steps.every((s) => s.rule === null)).toBe(true);
  });

  it('FreeBSD: a destination with a policy row beats one without, even with precedence -5', () => {
    const table = effectiveTable(readIp6addrctl('::ffff:203.0.113.0/120 -5 7\n').policy);
    const sim = run('freebsd', ['192.0.2.10/24'], ['198.51.100.7', '203.0.113.5'], table);
    expect(sim.order).toEqual(['203.0.113.5', '198.51.100.7']);
    expect(sim.steps[0]).toMatchObject({ rule: 6 });
    expect(sim.steps[0]!.reason).toMatch(/matches none/);
  });

  it('source selection tie-break: Linux takes the address added last, FreeBSD the first', () => {
    const sources = ['2001:db8:4::10/64', '2001:db8:5::10/64'];
    expect(run('glibc', sources, ['2001:db8:6::1']).sources['2001:db8:6::1']).toBe('2001:db8:5::10');
    expect(run('freebsd', sources, ['2001:db8:6::1']).sources['2001:db8:6::1']).toBe('2001:db8:4::10');
  });

  it('Linux picks sources with the kernel ip addrlabel table, not gai.conf', () => {
    // gai.conf gives the GUA the ULA's label; the kernel still matches 2001:db8::1 with the GUA (label 1).
    const table = effectiveTable(readGaiConf('label 2001:db8:1::/48 5\nlabel fc00::/7 1\n').policy);
    const sim = run('glibc', ['fd00:1::10/64', '2001:db8:1::10/64'], ['2001:db8::1'], table);
    expect(sim.sources['2001:db8::1']).toBe('2001:db8:1::10');
  });

  it('link-local destinations: no zone from the resolver, so no source; RFC 6724 model keeps them', () => {
    const sources = ['fe80::10/64', '2001:db8:1::10/64'];
    expect(run('glibc', sources, ['fe80::1', '2001:db8::1']).sources['fe80::1']).toBeNull();
    expect(run('rfc6724', sources, ['fe80::1', '2001:db8::1']).sources['fe80::1']).toBe('fe80::10');
  });

  it('musl sorts nothing when every address is IPv4; musl and Go ignore a policy file', () => {
    expect(run('musl', ['192.0.2.10/24'], ['198.51.100.7', '192.0.2.200']).sorted).toBe(false);
    const table = effectiveTable(readGaiConf('precedence ::ffff:0:0/96 100\n').policy);
    const sim = run('go', GUA_HOST, ['198.51.100.7', '2001:db8::1'], table);
    expect(sim.order).toEqual(['2001:db8::1', '198.51.100.7']);
    expect(sim.notes.join()).toMatch(/ignores policy files/);
  });

  it('rejects a bad or duplicate address, naming it', () => {
    expect(() => run('glibc', ['fd00::1/129'], ['2001:db8::1'])).toThrow(/fd00::1\/129/);
    expect(() => run('glibc', ULA_HOST, ['2001:db8::1', '2001:DB8::1'])).toThrow(/2001:db8::1.*twice/);
  });

  it('scenarios mark where a policy changes the first destination', () => {
    const table = effectiveTable(readGaiConf('label fc00::/7 1\n').policy);
    const report = runScenarios({ platform: 'glibc', table });
    const ula = report.rows.find((r) => r.host === 'ULA-only')!;
    const gua4 = ula.cells.find((c) => c.destinations === 'GUA+IPv4')!;
    expect(gua4.differs).toBe(true);
    expect(gua4.withDefault.order[0]).toBe('198.51.100.7');
    expect(gua4.withPolicy.order[0]).toBe('2001:db8::1');
    // An IPv4-only host has no IPv6 source: the label table cannot matter.
    expect(report.rows.find((r) => r.host === 'IPv4-only')!.cells.every((c) => !c.differs)).toBe(true);
  });
});
