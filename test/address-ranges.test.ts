// rangeToPrefixes computes each block's size from bit lengths (issue 13: diff at scale); it
// must give the blocks the bit-by-bit loop it replaced gave.
import fc from 'fast-check';
import { formatAddress, formatAddressWords, formatRange, formatRangeWords, rangeToPrefixes } from '../src/model/address-ranges.js';
function reference(start: bigint, end: bigint) {
  const out: { prefix: bigint; length: number }[] = [];
  let at = start;
  while (at <= end) {
    let size = 0;
    while (size < 128) {
      const next = size + 1;
      const m = (1n << BigInt(next)) - 1n;
      if ((at & m) !== 0n || at + m > end) break;
      size = next;
    }
    out.push({ prefix: at, length: 128 - size });
    if (size === 128) break;
    at += 1n << BigInt(size);
    if (at > (1n << 128n) - 1n) break;
  }
  return out;
}
it('rangeToPrefixes agrees with the bit-by-bit loop', () => {
  const w = fc.oneof(
    fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
    fc.bigInt({ min: 0n, max: 1n << 20n }),
    fc.constantFrom(0n, (1n << 128n) - 1n, 1n << 127n),
  );
  fc.assert(
    fc.property(w, w, (a, b) => {
      const [s, e] = a <= b ? [a, b] : [b, a];
      expect(rangeToPrefixes(s, e)).toEqual(reference(s, e));
    }),
    { numRuns: 300, seed: 1 },
  );
  expect(rangeToPrefixes(0n, (1n << 128n) - 1n)).toEqual(reference(0n, (1n << 128n) - 1n));
});

// diff formats ranges from the step functions' words (bits 127-80, 79-32, 31-0) without
// BigInts: the same text as from the BigInt ends.
const words = (x: bigint): [number, number, number] => [Number(x >> 80n), Number((x >> 32n) & ((1n << 48n) - 1n)), Number(x & 0xffffffffn)];
const ALL = (1n << 128n) - 1n;
const addressArb = fc.oneof(
  fc.bigInt({ min: 0n, max: ALL }),
  fc.bigInt({ min: 0n, max: 1n << 40n }),
  // Near the IPv4-mapped space, aligned blocks and their neighbours, and the word borders.
  fc.bigInt({ min: 0n, max: 0xffffffffn }).map((v) => (0xffffn << 32n) | v),
  fc
    .record({ base: fc.bigInt({ min: 0n, max: ALL }), bits: fc.integer({ min: 0, max: 128 }), nudge: fc.integer({ min: -1, max: 1 }) })
    .map(({ base, bits, nudge }) => {
      const v = ((base >> BigInt(bits)) << BigInt(bits)) + BigInt(nudge);
      return v < 0n ? 0n : v > ALL ? ALL : v;
    }),
  fc.constantFrom(0n, ALL, 1n << 127n, 1n << 80n, (1n << 80n) - 1n, 1n << 32n, (1n << 32n) - 1n, 0xffffn << 32n, (0xffffn << 32n) - 1n, 0x10000n << 32n),
);

it('formatAddressWords writes what formatAddress writes', () => {
  fc.assert(
    fc.property(addressArb, (x) => {
      expect(formatAddressWords(...words(x))).toBe(formatAddress(x));
    }),
    { numRuns: 5000, seed: 2 },
  );
});

it('formatRangeWords writes what formatRange writes (end exclusive, 2^128 included)', () => {
  fc.assert(
    fc.property(addressArb, addressArb, (a, b) => {
      const [s, e] = a <= b ? [a, b] : [b, a];
      const end = e === ALL ? [2 ** 48, 0, 0] : words(e + 1n);
      expect(formatRangeWords(...words(s), end[0]!, end[1]!, end[2]!)).toBe(formatRange(s, e));
    }),
    { numRuns: 5000, seed: 3 },
  );
  expect(formatRangeWords(0, 0, 0, 2 ** 48, 0, 0)).toBe('::/0');
});
