// changes() skips the scenarios whose looked-up values are the same under both tables
// (sameInputs, issue 10): that is only sound if such scenarios really come out the same.
import fc from 'fast-check';
import { readPolicy } from '../src/dialects/registry.js';
import { effectiveTable, lookup } from '../src/model/effective-table.js';
import { IPV4_MAPPED_BASE } from '../src/model/address.js';
import { cachedOutcome, outcomeOf, sameInputs } from '../src/impact/outcomes.js';
import { scenariosFor } from '../src/impact/scenario-catalogue.js';

const PREFIXES = ['::1/128', '::/0', '::ffff:0:0/96', '2002::/16', '2001::/32', 'fc00::/7', 'fd00:1::/48', '3fff::/20', '2001:db8::/32', '::/96', 'fec0::/10'];
const V4 = ['::ffff:0:0/96', '::ffff:192.0.2.0/120', '::ffff:127.0.0.0/104', '::ffff:198.51.100.0/120'];
const row = fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(0, 1, 4, 13, 40, 50), fc.constantFrom(1, 3, 10, 35, 40, 100));
const rows = fc.array(row, { maxLength: 8 });

const ip6addrctlText = (rs: [string, number, number][]) => rs.map(([p, a, b]) => `${p} ${b} ${a}\n`).join('');
const scope = fc.array(fc.tuple(fc.constantFrom(...V4), fc.constantFrom(2, 5, 14)), { maxLength: 2 });
const gaiText = (ls: [string, number, number][], ps: [string, number, number][], ss: [string, number][]) =>
  [...ls.map(([p, a]) => `label ${p} ${a}`), ...ps.map(([p, , b]) => `precedence ${p} ${b}`), ...ss.map(([p, s]) => `scopev4 ${p} ${s}`)].join('\n') + '\n';
// Two tables that differ in one line, so that many scenarios look up the same values in both.
const ip6addrctl = fc.tuple(rows, row).map(([rs, extra]) => [ip6addrctlText(rs), ip6addrctlText([...rs, extra])] as const);
const gai = fc
  .tuple(rows, rows, scope, row, fc.nat({ max: 2 }))
  .map(
    ([ls, ps, ss, extra, where]) =>
      [
        gaiText(ls, ps, ss),
        where === 0 ? gaiText([...ls, extra], ps, ss) : where === 1 ? gaiText(ls, [...ps, extra], ss) : gaiText(ls, ps, [...ss, [V4[extra[1] % 4]!, 5]]),
      ] as const,
  );

const scenarios = [
  ...scenariosFor({ ula: [], gua: [] }),
  ...scenariosFor({ ula: [{ prefix: 0xfd000001000000000000000000000000n, length: 48 }], gua: [{ prefix: 0x3fff0000000000000000000000000000n, length: 20 }] }),
];

// The whole outcome: order both ways, sources, the deciding rule, its reason and the values it compared.
const seen = (o: ReturnType<typeof outcomeOf>) => o;
const LOOPBACK_V4 = IPV4_MAPPED_BASE | 0x7f000001n;

describe('sameInputs', () => {
  for (const [dialect, platform, arb] of [
    ['ip6addrctl', 'freebsd', ip6addrctl],
    ['gai', 'glibc', gai],
  ] as const) {
    it(`${dialect}: scenarios with the same looked-up values come out the same`, () => {
      let same = 0;
      let sourcePrecedenceDiffers = 0;
      fc.assert(
        fc.property(arb, ([x, y]) => {
          const a = effectiveTable(readPolicy(dialect, x).policy);
          const b = effectiveTable(readPolicy(dialect, y).policy);
          for (const s of scenarios) {
            if (!sameInputs(a, b, s)) continue;
            same++;
            // The case a source's precedence is ignored for: it differs, and the outcome may not.
            const sources = [...s.host.sources.map((h) => h.address), LOOPBACK_V4];
            if (sources.some((addr) => lookup(a, addr).precedence !== lookup(b, addr).precedence)) sourcePrecedenceDiffers++;
            expect(seen(outcomeOf(platform, b, s))).toEqual(seen(outcomeOf(platform, a, s)));
          }
        }),
        { seed: 6724, numRuns: 60 },
      );
      expect(same).toBeGreaterThan(100);
      // gai.conf precedence lines change a source's precedence alone; a FreeBSD row sets its label too.
      if (dialect === 'gai') expect(sourcePrecedenceDiffers).toBeGreaterThan(10);
    });
  }
});

describe('cachedOutcome', () => {
  // Small tables are cached by content: the same table in two files is simulated once, and a
  // table that differs in anything a simulation reads gets its own outcomes.
  const key = 'test|';
  it('shares outcomes between tables with the same rows, and only between those', () => {
    fc.assert(
      fc.property(gai, ([x, y]) => {
        const a = effectiveTable(readPolicy('gai', x).policy);
        const again = effectiveTable(readPolicy('gai', x).policy);
        const b = effectiveTable(readPolicy('gai', y).policy);
        scenarios.forEach((s, i) => {
          const first = cachedOutcome('glibc', a, scenarios, key, i);
          expect(cachedOutcome('glibc', again, scenarios, key, i)).toBe(first);
          expect(cachedOutcome('glibc', b, scenarios, key, i)).toEqual(outcomeOf('glibc', b, s));
          expect(first).toEqual(outcomeOf('glibc', a, s));
        });
      }),
      { seed: 6725, numRuns: 40 },
    );
  });
});
