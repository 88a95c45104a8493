// Generators shared by the property, fuzz and safe-write suites:
// - fast-check arbitraries for *valid* policies in both dialects (as text, with comments,
//   blank lines and either line ending), and for arbitrary hostile text;
// - a seeded byte mutator and a catalogue of hostile inputs for the CLI fuzzer.
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Runs for a property: a fixed number in CI, more with POLICYLINT_PROPERTY_RUNS. */
export function propertyRuns(ci: number): number {
  const n = Number(process.env.POLICYLINT_PROPERTY_RUNS);
  return Number.isFinite(n) && n > 0 ? n : ci;
}

/** The seed: fixed in CI (reproducible), POLICYLINT_PROPERTY_SEED to explore others. */
export function propertySeed(fixed: number): number {
  const n = Number(process.env.POLICYLINT_PROPERTY_SEED);
  return Number.isInteger(n) ? n : fixed;
}

// ---------------------------------------------------------------------------------------
// Addresses and prefixes
// ---------------------------------------------------------------------------------------

const ALL_ONES = (1n << 128n) - 1n;
const maskOf = (length: number) => (length === 0 ? 0n : (ALL_ONES << BigInt(128 - length)) & ALL_ONES);

/** Bases real tables use, so generated prefixes nest and collide often. */
const BASES = [
  0n,
  1n,
  0xffffn << 32n,
  0x20010db8n << 96n,
  0xfc00n << 112n,
  0xfd00n << 112n,
  0x2002n << 112n,
  0x2001n << 112n,
  0xfec0n << 112n,
  0x3ffen << 112n,
];

/** Compressed lowercase IPv6 text (RFC 5952 style; both parsers accept any valid form). */
export function ipv6Text(value: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestAt, bestLen] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt < 0) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLen).join(':')}`;
}

export interface GenPrefix {
  readonly address: bigint;
  readonly length: number;
}

/** A prefix with no host bits set (host bits are a lint finding, not part of "valid"). */
export const prefixArb: fc.Arbitrary<GenPrefix> = fc
  .record({
    base: fc.constantFrom(...BASES),
    noise: fc.bigInt({ min: 0n, max: ALL_ONES }),
    bits: fc.integer({ min: 0, max: 128 }),
    length: fc.integer({ min: 0, max: 128 }),
  })
  .map(({ base, noise, bits, length }) => ({ address: (base ^ (noise & ((1n << BigInt(bits)) - 1n))) & maskOf(length), length }));

const ipv4Arb = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));

// ---------------------------------------------------------------------------------------
// Valid policies
// ---------------------------------------------------------------------------------------

/** Comment text: printable ASCII and some non-ASCII, no line break, no trailing blank. */
const commentBodyArb = fc
  .array(
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'abcxyz0123 .,:/-_=()[]#') }, { weight: 1, arbitrary: fc.constantFrom('é', 'ü', '→', '日', '😀') }),
    { maxLength: 24 },
  )
  .map((chars) => chars.join('').trimEnd());
const commentArb = commentBodyArb.map((body) => (body === '' ? '#' : `# ${body}`));

export type Eol = '\n' | '\r\n';
const eolArb = fc.constantFrom<Eol>('\n', '\n', '\r\n');
const blanksArb = fc.constantFrom(' ', '  ', '\t', ' \t ');

export interface GeneratedPolicy {
  readonly text: string;
  readonly eol: Eol;
}

type GaiLine =
  | { kind: 'label' | 'precedence'; prefix: GenPrefix; value: number; comment?: string }
  | { kind: 'scopev4'; v4: [number, number, number, number]; length: number; value: number; comment?: string }
  | { kind: 'reload'; value: 'yes' | 'no'; comment?: string }
  | { kind: 'comment'; text: string }
  | { kind: 'blank' };

const valueArb = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2147483647 }) });
const optComment = fc.option(commentArb, { nil: undefined, freq: 3 });

const gaiLineArb: fc.Arbitrary<GaiLine> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constantFrom('label' as const, 'precedence' as const), prefix: prefixArb, value: valueArb, comment: optComment }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('scopev4' as const),
      v4: ipv4Arb,
      length: fc.integer({ min: 0, max: 32 }),
      value: fc.integer({ min: 0, max: 15 }),
      comment: optComment,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), value: fc.constantFrom('yes' as const, 'no' as const), comment: optComment }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('comment' as const), text: commentArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
);

