// PrefixTable answers a lookup in a table with many prefix lengths from segments of the
// address space (issue 13): it must name the same row as probing every length does.
import fc from 'fast-check';
import { maskOf } from '../src/model/address.js';
import { PrefixTable, type PrefixRow } from '../src/model/prefix-table.js';

/** Longest match by brute force: the first given row of the longest length that contains the address. */
function reference(rows: readonly PrefixRow<number>[], address: bigint): PrefixRow<number> | undefined {
  let best: PrefixRow<number> | undefined;
  for (const r of rows) if ((address & maskOf(r.length)) === r.prefix && (!best || r.length > best.length)) best = r;
  return best;
}

const word = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
// Few distinct top bits, so prefixes nest often; every length from 0 to 128.
const rowArb = fc.tuple(fc.constantFrom(0n, 0x2001n << 112n, 0xfd00n << 112n, 0xffffn << 32n), word, fc.nat({ max: 128 }), fc.nat({ max: 9 }));

describe('PrefixTable', () => {
  it('matches like probing every length, with few lengths and with many', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.array(word, { maxLength: 20 }), (raw, probes) => {
        const rows = raw.map(([base, noise, length, value]) => ({ prefix: (base | (noise >> 16n)) & maskOf(length), length, value }));
        const table = new PrefixTable(rows);
        for (const a of [
          ...probes,
          ...rows.map((r) => r.prefix),
          ...rows.map((r) => r.prefix + 1n),
          ...rows.map((r) => (r.prefix === 0n ? 0n : r.prefix - 1n)),
        ]) {
          expect(table.match(a)).toBe(reference(table.rows, a));
        }
      }),
      { seed: 6724, numRuns: 400 },
    );
  });
});
