// isUlaPrefix and isSiteGuaPrefix test a prefix's top bits as a double (issue 13: they run on
// every line of a large file); they must answer as the definitions by BigInt masks do.
import fc from 'fast-check';
import { maskOf, parseIPv6 } from '../src/model/address.js';
import { GLOBAL_UNICAST, isSiteGuaPrefix, isUlaPrefix, ULA, within, type PrefixRange } from '../src/model/address-spaces.js';

const range = (text: string, length: number): PrefixRange => ({ prefix: parseIPv6(text)!, length });
const SPECIAL = [range('2001::', 32), range('2002::', 16), range('3ffe::', 16)];
const byMasks = {
  ula: (p: PrefixRange) => within(p, ULA),
  siteGua: (p: PrefixRange) => p.length > 3 && within(p, GLOBAL_UNICAST) && !SPECIAL.some((s) => within(p, s) || within(s, p)),
};

// Prefixes near every boundary the spaces have: their starts, one below, and the last address of each.
const near = fc.constantFrom(0x2000n, 0x1fffn, 0x3fffn, 0x4000n, 0x2001n, 0x2002n, 0x2003n, 0x3ffen, 0x3fffn, 0xfc00n, 0xfbffn, 0xfdffn, 0xfe00n, 0xffffn, 0n);
const prefix = fc.tuple(near, fc.bigInt({ min: 0n, max: (1n << 112n) - 1n }), fc.nat({ max: 128 }), fc.boolean()).map(([top, rest, length, lowRest]) => {
  const value = (top << 112n) | (lowRest ? rest >> 80n : rest);
  return { prefix: value & maskOf(length), length };
});

test('isUlaPrefix and isSiteGuaPrefix answer as the BigInt-mask definitions do', () => {
  fc.assert(
    fc.property(prefix, (p) => {
      expect(isUlaPrefix(p)).toBe(byMasks.ula(p));
      expect(isSiteGuaPrefix(p)).toBe(byMasks.siteGua(p));
    }),
    { seed: 6724, numRuns: 5000 },
  );
  for (const [text, length, ula, gua] of [
    ['fc00::', 7, true, false],
    ['fd00::', 8, true, false],
    ['fc00::', 6, false, false],
    ['2000::', 3, false, false],
    ['2000::', 4, false, false], // holds Teredo and 6to4
    ['2400::', 6, false, true],
    ['2000::', 2, false, false],
    ['2001::', 16, false, false], // holds Teredo
    ['2001:db8::', 32, false, true],
    ['2001::', 32, false, false],
    ['2002:c000::', 24, false, false],
    ['3ffe::', 15, false, false],
    ['2001:db8::1', 128, false, true],
  ] as const)
    expect([text, length, isUlaPrefix(range(text, length)), isSiteGuaPrefix(range(text, length))]).toEqual([text, length, ula, gua]);
});