function v4Masked(v4: readonly number[], length: number): string {
  const n = ((v4[0]! << 24) | (v4[1]! << 16) | (v4[2]! << 8) | v4[3]!) >>> 0;
  const masked = length === 0 ? 0 : (n & ((0xffffffff << (32 - length)) >>> 0)) >>> 0;
  return [24, 16, 8, 0].map((s) => (masked >>> s) & 255).join('.');
}

function gaiLineText(line: GaiLine, sep: string): string {
  const tail = (c?: string) => (c ? `${sep}${c}` : '');
  switch (line.kind) {
    case 'blank':
      return '';
    case 'comment':
      return line.text;
    case 'reload':
      return `reload${sep}${line.value}${tail(line.comment)}`;
    case 'scopev4':
      return `scopev4${sep}${v4Masked(line.v4, line.length)}/${line.length}${sep}${line.value}${tail(line.comment)}`;
    default:
      return `${line.kind}${sep}${ipv6Text(line.prefix.address)}/${line.prefix.length}${sep}${line.value}${tail(line.comment)}`;
  }
}

/** A valid gai.conf: every line is one glibc accepts, a comment, or blank. */
export const gaiPolicyArb: fc.Arbitrary<GeneratedPolicy & { lines: GaiLine[] }> = fc
  .record({ lines: fc.array(gaiLineArb, { maxLength: 14 }), eol: eolArb, sep: blanksArb, finalEol: fc.boolean() })
  .map(({ lines, eol, sep, finalEol }) => {
    const body = lines.map((l) => gaiLineText(l, sep)).join(eol);
    return { text: lines.length === 0 ? '' : body + (finalEol ? eol : ''), eol, lines };
  });

/**
 * A gai.conf whose label and precedence tables are both present and both have a /0 row,
 * so the writer adds nothing: write -> read must give exactly the same entries.
 */
export const completeGaiPolicyArb: fc.Arbitrary<GeneratedPolicy> = fc
  .record({ policy: gaiPolicyArb, label0: valueArb, prec0: valueArb, where: fc.nat() })
  .map(({ policy, label0, prec0, where }) => {
    const lines = [...policy.lines];
    const at = lines.length === 0 ? 0 : where % (lines.length + 1);
    lines.splice(
      at,
      0,
      { kind: 'label', prefix: { address: 0n, length: 0 }, value: label0 },
      { kind: 'precedence', prefix: { address: 0n, length: 0 }, value: prec0 },
    );
    const text = lines.map((l) => gaiLineText(l, ' ')).join(policy.eol) + policy.eol;
    return { text, eol: policy.eol };
  });

type RowLine =
  | { kind: 'row'; prefix: GenPrefix; precedence: number; label: number; comment?: string }
  | { kind: 'comment'; text: string; indent: string }
  | { kind: 'blank' };

const rowLineArb: fc.Arbitrary<RowLine> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('row' as const),
      prefix: prefixArb,
      precedence: fc.integer({ min: 0, max: 100 }),
      label: fc.integer({ min: 0, max: 100 }),
      comment: optComment,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('comment' as const), text: commentArb, indent: fc.constantFrom('', '', ' ', '\t') }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
);

/** A valid ip6addrctl.conf: `ip6addrctl install` accepts every line. */
export const ip6addrctlPolicyArb: fc.Arbitrary<GeneratedPolicy> = fc
  .record({ lines: fc.array(rowLineArb, { maxLength: 14 }), eol: eolArb, sep: blanksArb })
  .map(({ lines, eol, sep }) => {
    // FreeBSD reads a line that is only "\r" as an entry: with CRLF there are no blank lines.
    const kept = eol === '\r\n' ? lines.filter((l) => l.kind !== 'blank') : lines;
    const text = kept
      .map((l) =>
        l.kind === 'blank'
          ? ''
          : l.kind === 'comment'
            ? `${l.indent}${l.text}`
            : `${ipv6Text(l.prefix.address)}/${l.prefix.length}${sep}${l.precedence}${sep}${l.label}${l.comment ? `${sep}${l.comment}` : ''}`,
      )
      .map((l) => l + eol)
      .join('');
    return { text, eol };
  });

// ---------------------------------------------------------------------------------------
// Hostile text for properties: valid policies with damage, and arbitrary strings
// ---------------------------------------------------------------------------------------

const TOKENS = [
  'label',
  'precedence',
  'scopev4',
  'reload',
  'yes',
  'Label',
  '::',
  '::/0',
  '/',
  '//',
  '::ffff:0:0/96',
  '1.2.3.4/8',
  '#',
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\uFEFF',
  '-1',
  '4294967296',
  '99999999999999999999',
  '0x10',
  'fe80::1%em0/64',
  '2001:db8::/32',
  ':::',
  '%',
  '\u00a0',
  '\v',
  '\f',
  'policylint-disable',
  '# policylint-disable-next-line redundant-entry',
  'é',
  '\ud800',
  '😀',
];

