// The FreeBSD install model reads the common `PREFIX/LEN PRECEDENCE LABEL` line by a
// shortcut (freebsd-install.ts plainRow, ip6addrctl-reader.ts readPlainRow) instead of
// modelling fgets()'s buffer byte by byte. The byte-by-byte model is the oracle: every
// piece's verdict, the install's outcome and kernel table, and the reader's whole policy and
// findings must be the same either way, on every fixture, every recorded hostile install,
// and on lines built to sit just inside and just outside the shortcut's shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readPieces, simulateInstall, type Piece } from '../src/dialects/freebsd-install.js';
import { readIp6addrctl } from '../src/dialects/ip6addrctl-reader.js';
import { loadFixtures, propertyRuns, propertySeed } from './support/generators.js';

const HOST = ['lo0', 'em0'];
/** A verdict without the flag that says which path read it. */
const verdicts = (pieces: readonly Piece[]) =>
  pieces.map((p) => (p.verdict.kind === 'row' ? { ...p, verdict: { kind: 'row', row: { ...p.verdict.row, plain: undefined } } } : p));

function expectSameEitherWay(bytes: Uint8Array) {
  const fast = readPieces(bytes, { interfaces: HOST });
  const slow = readPieces(bytes, { interfaces: HOST, byteByByte: true });
  expect(verdicts(fast)).toEqual(verdicts(slow));
  const [a, b] = [simulateInstall(bytes, { interfaces: HOST }), simulateInstall(bytes, { interfaces: HOST, byteByByte: true })];
  expect({ outcome: a.outcome, line: a.line, rows: a.rows, refused: a.refused, stderr: a.stderr }).toEqual({
    outcome: b.outcome,
    line: b.line,
    rows: b.rows,
    refused: b.refused,
    stderr: b.stderr,
  });
  const text = Buffer.from(bytes).toString('latin1');
  const read = (byteByByte: boolean) => {
    const { policy, findings } = readIp6addrctl(text, { encoding: 'latin1', interfaces: HOST, byteByByte });
    return JSON.parse(JSON.stringify({ policy: { ...policy, source: undefined }, findings }, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)));
  };
  expect(read(false)).toEqual(read(true));
  return fast.filter((p) => p.verdict.kind === 'row' && p.verdict.row.plain).length;
}

test('every fixture and every recorded hostile install read the same by the shortcut', () => {
  const records = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'freebsd-recorded', 'records', 'install.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => Buffer.from(JSON.parse(l).file_base64 as string, 'base64'));
  const files = [...loadFixtures().map((f) => f.bytes), ...records];
  expect(records.length).toBeGreaterThan(1000);
  let plain = 0;
  for (const bytes of files) plain += expectSameEitherWay(bytes);
  // The shortcut is taken: most rows of real and recorded files are plain.
  expect(plain).toBeGreaterThan(1000);
});

// Lines near the shortcut's edge: each part either plain or one of the shapes it must leave to the byte-by-byte model.
const blanks = fc.constantFrom(' ', '\t', '  ', ' \t');
const gap = fc.oneof({ weight: 6, arbitrary: blanks }, { weight: 1, arbitrary: fc.constantFrom('', '\0', '\r', ' \0 ', '\n') });
const hex = fc.constantFrom('fd00:', '2001:db8:', '::', '::1', 'FE80::', 'fe80::%em0', '::ffff:1.2.3.4', ':::', '1:2:3:4:5:6:7:8', '12345::', 'g::', 'é::', '');
const digits = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 200 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('', '-1', '+5', '007', '999999999', '1000000000', '4294967295', '12a', '0x10', '1\r', '40#') },
);
const tail = fc.constantFrom('', '', '', ' ', '\t', ' # note', '#x', ' extra', '\r', '\0', ' \0');
const line = fc
  .tuple(fc.constantFrom('', ' ', '\t'), hex, fc.constantFrom('/', '/', '/', ''), digits, gap, digits, gap, digits, tail)
  .map(([lead, address, slash, length, g1, precedence, g2, label, rest]) => `${lead}${address}${slash}${length}${g1}${precedence}${g2}${label}${rest}`);
// A short line after a long one reads the long one's leftover bytes: the shortcut must keep the buffer the same.
const file = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([lines, newlineAtEnd]) => lines.join('\n') + (newlineAtEnd ? '\n' : ''));

test('lines at the edge of the shortcut read the same either way', () => {
  fc.assert(
    fc.property(file, (text) => {
      expectSameEitherWay(Buffer.from(text, 'latin1'));
    }),
    { numRuns: propertyRuns(3000), seed: propertySeed(6724) },
  );
});

test('a plain row after a longer line still leaves its bytes for a later short line', () => {
  // The third line has no label: atoi() reads it from what the first line left in the buffer.
  const text = 'fd00::/8 45 13 # a longer comment here\n::/0 40 1\n2001:db8::/32 50\n';
  expectSameEitherWay(Buffer.from(text, 'latin1'));
  const pieces = readPieces(Buffer.from(text, 'latin1'));
  expect(pieces.map((p) => p.verdict.kind === 'row' && p.verdict.row.plain)).toEqual([false, true, false]);
});
