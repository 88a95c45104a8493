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

  it('matches like probing every length in tables of many lengths whose prefixes share their top 52 bits', () => {
    // Over 12 lengths, lookups search segments by their top 52 bits first (a double) and
    // compare BigInts only among starts with equal tops: prefixes longer than /52 under one
    // /52 share their tops, and probes sit on and beside every boundary.
    const top = fc.constantFrom(0n, 0x2001_0db8_0000_0n << 76n, 0xfd00n << 112n);
    const longRow = fc.tuple(top, fc.bigInt({ min: 0n, max: (1n << 76n) - 1n }), fc.integer({ min: 40, max: 128 }), fc.nat({ max: 3 }));
    fc.assert(
      fc.property(fc.array(longRow, { minLength: 30, maxLength: 80 }), (raw) => {
        const rows = raw.map(([base, noise, length, value]) => ({ prefix: (base | noise) & maskOf(length), length, value }));
        const table = new PrefixTable(rows);
        const size = (length: number) => 1n << BigInt(128 - length);
        const max = (1n << 128n) - 1n;
        const probes = rows.flatMap((r) => [r.prefix, r.prefix + 1n, r.prefix - 1n, r.prefix + size(r.length), r.prefix + size(r.length) - 1n]);
        for (const a of probes.filter((p) => p >= 0n && p <= max)) expect(table.match(a)).toBe(reference(table.rows, a));
      }),
      { seed: 6726, numRuns: 200 },
    );
  });

  it('matches like probing every length where prefixes share their top 104 bits and ends carry across the parts', () => {
    // Segment bounds are kept as three exact doubles (bits 127–76, 75–24, 23–0): prefixes
    // under one /104 differ only in the last part, and bases whose middle or bottom bits are
    // all ones make a prefix's end carry into the part above (or end the address space).
    const ones = (bits: number) => (1n << BigInt(bits)) - 1n;
    const base = fc.constantFrom(0x2001_0db8n << 96n, ones(104) << 24n, ones(52) << 24n, (0xfd00n << 112n) | (ones(52) << 24n), 0n);
    const shortRow = fc.tuple(base, fc.bigInt({ min: 0n, max: ones(24) }), fc.integer({ min: 20, max: 128 }), fc.nat({ max: 3 }));
    fc.assert(
      fc.property(fc.array(shortRow, { minLength: 10, maxLength: 60 }), (raw) => {
        const rows = raw.map(([b, noise, length, value]) => ({ prefix: (b | noise) & maskOf(length), length, value }));
        const table = new PrefixTable(rows);
        const size = (length: number) => 1n << BigInt(128 - length);
        const max = ones(128);
        const probes = rows.flatMap((r) => [r.prefix, r.prefix + 1n, r.prefix - 1n, r.prefix + size(r.length), r.prefix + size(r.length) - 1n, max]);
        for (const a of probes.filter((p) => p >= 0n && p <= max)) expect(table.match(a)).toBe(reference(table.rows, a));
      }),
      { seed: 6727, numRuns: 300 },
    );
  });

  it("finds each row's parent, covering and exact rows as brute force does", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (raw) => {
        const rows = raw.map(([base, noise, length, value]) => ({ prefix: (base | (noise >> 16n)) & maskOf(length), length, value }));
        const table = new PrefixTable(rows);
        const effective = table.rows.filter((r) => !table.rows.some((o) => o.index < r.index && o.prefix === r.prefix && o.length === r.length));
        for (const r of table.rows) {
          const covering = (length: number) =>
            effective
              .filter((o) => o.length <= length && (r.prefix & maskOf(o.length)) === o.prefix)
              .reduce<PrefixRow<number> | undefined>((best, o) => (!best || o.length > best.length ? o : best), undefined);
          expect(table.exact(r.prefix, r.length)).toBe(effective.find((o) => o.prefix === r.prefix && o.length === r.length));
          expect(table.covering(r.prefix, r.length)).toBe(covering(r.length));
          const parent = r.length === 0 ? undefined : covering(r.length - 1);
          expect(table.parentOf(r)).toBe(effective.includes(r) ? parent : undefined);
        }
      }),
      { seed: 6725, numRuns: 300 },
    );
  });

  it('answers covering and exact as brute force does for any prefix and length, not only its rows', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.array(fc.tuple(rowArb, fc.boolean()), { maxLength: 30 }), (raw, asks) => {
        const rows = raw.map(([base, noise, length, value]) => ({ prefix: (base | (noise >> 16n)) & maskOf(length), length, value }));
        const table = new PrefixTable(rows);
        const effective = table.rows.filter((r) => !table.rows.some((o) => o.index < r.index && o.prefix === r.prefix && o.length === r.length));
        // Asked prefixes near the rows (same top bits), with and without host bits set.
        for (const [[base, noise, length], masked] of asks) {
          const prefix = masked ? (base | (noise >> 16n)) & maskOf(length) : base | (noise >> 16n);
          const covering = effective
            .filter((o) => o.length <= length && (prefix & maskOf(o.length)) === o.prefix)
            .reduce<PrefixRow<number> | undefined>((best, o) => (!best || o.length > best.length ? o : best), undefined);
          expect(table.covering(prefix, length)).toBe(covering);
          expect(table.exact(prefix, length)).toBe(covering?.length === length ? covering : undefined);
        }
      }),
      { seed: 6727, numRuns: 300 },
    );
  });

  it('matchAll and exactAll answer as match and exact do, one at a time', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.array(rowArb, { maxLength: 40 }), fc.array(word, { maxLength: 20 }), (raw, asked, probes) => {
        const rows = raw.map(([base, noise, length, value]) => ({ prefix: (base | (noise >> 16n)) & maskOf(length), length, value }));
        const table = new PrefixTable(rows);
        const asks = [...asked.map(([base, noise, length]) => ({ prefix: (base | (noise >> 16n)) & maskOf(length), length })), ...rows];
        const addresses = [...probes, ...asks.map((a) => a.prefix), ...asks.map((a) => a.prefix | 1n)];
        expect([...table.matchAll(addresses)].map((i) => table.rowAt(i))).toEqual(addresses.map((a) => table.match(a)));
        const exacts = table.exactAll(
          asks.map((a) => a.prefix),
          asks.map((a) => a.length),
        );
        for (let i = 0; i < asks.length; i++) expect(table.rowAt(exacts[i]!)).toBe(table.exact(asks[i]!.prefix, asks[i]!.length));
      }),
      { seed: 6728, numRuns: 300 },
    );
  });

  it("a table that shares another's shape answers as if built alone, and a different one does not share", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.array(word, { maxLength: 20 }), (raw, probes) => {
        const rows = raw.map(([base, noise, length, value]) => ({ prefix: (base | (noise >> 16n)) & maskOf(length), length, value }));
        const first = new PrefixTable(rows);
        const values = rows.map((r, i) => ({ ...r, value: r.value * 7 + i }));
        const shared = new PrefixTable(values, first);
        const alone = new PrefixTable(values);
        const other = new PrefixTable(values.slice(1), first); // other rows: must not take first's shape
        const otherAlone = new PrefixTable(values.slice(1));
        for (const a of [...probes, ...rows.map((r) => r.prefix)]) {
          expect(shared.match(a)).toEqual(alone.match(a));
          expect(other.match(a)).toEqual(otherAlone.match(a));
        }
        for (const r of shared.rows) expect(shared.parentOf(r)).toEqual(alone.parentOf(alone.rows[r.index]!));
        expect(shared.effectiveCount).toBe(alone.effectiveCount);
      }),
      { seed: 6726, numRuns: 300 },
    );
  });
});
