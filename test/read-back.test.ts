// convert's read-back of a gai.conf output (src/convert/read-back.ts): the plain reader
// (src/dialects/gai-plain-reader.ts) must answer only for text the full reader reads
// without any finding, and then mean exactly what the full reader's policy means; and it
// must answer for everything the gai.conf writer emits, or the proof is slow again.
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { convertPolicy } from '../src/convert/convert.js';
import { meaningOf, type Meaning } from '../src/convert/equivalence.js';
import { plainGaiMeaning } from '../src/convert/read-back.js';
import { detectDialect } from '../src/dialects/detect.js';
import { readPolicy, type ConvertDialect } from '../src/dialects/registry.js';
import { modelOf } from '../src/model/policy-meaning.js';
import { gaiPolicyArb, ip6addrctlPolicyArb, ipv6Text, prefixArb, propertyRuns, propertySeed, ROOT } from './support/generators.js';

/** The full reader's findings and meaning. */
function fullRead(text: string): { findings: number; meaning: Meaning } {
  const read = readPolicy('gai', text);
  return { findings: read.findings.length, meaning: meaningOf(modelOf(read.policy, read.semantics)) };
}

function expectSameMeaning(fast: Meaning, full: Meaning): void {
  expect(fast.labelsOnly).toBe(full.labelsOnly);
  expect(Array.from(fast.values.starts)).toEqual(Array.from(full.values.starts));
  expect(fast.values.values).toEqual(full.values.values);
  expect(Array.from(fast.scopes.starts)).toEqual(Array.from(full.scopes.starts));
  expect(fast.scopes.values).toEqual(full.scopes.values);
}

/** When the plain reader answers, the full reader finds nothing and means the same. Returns whether it answered. */
function agrees(text: string): boolean {
  const fast = plainGaiMeaning(text);
  if (!fast) return false;
  const full = fullRead(text);
  expect(full.findings).toBe(0);
  expectSameMeaning(fast, full.meaning);
  return true;
}

function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(join(ROOT, 'fixtures'));
  return out;
}

const DIALECTS: readonly ConvertDialect[] = ['gai', 'ip6addrctl', 'show', 'addrlabel', 'netsh', 'json'];

describe('plain gai.conf read-back', () => {
  test('every fixture: its gai.conf translation is read plainly (unless the full reader finds something in it), with the full reader’s meaning; the fixture itself only when plain', () => {
    let translated = 0;
    for (const file of fixtureFiles()) {
      const text = readFileSync(file, 'utf8');
      agrees(text);
      const dialect = detectDialect(file, text) ?? 'ip6addrctl';
      if (!DIALECTS.includes(dialect)) continue;
      const source = readPolicy(dialect, text);
      const output = convertPolicy(source, 'gai').output;
      // The writer copies what it cannot judge (`reload maybe`): that output the full reader reads.
      if (!agrees(output)) expect(fullRead(output).findings).toBeGreaterThan(0);
      else translated++;
    }
    expect(translated).toBeGreaterThan(100);
  });

  test('generated policies: every gai.conf translation is read plainly, with the full reader’s meaning', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          gaiPolicyArb.map((p) => ({ ...p, dialect: 'gai' as const })),
          ip6addrctlPolicyArb.map((p) => ({ ...p, dialect: 'ip6addrctl' as const })),
        ),
        (policy) => {
          agrees(policy.text);
          const output = convertPolicy(readPolicy(policy.dialect, policy.text), 'gai').output;
          expect(agrees(output)).toBe(true);
        },
      ),
      { numRuns: propertyRuns(400), seed: propertySeed(1313) },
    );
  });

  // Lines near the plain shapes: every way a word can differ from what the writer emits.
  const addressArb = fc.oneof(
    prefixArb.map((p) => ipv6Text(p.address)),
    prefixArb.map((p) => ipv6Text(p.address).toUpperCase()),
    fc.constantFrom('::', '::1', '1::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', ':1::', '1:::2', '1::2::3'),
    fc.constantFrom(
      '0:0:0:0:0:0:0:0',
      '00000::',
      '12345::',
      'g::',
      '::ffff:1.2.3.4',
      '::1.2.3.4',
      '1.2.3.4',
      '10.0.0.0',
      '169.254.0.0',
      '::1%eth0',
      '[::1]',
      '',
    ),
    fc.array(fc.constantFrom('0', '1', 'ffff', 'FfFf', '0000', '12345', ':', '::', '.', 'a', '9'), { maxLength: 12 }).map((parts) => parts.join('')),
  );
  const lengthArb = fc.oneof(fc.integer({ min: 0, max: 130 }).map(String), fc.constantFrom('', '064', '0128', '-1', '+1', '1/2', '1 ', 'x'));
  const valueArb = fc.oneof(
    fc.integer({ min: 0, max: 100 }).map(String),
    fc.constantFrom('0', '2147483647', '2147483648', '99999999999', '007', '-0', '+5', '', '1e3'),
  );
  const sepArb = fc.constantFrom(' ', ' ', '  ', '\t', '\v', '\r', '');
  const lineArb = fc.oneof(
    fc
      .record({
        keyword: fc.constantFrom('label', 'precedence', 'scopev4', 'label', 'precedence', 'reload', 'Label', 'labelx', ' label', '#label'),
        sep1: sepArb,
        address: addressArb,
        slash: fc.constantFrom('/', '/', '/', ''),
        length: lengthArb,
        sep2: sepArb,
        value: fc.oneof(valueArb, fc.constantFrom('yes', 'no', 'maybe')),
        tail: fc.constantFrom('', '', ' # note', '  #', '# note', ' extra', ' 5', '\r', ' \r', '\0'),
      })
      .map((l) => `${l.keyword}${l.sep1}${l.address}${l.slash}${l.length}${l.sep2}${l.value}${l.tail}`),
    fc.constantFrom('', '# comment', '#', ' ', '\t# indented', '   ', 'reload yes', 'reload  no', 'reload', 'reload yes no', '# \0 nul in a comment'),
  );

  test('lines near the plain shapes: the plain reader answers only where the full reader finds nothing, and means the same', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        if (agrees(lines.join(eol) + eol)) answered++;
      }),
      { numRuns: propertyRuns(3000), seed: propertySeed(1314) },
    );
    // Not vacuous: plenty of the generated files are plain.
    expect(answered).toBeGreaterThan(100);
  });
});

