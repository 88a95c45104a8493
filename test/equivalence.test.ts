// The exact checker against a brute-force oracle (longest-match lookup at addresses at
// and around every prefix boundary), and its speed on two 10k-row tables.
import fc from 'fast-check';
import { ALL_ONES, maskOf } from '../src/model/address.js';
import { freebsdTableFromRows, lookup } from '../src/model/effective-table.js';
import { comparePolicies } from '../src/convert/equivalence.js';
import { valuePieces, type PolicyModel } from '../src/model/policy-meaning.js';
import { pieceEnd, pieceStart, prefixRange, prefixWordsOf, sortedByStart } from '../src/model/step-function.js';
import { ipv4ScopesOf, modelOf } from '../src/model/policy-meaning.js';
import { readPolicy } from '../src/dialects/registry.js';
import { freebsdScope, glibcScope } from '../src/simulate/scope.js';
import { gaiPolicyArb, prng, propertySeed, propertyRuns } from './support/generators.js';

type Row = { prefix: bigint; length: number; precedence: number; label: number };

const model = (rows: Row[]): PolicyModel => ({
  semantics: 'freebsd',
  labelsOnly: false,
  table: freebsdTableFromRows(rows.map((r) => ({ ...r, origin: 'file' as const }))),
});

// Few distinct bases and small values, so prefixes nest, collide and repeat.
const BASES = [0n, 1n, 0xffffn << 32n, 0x20010db8n << 96n, 0xfc00n << 112n, ALL_ONES];
const rowArb = fc
  .record({
    base: fc.constantFrom(...BASES),
    noise: fc.bigInt({ min: 0n, max: ALL_ONES }),
    noiseBits: fc.integer({ min: 0, max: 128 }),
    length: fc.integer({ min: 0, max: 128 }),
    precedence: fc.integer({ min: 0, max: 3 }),
    label: fc.integer({ min: 0, max: 3 }),
  })
  .map(
    ({ base, noise, noiseBits, length, precedence, label }): Row => ({
      prefix: base ^ (noise & ((1n << BigInt(noiseBits)) - 1n)),
      length,
      precedence,
      label,
    }),
  );
const tableArb = fc.array(rowArb, { minLength: 0, maxLength: 8 });

/** Addresses at, just before and just after every boundary of both tables, plus the ends. */
function probePoints(rows: Row[]): bigint[] {
  const points = new Set<bigint>([0n, 1n, ALL_ONES, ALL_ONES - 1n]);
  for (const r of rows) {
    const { start, end } = prefixRange(r.prefix, r.length);
    for (const p of [start - 1n, start, start + 1n, end - 1n, end, end + 1n]) if (p >= 0n && p <= ALL_ONES) points.add(p);
  }
  return [...points];
}

function regionOf<T extends { start: bigint; end: bigint }>(regions: T[], x: bigint): T | undefined {
  return regions.find((r) => r.start <= x && x <= r.end);
}

