// sortByPrefix and earlierTwins (src/model/prefix-sort.ts) replace comparator sorts and
// BigInt-keyed sets for large tables: they must give what those give, also when many
// prefixes share their top bits (one run sorted exactly) and with every group mixed in.
import fc from 'fast-check';
import { maskOf } from '../src/model/address.js';
import { earlierTwins, sortByPrefix } from '../src/model/prefix-sort.js';
import { bottomOf, middleOf, PART_STRIDE, partsOf, topOf } from '../src/model/address-parts.js';

const top = fc.constantFrom(0n, 0x2001_0db8n << 96n, 0xfd00n << 112n, (1n << 128n) - (1n << 64n));
const row = fc.tuple(top, fc.bigInt({ min: 0n, max: (1n << 80n) - 1n }), fc.nat({ max: 128 }), fc.nat({ max: 3 }));
const rows = fc
  .array(row, { minLength: 0, maxLength: 120 })
  .map((list) => list.map(([base, noise, length, kind]) => ({ prefix: (base | noise) & maskOf(length), group: kind * 129 + length })));

test('sortByPrefix orders as a comparator sort does', () => {
  fc.assert(
    fc.property(rows, (list) => {
      const prefixes = list.map((r) => r.prefix);
      const exact = (a: number, b: number) => (prefixes[a]! < prefixes[b]! ? -1 : prefixes[a]! > prefixes[b]! ? 1 : list[a]!.group - list[b]!.group || a - b);
      const indexes = Int32Array.from(list.keys());
      expect([...sortByPrefix(partsOf(prefixes), indexes, exact, PART_STRIDE)]).toEqual([...list.keys()].sort(exact));
    }),
    { seed: 6724, numRuns: 500 },
  );
});

test('earlierTwins names the first row of the same group and prefix, as a set per group does', () => {
  fc.assert(
    fc.property(rows, fc.array(fc.nat(), { maxLength: 40 }), (list, repeats) => {
      // Repeat some rows, so there are twins to find.
      const all = [...list, ...repeats.filter(() => list.length > 0).map((k) => list[k % list.length]!)];
      const firsts = new Map<string, number>();
      const expected = all.map((r, i) => {
        const key = `${r.group} ${r.prefix}`;
        const first = firsts.get(key);
        if (first === undefined) firsts.set(key, i);
        return first ?? -1;
      });
      expect([
        ...earlierTwins(
          all.map((r) => r.group),
          all.map((r) => r.prefix),
        ),
      ]).toEqual(expected);
    }),
    { seed: 6725, numRuns: 500 },
  );
});

test("a value's three parts order values as the BigInts do, and put them back together", () => {
  const value = fc.oneof(
    fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
    top.map((t) => t | 1n),
    fc.constant((1n << 128n) - 1n),
    fc.constant(0n),
  );
  fc.assert(
    fc.property(value, value, (a, b) => {
      expect((BigInt(topOf(a)) << 76n) | (BigInt(middleOf(a)) << 24n) | BigInt(bottomOf(a))).toBe(a);
      const byParts = Math.sign(topOf(a) - topOf(b) || middleOf(a) - middleOf(b) || bottomOf(a) - bottomOf(b));
      expect(byParts).toBe(a < b ? -1 : a > b ? 1 : 0);
    }),
    { seed: 6725, numRuns: 1000 },
  );
});

test('partsOf (through typed-array words) gives each value the parts topOf, middleOf and bottomOf give, as far as its length', () => {
  const value = fc.oneof(
    fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
    fc.constantFrom(0n, 1n, (1n << 128n) - 1n, (1n << 64n) - 1n, 1n << 64n, (1n << 76n) - 1n, 1n << 76n, (1n << 24n) - 1n, 1n << 24n),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(value, fc.nat({ max: 128 })), { maxLength: 40 }), (list) => {
      const values = list.map(([v]) => v);
      const lengths = list.map(([, l]) => l);
      for (const [parts, lengthOf] of [
        [partsOf(values, lengths), (i: number) => lengths[i]!],
        [partsOf(values), () => 128],
      ] as const) {
        values.forEach((v, i) => {
          const length = lengthOf(i);
          expect([...parts.subarray(PART_STRIDE * i, PART_STRIDE * i + PART_STRIDE)]).toEqual([
            topOf(v),
            length > 52 ? middleOf(v) : 0,
            length > 104 ? bottomOf(v) : 0,
            length,
          ]);
        });
      }
    }),
    { seed: 6725, numRuns: 500 },
  );
});