// The source's step function is taken for the read-back only when the tables hold the very
// same rows (valuesLike, sameValueTables); it must never hide a difference.
describe('the read-back takes the source’s step function only for the same tables', () => {
  const sourceOf = (text: string) => meaningOf(modelOf(readPolicy('ip6addrctl', text).policy, 'freebsd'));

  test('a FreeBSD table read back from its gai.conf: the same step function object (a /0 row makes the no-match values moot)', () => {
    const text = '::/0 40 1\n::1/128 50 0\nfd00::/8 45 1\n2001:db8::/32 30 7\n';
    const source = sourceOf(text);
    const output = convertPolicy(readPolicy('ip6addrctl', text), 'gai').written.text;
    const back = plainGaiMeaning(output, source)!;
    expect(back.values).toBe(source.values);
    // Without the /0 row the no-match values differ (FreeBSD: no label; glibc: its defaults): made anew.
    const noCatchAll = sourceOf('fd00::/8 45 1\n');
    expect(plainGaiMeaning('precedence fd00::/8 45\nlabel fd00::/8 1\n', noCatchAll)!.values).not.toBe(noCatchAll.values);
  });

  test('generated pairs: taken only when made anew would give the same pieces; a changed value or row is never taken', () => {
    fc.assert(
      fc.property(ip6addrctlPolicyArb, fc.nat(), fc.integer({ min: 1, max: 9 }), (policy, at, delta) => {
        const source = sourceOf(policy.text);
        const output = convertPolicy(readPolicy('ip6addrctl', policy.text), 'gai').written.text;
        const fresh = plainGaiMeaning(output)!;
        const back = plainGaiMeaning(output, source)!;
        expectSameMeaning(back, fresh);
        // One table line's value changed: the pieces must be made from the changed lines.
        const lines = output.split('\n');
        const rows = lines.flatMap((line, i) => (/^(label|precedence) /.test(line) ? [i] : []));
        if (rows.length === 0) return;
        const i = rows[at % rows.length]!;
        lines[i] = lines[i]!.replace(/^(\S+ +\S+ +)(\d+)/, (_, head: string, v: string) => head + String(Number(v) + delta));
        const changed = lines.join('\n');
        const changedBack = plainGaiMeaning(changed, source)!;
        expect(changedBack.values).not.toBe(source.values);
        expectSameMeaning(changedBack, plainGaiMeaning(changed)!);
      }),
      { numRuns: propertyRuns(300), seed: propertySeed(1315) },
    );
  });
});