describe('step function of one table', () => {
  test('gives lookup() at every probe point', () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const m = model(rows);
        const pieces = valuePieces(m);
        for (const x of probePoints(rows)) {
          const i = pieces.values.findIndex((_, k) => pieceStart(pieces, k) <= x && x <= pieceEnd(pieces, k));
          const expected = lookup(m.table, x);
          expect(pieces.values[i]).toEqual({ precedence: expected.precedence, label: expected.label });
        }
        // Pieces tile the space: start at 0, strictly increasing.
        expect(pieceStart(pieces, 0)).toBe(0n);
        for (let k = 1; k < pieces.values.length; k++) expect(pieceStart(pieces, k) > pieceStart(pieces, k - 1)).toBe(true);
      }),
      { seed: 4242, numRuns: 500 },
    );
  });

  test('large tables (bucketed sort): rows in the order of one comparison sort by (start, length, index)', () => {
    const rnd = prng(1341);
    // Clustered like real tables (a few /16s), spread like random ones, and with duplicates.
    const bases = [0n, 0x2001n << 112n, 0x20010db8n << 96n, 0xffffn << 32n, 0xfc00n << 112n];
    for (const n of [4095, 4096, 20000]) {
      const rows: { prefix: bigint; length: number }[] = [];
      for (let i = 0; i < n; i++) {
        const kind = rnd();
        if (kind < 0.1 && rows.length > 0) {
          rows.push(rows[Math.floor(rnd() * rows.length)]!);
          continue;
        }
        let noise = 0n;
        for (let w = 0; w < 4; w++) noise = (noise << 32n) | BigInt(Math.floor(rnd() * 2 ** 32));
        const spread = kind < 0.5 ? 128n : BigInt(Math.floor(rnd() * 96));
        const base = bases[Math.floor(rnd() * bases.length)]!;
        rows.push({ prefix: base ^ (noise & ((1n << spread) - 1n)), length: Math.floor(rnd() * 129) });
      }
      const { words, lengths } = prefixWordsOf(rows);
      const start = words.slice();
      const reference = Array.from({ length: n }, (_, i) => i).sort(
        (a, b) =>
          start[3 * a]! - start[3 * b]! || start[3 * a + 1]! - start[3 * b + 1]! || start[3 * a + 2]! - start[3 * b + 2]! || lengths[a]! - lengths[b]! || a - b,
      );
      expect(Array.from(sortedByStart(start, lengths))).toEqual(reference);
    }
  });
});

test('prefixWordsOf splits each prefix into bits 127-80, 79-32 and 31-0, as BigInt shifts do', () => {
  fc.assert(
    fc.property(fc.array(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), { maxLength: 30 }), (prefixes) => {
      const { words, lengths } = prefixWordsOf(prefixes.map((prefix, i) => ({ prefix, length: i % 129 })));
      prefixes.forEach((p, i) => {
        expect([words[3 * i], words[3 * i + 1], words[3 * i + 2]]).toEqual([
          Number(p >> 80n),
          Number((p >> 32n) & 0xffff_ffff_ffffn),
          Number(p & 0xffff_ffffn),
        ]);
        expect(lengths[i]).toBe(i % 129);
      });
    }),
    { seed: 6726, numRuns: 300 },
  );
});

describe('comparePolicies', () => {
  test('agrees with the brute-force oracle at and around every boundary', () => {
    fc.assert(
      fc.property(tableArb, tableArb, (a, b) => {
        const [ma, mb] = [model(a), model(b)];
        const result = comparePolicies(ma, mb);
        for (const x of probePoints([...a, ...b])) {
          const [va, vb] = [lookup(ma.table, x), lookup(mb.table, x)];
          const differs = va.precedence !== vb.precedence || va.label !== vb.label;
          const region = regionOf(result.regions, x);
          expect(!!region).toBe(differs);
          if (region) {
            expect(region.before).toEqual({ precedence: va.precedence, label: va.label });
            expect(region.after).toEqual({ precedence: vb.precedence, label: vb.label });
          }
        }
        expect(result.equivalent).toBe(result.regions.length === 0);
      }),
      { seed: 777, numRuns: 500 },
    );
  });

  test('finds a difference in a single address', () => {
    const base: Row[] = [{ prefix: 0n, length: 0, precedence: 40, label: 1 }];
    const one = (0x20010db8n << 96n) | 5n;
    const result = comparePolicies(model(base), model([...base, { prefix: one, length: 128, precedence: 40, label: 2 }]));
    expect(result.regions).toEqual([{ start: one, end: one, before: { precedence: 40, label: 1 }, after: { precedence: 40, label: 2 } }]);
  });

  test('a duplicate row changes nothing (first wins), a reordered table is the same', () => {
    const rows: Row[] = [
      { prefix: 0n, length: 0, precedence: 40, label: 1 },
      { prefix: 1n, length: 128, precedence: 50, label: 0 },
    ];
    const dup = [...rows, { prefix: 1n, length: 128, precedence: 1, label: 9 }];
    expect(comparePolicies(model(rows), model(dup)).equivalent).toBe(true);
    expect(comparePolicies(model(rows), model([...rows].reverse())).equivalent).toBe(true);
    expect(comparePolicies(model(rows), model([dup[2]!, ...rows])).equivalent).toBe(false);
  });

  // Its speed is `npm run bench`'s (section 4, as a ratio in one run), never a timed unit test.
  test('two 10k-row random tables differ, in regions that cover only addresses where lookups differ', () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const randomTable = (): Row[] =>
      Array.from({ length: 10_000 }, () => {
        const length = rand() % 129;
        let prefix = 0n;
        for (let k = 0; k < 4; k++) prefix = (prefix << 32n) | (BigInt(rand() ^ (rand() << 16)) & 0xffffffffn);
        return { prefix: prefix & maskOf(length), length, precedence: rand() % 100, label: rand() % 20 };
      });
    const [a, b] = [model(randomTable()), model(randomTable())];
    const result = comparePolicies(a, b);
    expect(result.equivalent).toBe(false);
    // Each region's ends really differ, with the values it reports.
    for (const r of result.regions.filter((_, i) => i % 50 === 0)) {
      for (const x of [r.start, r.end]) {
        const [va, vb] = [lookup(a.table, x), lookup(b.table, x)];
        expect({ before: r.before, after: r.after }).toEqual({
          before: { precedence: va.precedence, label: va.label },
          after: { precedence: vb.precedence, label: vb.label },
        });
      }
    }
  });
});