/** Arbitrary text: valid policies with random edits, token soup, and unicode noise. */
export const hostileTextArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.oneof(gaiPolicyArb, ip6addrctlPolicyArb), fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom(...TOKENS)), { maxLength: 6 }))
      .map(([p, edits]) => {
        let t = p.text;
        for (const [at, del, ins] of edits) {
          const i = t.length === 0 ? 0 : at % (t.length + 1);
          t = t.slice(0, i) + ins + t.slice(i + del);
        }
        return t;
      }),
  },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 200 }) },
);

// ---------------------------------------------------------------------------------------
// Fuzzing: a seeded PRNG, fixtures, a byte mutator, and the catalogue of hostile files
// ---------------------------------------------------------------------------------------

/** mulberry32: small, fast and seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Fixture {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Every fixtures/**\/*.conf file, as bytes. */
export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.conf')) out.push({ name: full.slice(ROOT.length + 1), bytes: readFileSync(full) });
    }
  };
  walk(join(ROOT, 'fixtures'));
  return out;
}

const INTERESTING = [
  [0x00],
  [0xef, 0xbb, 0xbf],
  [0xff],
  [0xfe],
  [0xc0, 0x80],
  [0xc3],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80],
  [0x0d],
  [0x0a],
  [0x0d, 0x0a],
  [0x0b],
  [0x0c],
  [0x09],
  [0x20],
  [0x23],
  [0x2f],
  [0x3a],
  [0x25],
  [0x2d],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xc2, 0xa0],
].map((b) => Buffer.from(b));
const WORDS = [
  'label',
  'precedence',
  'scopev4',
  'reload',
  '::/0',
  '::1/128',
  '::ffff:0:0/96',
  'fd00::/8',
  '2001::/32',
  '40',
  '-1',
  '4294967295',
  '2147483648',
  '#',
  '/',
  '::',
  '.',
  '%em0',
  'yes',
  '0.0.0.0/0',
].map((w) => Buffer.from(w));

