// diff writes ranges as bytes (src/convert/range-bytes.ts) instead of strings: the bytes
// must be exactly the text the string formatters give, for every kind of range.
import fc from 'fast-check';
import { formatAddress, formatAddressWords, formatRange, formatRangeWords } from '../src/model/address-ranges.js';
import { END_OF_SPACE, MAX_ADDRESS_BYTES, MAX_RANGE_BYTES, writeAddressWords, writeRange } from '../src/convert/range-bytes.js';

const ALL = (1n << 128n) - 1n;
const words = (x: bigint): [number, number, number] => [Number(x >> 80n), Number((x >> 32n) & ((1n << 48n) - 1n)), Number(x & 0xffffffffn)];
/** The first address after `last` as words; 2^128 is (2^48, 0, 0). */
const after = (last: bigint): [number, number, number] => (last === ALL ? [2 ** 48, 0, 0] : words(last + 1n));
/** writeRange of [s, e], its ends at some place in arrays of other words. */
const writeRangeOf = (s: bigint, e: bigint) => (o: Uint8Array, at: number) =>
  writeRange(o, at, Float64Array.of(7, 7, 7, ...words(s)), 3, Float64Array.of(...after(e), 9, 9, 9), 0);

const out = new Uint8Array(MAX_RANGE_BYTES + 16);
/**
 * What a writer wrote from `at` on, as text. It may have used room past where it stopped (a
 * range of four prefixes is written again as first - last; text is stored a word at a time),
 * but none past `limit`.
 */
function written(write: (out: Uint8Array, at: number) => number, limit = MAX_RANGE_BYTES, at = 5): string {
  out.fill(0xff);
  const end = write(out, at);
  expect(end - at).toBeLessThanOrEqual(limit);
  expect(out[at - 1]).toBe(0xff);
  expect(out[at + limit]).toBe(0xff);
  return Buffer.from(out.subarray(at, end)).toString('latin1');
}

const addressArb = fc.oneof(
  fc.bigInt({ min: 0n, max: ALL }),
  fc.bigInt({ min: 0n, max: 1n << 40n }),
  // The IPv4-mapped space, aligned blocks and their neighbours, and the word borders.
  fc.bigInt({ min: 0n, max: 0xffffffffn }).map((v) => (0xffffn << 32n) | v),
  fc
    .record({ base: fc.bigInt({ min: 0n, max: ALL }), bits: fc.integer({ min: 0, max: 128 }), nudge: fc.integer({ min: -1, max: 1 }) })
    .map(({ base, bits, nudge }) => {
      const v = ((base >> BigInt(bits)) << BigInt(bits)) + BigInt(nudge);
      return v < 0n ? 0n : v > ALL ? ALL : v;
    }),
  // Zero groups in every place (the `::` run, ties between runs).
  fc.array(fc.constantFrom(0, 0, 1, 0xffff, 0x10, 0x100, 0x1000), { minLength: 8, maxLength: 8 }).map((g) => g.reduce((v, x) => (v << 16n) | BigInt(x), 0n)),
  fc.constantFrom(
    0n,
    1n,
    ALL,
    1n << 127n,
    1n << 80n,
    (1n << 80n) - 1n,
    1n << 32n,
    (1n << 32n) - 1n,
    0xffffn << 32n,
    (0xffffn << 32n) - 1n,
    0x10000n << 32n,
    ALL - 1n,
  ),
);

it('writeAddressWords writes what formatAddressWords and formatAddress write', () => {
  fc.assert(
    fc.property(addressArb, (x) => {
      const text = written((o, at) => writeAddressWords(o, at, ...words(x)), MAX_ADDRESS_BYTES);
      expect(text).toBe(formatAddressWords(...words(x)));
      expect(text).toBe(formatAddress(x));
    }),
    { numRuns: 5000, seed: 4 },
  );
});

/** Ranges: any two addresses, a prefix (any length, /0 to /128) and its neighbours, a single address. */
const rangeArb = fc.oneof(
  fc.tuple(addressArb, addressArb).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  fc.record({ base: addressArb, length: fc.integer({ min: 0, max: 128 }), grow: fc.integer({ min: -1, max: 1 }) }).map(({ base, length, grow }) => {
    const host = BigInt(128 - length);
    const start = (base >> host) << host;
    const end = start + (1n << host) - 1n + BigInt(grow);
    return [start, end < start ? start : end > ALL ? ALL : end];
  }),
  addressArb.map((a) => [a, a]),
) as fc.Arbitrary<[bigint, bigint]>;

it('writeRange writes what formatRangeWords and formatRange write', () => {
  fc.assert(
    fc.property(rangeArb, ([s, e]) => {
      const text = written(writeRangeOf(s, e));
      expect(text).toBe(formatRangeWords(...words(s), ...after(e)));
      expect(text).toBe(formatRange(s, e));
    }),
    { numRuns: 5000, seed: 5 },
  );
});

it('the edge cases: the whole space, single addresses, IPv4-mapped, and every prefix length', () => {
  const cases: [bigint, bigint][] = [
    [0n, ALL],
    [0n, 0n],
    [ALL, ALL],
    [1n, ALL],
    [0n, ALL - 1n],
    [0xffffn << 32n, (0xffffn << 32n) | 0xffffffffn],
    [(0xffffn << 32n) | 0x7f000001n, (0xffffn << 32n) | 0x7f000001n],
  ];
  for (let length = 0; length <= 128; length++) {
    const host = BigInt(128 - length);
    const start = (0x20010db8n << 96n) & ~((1n << host) - 1n) & ALL;
    cases.push([start, start + (1n << host) - 1n], [ALL - (1n << host) + 1n, ALL]);
  }
  for (const [s, e] of cases) expect(written(writeRangeOf(s, e))).toBe(formatRange(s, e));
  expect(written((o, at) => writeRange(o, at, new Float64Array(3), 0, END_OF_SPACE, 0))).toBe('::/0');
  expect(written((o, at) => writeRange(o, at, Float64Array.of(...words(ALL)), 0, END_OF_SPACE, 0))).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128');
});
