// parseIPv6 reads the common shapes by hand (issue 13, issue 10): it must agree with the
// ipaddr.js-based reading it short-cuts on every text, valid or not.
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { formatIPv6, leadingZeros128, parseIPv4, parseIPv6 } from '../src/model/address.js';

/** parseIPv6 before the hand-written path (src/model/address.ts, issue 13). */
function reference(text: string): bigint | null {
  if (text.length === 0 || text.length > 45 || !/^[0-9A-Fa-f:.]+$/.test(text)) return null;
  let hexPart = text;
  let tail: bigint | null = null;
  if (text.includes('.')) {
    const cut = text.lastIndexOf(':');
    if (cut < 0) return null;
    const v4 = parseIPv4(text.slice(cut + 1));
    if (v4 === null) return null;
    tail = BigInt(v4);
    hexPart = text.slice(0, cut + 1) + '0:0';
  }
  if (!ipaddr.IPv6.isValid(hexPart)) return null;
  let parts: number[];
  try {
    parts = ipaddr.IPv6.parse(hexPart).parts;
  } catch {
    return null;
  }
  let value = 0n;
  for (const part of parts) value = (value << 16n) | BigInt(part);
  if (tail !== null) value = (value & ~0xffffffffn) | tail;
  return value;
}

const group = fc.stringMatching(/^[0-9a-fA-F]{0,5}$/);
const shaped = fc.array(fc.oneof(group, fc.constant(''), fc.constantFrom('1.2.3.4', 'ffff', '0')), { minLength: 1, maxLength: 10 }).map((gs) => gs.join(':'));
const noisy = fc.stringMatching(/^[0-9a-fA-F:.g ]{0,42}$/);

describe('parseIPv6', () => {
  it('agrees with the ipaddr.js reading on IPv6-shaped and noisy texts', () => {
    fc.assert(
      fc.property(fc.oneof(shaped, noisy), (text) => {
        expect(parseIPv6(text)).toBe(reference(text));
      }),
      { seed: 6724, numRuns: 3000 },
    );
  });

  it('agrees on the edge shapes', () => {
    for (const t of [
      '::',
      '::1',
      '1::',
      '1::2',
      ':1::',
      '1:::2',
      '1::2::3',
      '1:2:3:4:5:6:7:8',
      '1:2:3:4:5:6:7::',
      '::2:3:4:5:6:7:8',
      '1:2:3:4::5:6:7:8',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      '2001:DB8::1',
      '0000:0000::00000',
      ':',
      '',
      '1:',
      ':1',
      '::ffff:1.2.3.4',
      'fe80::1%eth0',
    ])
      expect(parseIPv6(t)).toBe(reference(t));
  });
});

describe('formatIPv6', () => {
  it('writes what ipaddr.js toRFC5952String writes', () => {
    const groups = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(groups, (parts) => {
        const value = parts.reduce((v, p) => (v << 16n) | BigInt(p), 0n);
        expect(formatIPv6(value)).toBe(new ipaddr.IPv6(parts).toRFC5952String());
      }),
      { seed: 6724, numRuns: 3000 },
    );
  });
});

test('leadingZeros128 counts the leading zero bits of every 128-bit value as its binary text does', () => {
  fc.assert(
    fc.property(fc.nat({ max: 128 }), fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (shift, noise) => {
      const value = shift === 128 ? 0n : ((1n << BigInt(127 - shift)) | noise) & ((1n << BigInt(128 - shift)) - 1n);
      expect(leadingZeros128(value)).toBe(value === 0n ? 128 : 128 - value.toString(2).length);
    }),
    { seed: 6724, numRuns: 2000 },
  );
});