/** One random mutation of `input` (bytes). `others` are splice partners. */
export function mutate(input: Buffer, rnd: () => number, others: readonly Buffer[]): Buffer {
  const int = (n: number) => Math.floor(rnd() * n);
  const at = () => int(input.length + 1);
  const pick = <T>(a: readonly T[]) => a[int(a.length)]!;
  const cat = (...parts: Buffer[]) => Buffer.concat(parts);
  switch (int(14)) {
    case 0: {
      // flip one bit
      if (input.length === 0) return Buffer.from([int(256)]);
      const b = Buffer.from(input);
      b[int(b.length)]! ^= 1 << int(8);
      return b;
    }
    case 1: {
      // set one byte to any value
      if (input.length === 0) return Buffer.from([int(256)]);
      const b = Buffer.from(input);
      b[int(b.length)] = int(256);
      return b;
    }
    case 2: {
      const i = at();
      return cat(input.subarray(0, i), pick(INTERESTING), input.subarray(i));
    }
    case 3: {
      const i = at();
      const j = Math.min(input.length, i + int(16));
      return cat(input.subarray(0, i), input.subarray(j));
    }
    case 4: {
      // duplicate a range many times (deeply repeated tokens)
      const i = at();
      const j = Math.min(input.length, i + 1 + int(12));
      const piece = input.subarray(i, j);
      return cat(input.subarray(0, j), Buffer.concat(Array.from({ length: 1 + int(200) }, () => piece)), input.subarray(j));
    }
    case 5: {
      // splice with another file
      const other = pick(others);
      return cat(input.subarray(0, at()), other.subarray(int(other.length + 1)));
    }
    case 6:
      return Buffer.from(
        input.toString('latin1').replace(/\n/g, () => pick(['\n', '\r\n', '\r', '\n\r', '\r\r\n'])),
        'latin1',
      );
    case 7:
      return cat(Buffer.from([0xef, 0xbb, 0xbf]), input);
    case 8: {
      const i = at();
      return cat(input.subarray(0, i), pick(WORDS), Buffer.from(pick([' ', '\t', '', '\n'])), input.subarray(i));
    }
    case 9:
      return input.subarray(0, at());
    case 10: {
      // a random run of bytes
      const i = at();
      return cat(input.subarray(0, i), Buffer.from(Array.from({ length: 1 + int(32) }, () => int(256))), input.subarray(i));
    }
    case 11: {
      // numbers at the edges of C integer parsing
      const i = at();
      return cat(
        input.subarray(0, i),
        Buffer.from(
          pick(['0', '-0', '+1', '2147483647', '2147483648', '-2147483649', '4294967296', '18446744073709551616', '1e3', '0x1f', '00000000000000000040', '٣']),
        ),
        input.subarray(i),
      );
    }
    case 12: // swap two lines
      {
        const lines = input.toString('latin1').split('\n');
        if (lines.length > 1) {
          const a = int(lines.length);
          const b = int(lines.length);
          [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        }
        return Buffer.from(lines.join('\n'), 'latin1');
      }
    default: {
      // long field
      const i = at();
      return cat(input.subarray(0, i), Buffer.alloc(1 + int(5000), pick(['a', '0', ':', ' ', '/', 'f', '#'])), input.subarray(i));
    }
  }
}

/** Apply 1..n random mutations. */
export function mutateMany(input: Buffer, rnd: () => number, others: readonly Buffer[], max = 4): Buffer {
  let out = input;
  const n = 1 + Math.floor(rnd() * max);
  for (let i = 0; i < n; i++) out = mutate(out, rnd, others);
  return out;
}

export interface NamedInput {
  readonly name: string;
  readonly bytes: Buffer;
}

const MB = 1024 * 1024;

/**
 * The catalogue of hostile files: every byte value, encodings, line endings, huge lines,
 * a million lines, deeply repeated tokens. `big` adds the multi-megabyte ones.
 */
export function hostileInputs(big: boolean): NamedInput[] {
  const s = (name: string, text: string, enc: BufferEncoding = 'latin1') => ({ name, bytes: Buffer.from(text, enc) });
  const all256 = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const out: NamedInput[] = [
    { name: 'empty', bytes: Buffer.alloc(0) },
    { name: 'every byte value 0..255', bytes: all256 },
    { name: 'every byte value, reversed, twice', bytes: Buffer.concat([Buffer.from(all256).reverse(), all256]) },
    s('NUL only', '\0'),
    s('NULs', '\0'.repeat(10000)),
    s('NUL in a gai line', 'label ::1/128\0 0\nprecedence ::/0 40\n'),
    s('NUL in a row', '::1/128 50\0 0\n::/0 40 1\n'),
    s('BOM only', '\uFEFF', 'utf8'),
    s('BOM + gai', '\uFEFFlabel ::1/128 0\nlabel ::/0 1\n', 'utf8'),
    s('BOM + rows', '\uFEFF::1/128 50 0\n::/0 40 1\n', 'utf8'),
    s('double BOM', '\uFEFF\uFEFF# x\n', 'utf8'),
    { name: 'UTF-16LE BOM + text', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('label ::/0 1\n', 'utf16le')]) },
    { name: 'UTF-16BE text', bytes: Buffer.from('label ::/0 1\n', 'utf16le').swap16() },
    { name: 'invalid UTF-8: lone continuation', bytes: Buffer.from([0x23, 0x20, 0x80, 0x0a, ...Buffer.from('::/0 40 1\n')]) },
    { name: 'invalid UTF-8: overlong NUL', bytes: Buffer.from([...Buffer.from('label ::/0 1 # '), 0xc0, 0x80, 0x0a]) },
    { name: 'invalid UTF-8: surrogate', bytes: Buffer.from([...Buffer.from('# '), 0xed, 0xa0, 0x80, 0x0a, ...Buffer.from('label ::/0 1\n')]) },
    { name: 'invalid UTF-8: truncated at EOF', bytes: Buffer.from([...Buffer.from('label ::/0 1\n# caf'), 0xc3]) },
    { name: 'latin1 comment', bytes: Buffer.from('# caf\xe9 na\xefve\nlabel ::/0 1\nprecedence ::/0 40\n', 'latin1') },
    { name: 'latin1 inside a prefix', bytes: Buffer.from('label ::\xe9/0 1\n::\xff/0 40 1\n', 'latin1') },
    s('CR only endings (gai)', 'label ::1/128 0\rlabel ::/0 1\rprecedence ::/0 40\r'),
    s('CR only endings (rows)', '::1/128 50 0\r::/0 40 1\r'),
    s('mixed endings', 'label ::1/128 0\r\nlabel ::/0 1\nprecedence ::/0 40\rprecedence ::1/128 50\n\r\n\r'),
    s('CR only', '\r'.repeat(5000)),
    s('only blanks, no newline', ' \t \t'),
    s('vertical tab and form feed', 'label\v::/0\f1\n::/0\v40\f1\n'),
    s('unicode spaces', 'label\u00a0::/0\u20001\n', 'utf8'),
    s('emoji everywhere', '😀 label 😀 ::/0 😀 1 😀\n', 'utf8'),
    s('many slashes', `label ${'/'.repeat(100000)} 1\n`),
    s('many colons', `label ${':'.repeat(100000)}/0 1\n${':'.repeat(100000)}/0 40 1\n`),
    s('many dots', `scopev4 ${'1.'.repeat(50000)}1/8 1\n`),
    s('many digits', `label ::/${'9'.repeat(100000)} ${'9'.repeat(100000)}\n::/${'1'.repeat(100000)} ${'4'.repeat(100000)} 1\n`),
    s('many percent', `label fe80::1${'%'.repeat(100000)}/64 1\n`),
    s('many hashes', '#'.repeat(200000)),
    s('alternating hash newline', '#\n'.repeat(100000)),
    s('repeated keyword, one line', 'label '.repeat(100000)),
    s('repeated prefix, one line', '::/0 '.repeat(100000)),
    s('nested ipv4 text', `label ::ffff:${'255.'.repeat(20000)}0/96 4\n`),
    s('directive soup', '# policylint-disable '.repeat(5000) + '\nlabel ::/0 1\n'),
    s('disable-next-line chains', '# policylint-disable-next-line redundant-entry, duplicate-prefix -- x\nlabel ::/0 1\n'.repeat(2000)),
    s(
      'deep redundant nesting (gai)',
      Array.from({ length: 129 }, (_, i) => `label ${ipv6Text(maskOf(i) & ((0x20010db8n << 96n) | 0xffffn))}/${i} 1\n`).join(''),
    ),
    s('deep redundant nesting (rows)', Array.from({ length: 129 }, (_, i) => `${ipv6Text(maskOf(i) & ((0x20010db8n << 96n) | 0xffffn))}/${i} 40 1\n`).join('')),
    s('2047/2048-byte lines', `${'::/0 40 1'.padEnd(2046, ' ')}\n${'::/0 40 1'.padEnd(2047, ' ')}\n${'#'.padEnd(2048, 'x')}\n`),
    s('long line split inside a prefix', `${' '.repeat(2040)}2001:db8::/32 40 1\n`),
    s('multibyte across the fgets boundary', `${'é'.repeat(1023)}é::/0 40 1\n`, 'utf8'),
  ];
  for (let b = 0; b < 256; b++) {
    const c = String.fromCharCode(b);
    out.push({ name: `byte 0x${b.toString(16)} in a gai line`, bytes: Buffer.from(`label ::1/128${c}0\nprecedence${c}::/0 40\n${c}\n`, 'latin1') });
    out.push({ name: `byte 0x${b.toString(16)} in a row`, bytes: Buffer.from(`::1/128 50${c}0\n${c}::/0 40 1\n${c}`, 'latin1') });
  }
  if (big) {
    out.push(
      { name: '10 MB line of a', bytes: Buffer.alloc(10 * MB, 'a') },
      { name: '10 MB line of spaces then a row', bytes: Buffer.concat([Buffer.alloc(10 * MB, ' '), Buffer.from('::/0 40 1\n')]) },
      { name: '10 MB comment', bytes: Buffer.concat([Buffer.from('#'), Buffer.alloc(10 * MB, 'x')]) },
      { name: '10 MB line of colons', bytes: Buffer.concat([Buffer.from('label '), Buffer.alloc(10 * MB, ':'), Buffer.from('/0 1\n')]) },
      { name: '10 MB of 0xff', bytes: Buffer.alloc(10 * MB, 0xff) },
      { name: '10 MB of NUL', bytes: Buffer.alloc(10 * MB, 0) },
      { name: '10 MB line of digits', bytes: Buffer.concat([Buffer.from('::/'), Buffer.alloc(10 * MB, '7'), Buffer.from(' 40 1\n')]) },
      s('1M empty lines', '\n'.repeat(1_000_000)),
      s('1M CR-only line ends', 'x\r'.repeat(1_000_000)),
      s('1M CRLF blank lines', '\r\n'.repeat(1_000_000)),
      s('1M comment lines', '#\n'.repeat(1_000_000)),
      s('1M words on one line', 'w '.repeat(1_000_000)),
    );
  }
  return out;
}

/** A table of n distinct /64 rows (a big but realistic-looking generated file). */
export function distinctRows(n: number, dialect: 'gai' | 'ip6addrctl'): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = `2001:db8:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::/64`;
    rows.push(dialect === 'gai' ? `label ${p} ${i % 100}\n` : `${p} ${i % 100} ${i % 50}\n`);
  }
  return rows.join('');
}
