// diff's lines as bytes (src/convert/difference-lines.ts: value ids, one fused walk, byte
// formatting) against the plain path: compareMeanings' regions printed with formatRegion and
// formatScopeRegion, for random row tables, and with labels only (a Linux kernel table).
import fc from 'fast-check';
import { ALL_ONES } from '../src/model/address.js';
import { freebsdTableFromRows } from '../src/model/effective-table.js';
import { compareMeanings, meaningOf, type Meaning } from '../src/convert/equivalence.js';
import { writeDifferenceLines, type LineBuffer } from '../src/convert/difference-lines.js';
import { formatRegion, formatScopeRegion } from '../src/convert/format-differences.js';
import { FIXED_IPV4_SCOPES, type PolicyModel } from '../src/model/policy-meaning.js';
import { PrefixTable } from '../src/model/prefix-table.js';

type Row = { prefix: bigint; length: number; precedence: number; label: number };

const model = (rows: Row[], labelsOnly = false, scopes = FIXED_IPV4_SCOPES): PolicyModel => {
  const table = freebsdTableFromRows(rows.map((r) => ({ ...r, origin: 'file' as const })));
  return { semantics: labelsOnly ? 'linux-kernel' : 'freebsd', labelsOnly, table: { ...table, scopev4: scopes } };
};

// Few bases and small values, so prefixes nest, collide and repeat, and ranges split into several prefixes.
const BASES = [0n, 1n, 0xffffn << 32n, 0x20010db8n << 96n, 0xfc00n << 112n, ALL_ONES];
const rowArb = fc
  .record({
    base: fc.constantFrom(...BASES),
    noise: fc.bigInt({ min: 0n, max: ALL_ONES }),
    noiseBits: fc.integer({ min: 0, max: 128 }),
    length: fc.integer({ min: 0, max: 128 }),
    precedence: fc.integer({ min: 0, max: 3 }),
    label: fc.integer({ min: -1, max: 3 }),
  })
  .map(
    ({ base, noise, noiseBits, length, precedence, label }): Row => ({ prefix: base ^ (noise & ((1n << BigInt(noiseBits)) - 1n)), length, precedence, label }),
  );

const scopesArb = fc.option(
  fc.array(fc.record({ bits: fc.integer({ min: 96, max: 128 }), v: fc.bigInt({ min: 0n, max: 0xffffffffn }), scope: fc.integer({ min: 1, max: 14 }) }), {
    maxLength: 4,
  }),
  { nil: undefined },
);
const scopeTable = (rows: { bits: number; v: bigint; scope: number }[] | undefined) =>
  rows
    ? new PrefixTable([
        { prefix: 0xffffn << 32n, length: 96, value: 14, origin: 'default' as const },
        ...rows.map((r) => ({ prefix: (0xffffn << 32n) | r.v, length: r.bits, value: r.scope, origin: 'file' as const })),
      ])
    : FIXED_IPV4_SCOPES;

/** What writeDifferenceLines writes, through a small buffer (many sends). */
function lines(before: Meaning, after: Meaning, labelsOnly: boolean): { text: string; count: number } {
  let text = '';
  const out: LineBuffer = {
    bytes: new Uint8Array(300),
    at: 0,
    room(length) {
      if (this.bytes.length - this.at >= length) return;
      text += Buffer.from(this.bytes.subarray(0, this.at)).toString('latin1');
      this.at = 0;
    },
  };
  const count = writeDifferenceLines(before, after, labelsOnly, out);
  out.room(Infinity);
  return { text: text + Buffer.from(out.bytes.subarray(0, out.at)).toString('latin1'), count };
}

/** The same lines from the regions. */
function expected(before: Meaning, after: Meaning): string[] {
  const result = compareMeanings(before, after);
  return [...result.regions.map((r) => formatRegion(r, result.labelsOnly)), ...result.scopeRegions.map(formatScopeRegion)];
}

test('writeDifferenceLines writes the regions compareMeanings finds, as formatRegion and formatScopeRegion print them', () => {
  fc.assert(
    fc.property(
      fc.array(rowArb, { maxLength: 12 }),
      fc.array(rowArb, { maxLength: 12 }),
      fc.boolean(),
      fc.boolean(),
      scopesArb,
      (a, b, aLabels, bLabels, scopes) => {
        const before = meaningOf(model(a, aLabels));
        const after = meaningOf(model(b, bLabels, scopeTable(scopes)));
        const want = expected(before, after);
        const got = lines(before, after, aLabels || bLabels);
        expect(got.count).toBe(want.length);
        expect(got.text).toBe(want.map((l) => `${l}\n`).join(''));
      },
    ),
    { numRuns: 400, seed: 6 },
  );
});

test('labels only: a difference in precedence alone is none', () => {
  const a = [{ prefix: 0x20010db8n << 96n, length: 32, precedence: 10, label: 2 }];
  const b = [{ prefix: 0x20010db8n << 96n, length: 32, precedence: 50, label: 2 }];
  expect(lines(meaningOf(model(a)), meaningOf(model(b)), false).text).toBe('2001:db8::/32: precedence 10, label 2 -> precedence 50, label 2\n');
  expect(lines(meaningOf(model(a, true)), meaningOf(model(b)), true).count).toBe(0);
});