describe('comparePolicies: IPv4 scopes (scopev4)', () => {
  const IPV4 = prefixRange(0xffffn << 32n, 96);
  /** Addresses at and around every scope row's ends, and around the IPv4-mapped block. */
  const scopeProbes = (...models: PolicyModel[]) =>
    probePoints(models.flatMap((m) => ipv4ScopesOf(m).rows.map((r) => ({ prefix: r.prefix, length: r.length, precedence: 0, label: 0 })))).concat([
      IPV4.start - 1n,
      IPV4.end + 1n,
    ]);
  // The simulator's own scope functions are the oracle: glibc's scopev4 lookup, FreeBSD's rule.
  const scopeOf = (m: PolicyModel, address: bigint) =>
    m.semantics === 'glibc' ? glibcScope({ address, family: 4 }, m.table) : freebsdScope({ address, family: 4 });
  const inIPv4 = (x: bigint) => IPV4.start <= x && x <= IPV4.end;

  const agreesWithOracle = (ma: PolicyModel, mb: PolicyModel) => {
    const result = comparePolicies(ma, mb);
    for (const r of result.scopeRegions) expect(inIPv4(r.start) && inIPv4(r.end)).toBe(true);
    for (const x of scopeProbes(ma, mb)) {
      const region = regionOf(result.scopeRegions, x);
      if (!inIPv4(x)) {
        expect(region).toBeUndefined();
        continue;
      }
      const [sa, sb] = [scopeOf(ma, x), scopeOf(mb, x)];
      expect(region ? [region.before, region.after] : 'same').toEqual(sa === sb ? 'same' : [sa, sb]);
    }
    expect(result.equivalent).toBe(result.regions.length === 0 && result.scopeRegions.length === 0);
  };

  test('two gai.conf files: agrees with glibc scopev4 lookups at and around every boundary', () => {
    fc.assert(
      fc.property(gaiPolicyArb, gaiPolicyArb, (a, b) =>
        agreesWithOracle(modelOf(readPolicy('gai', a.text).policy, 'glibc'), modelOf(readPolicy('gai', b.text).policy, 'glibc')),
      ),
      { seed: propertySeed(8101), numRuns: propertyRuns(400) },
    );
  });

  test("a gai.conf against FreeBSD's fixed IPv4 scopes: agrees with both systems' scope functions", () => {
    const freebsd = model([{ prefix: 0n, length: 0, precedence: 40, label: 1 }]);
    fc.assert(
      fc.property(gaiPolicyArb, (a) => agreesWithOracle(modelOf(readPolicy('gai', a.text).policy, 'glibc'), freebsd)),
      { seed: propertySeed(8102), numRuns: propertyRuns(400) },
    );
  });

  test("glibc's default scopev4 table gives every IPv4 address the scope FreeBSD derives from it", () => {
    const result = comparePolicies(modelOf(readPolicy('gai', '').policy, 'glibc'), model([]));
    expect(result.scopeRegions).toEqual([]);
  });
});
