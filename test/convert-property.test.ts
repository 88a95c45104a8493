// Property: on thousands of generated policies, gai -> ip6addrctl -> gai (and the reverse)
// means exactly the same at every step (the exact check, then a lookup spot-check).
import fc from 'fast-check';
import { convertPolicy } from '../src/convert/convert.js';
import { readPolicy } from '../src/dialects/registry.js';
import { comparePolicies } from '../src/convert/equivalence.js';
import { modelOf } from '../src/model/policy-meaning.js';
import { formatIPv6, ALL_ONES } from '../src/model/address.js';
import { lookup } from '../src/model/effective-table.js';

const BASES = [0n, 1n, 0xffffn << 32n, 0x20010db8n << 96n, 0xfc00n << 112n, 0x2002n << 112n];
const prefixArb = fc
  .record({ base: fc.constantFrom(...BASES), noise: fc.bigInt({ min: 0n, max: ALL_ONES }), bits: fc.integer({ min: 0, max: 128 }), length: fc.integer({ min: 0, max: 128 }) })
  .map(({ base, noise, bits, length }) => ({ address: base ^ (noise & ((1n << BigInt(bits)) - 1n)), length }));

const gaiLineArb = fc
  .record({ kind: fc.constantFrom('label', 'precedence', 'label', 'precedence', 'scopev4'), prefix: prefixArb, value: fc.integer({ min: 0, max: 60 }), comment: fc.boolean() })
  .map(({ kind, prefix, value, comment }) => {
    const text = kind === 'scopev4' ? `::ffff:${formatIPv6(prefix.address).length % 200}.0.0.0/${96 + (prefix.length % 33)}` : `${formatIPv6(prefix.address)}/${prefix.length}`;
    return `${kind} ${text} ${value}${comment ? ' # note' : ''}`;
  });
const gaiArb = fc.array(gaiLineArb, { maxLength: 10 }).map((lines) => lines.join('\n') + '\n');

const rowArb = fc
  .record({ prefix: prefixArb, precedence: fc.integer({ min: -3, max: 60 }), label: fc.integer({ min: -3, max: 20 }) })
  .map(({ prefix, precedence, label }) => `${formatIPv6(prefix.address)}/${prefix.length} ${precedence} ${label}`);
const ip6Arb = fc.array(rowArb, { maxLength: 10 }).map((rows) => rows.join('\n') + '\n');

const equivalent = (a: ReturnType<typeof readPolicy>, b: ReturnType<typeof readPolicy>) =>
  comparePolicies(modelOf(a.policy, a.semantics), modelOf(b.policy, b.semantics)).equivalent;

describe('round trips on generated policies', () => {
  test('gai -> ip6addrctl -> gai -> ip6addrctl is exact at every step', () => {
    fc.assert(
      fc.property(gaiArb, fc.bigInt({ min: 0n, max: ALL_ONES }), (text, probe) => {
        const gai = readPolicy('gai', text);
        const freebsd = convertPolicy(gai, 'ip6addrctl');
        expect(freebsd.check.regions).toEqual([]);
        const f = readPolicy('ip6addrctl', freebsd.output);
        expect(f.policy.installable).toBe(true);
        // Independent of the checker: one lookup in both systems' tables.
        const [g, b] = [lookup(modelOf(gai.policy, 'glibc').table, probe), lookup(modelOf(f.policy, 'freebsd').table, probe)];
        expect([b.precedence, b.label]).toEqual([g.precedence, g.label]);
        const back = convertPolicy(f, 'gai');
        expect(back.check.regions).toEqual([]);
        expect(back.warnings).toEqual([]); // glibc -> FreeBSD -> glibc loses nothing
        const gai2 = readPolicy('gai', back.output);
        expect(equivalent(gai, gai2)).toBe(true);
        expect(equivalent(f, readPolicy('ip6addrctl', convertPolicy(gai2, 'ip6addrctl').output))).toBe(true);
      }),
      { seed: 20240601, numRuns: 2000 },
    );
  });

  test('ip6addrctl -> gai -> ip6addrctl: exact wherever nothing was declared lossy', () => {
    fc.assert(
      fc.property(ip6Arb, (text) => {
        const freebsd = readPolicy('ip6addrctl', text);
        const gai = convertPolicy(freebsd, 'gai');
        expect(gai.check.regions).toEqual([]); // exact, up to the warned mappings
        const back = convertPolicy(readPolicy('gai', gai.output), 'ip6addrctl');
        expect(back.check.regions).toEqual([]);
        const lossy = gai.warnings.length > 0;
        if (!lossy) expect(equivalent(freebsd, readPolicy('ip6addrctl', back.output))).toBe(true);
      }),
      { seed: 1337, numRuns: 2000 },
    );
  });
});
