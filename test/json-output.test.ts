// Every JSON output validates against its schema in schema/ (docs/json-output.md), through
// the real CLI; and a broken document is rejected, so the schemas are not vacuous.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliCommand } from './support/cli-command.js';
import { ByteWriter } from '../src/cli/byte-output.js';
import { writeJson } from '../src/cli/format/json.js';
import { lintText } from '../src/lint/lint.js';
import { ROOT } from './support/generators.js';

const require = createRequire(import.meta.url);
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv2020 = require('ajv/dist/2020').default as new (options: object) => { compile(schema: object): Validator };
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validator = (name: string) => ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')));
const CLI = cliCommand();
const FIX = (p: string) => join(ROOT, 'fixtures', p);

function json(args: string[]): unknown {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });
  expect(r.status === 0 || r.status === 1).toBe(true);
  return JSON.parse(r.stdout);
}

function expectValid(validate: Validator, doc: unknown) {
  const ok = validate(doc);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

test('lint --format json: one versioned entry per file, fixes included', () => {
  const validate = validator('lint-results.schema.json');
  const doc = json([
    '--format',
    'json',
    FIX('freebsd/ula-precedence-only.ip6addrctl.conf'),
    FIX('broken/keyword-case.gai.conf'),
    FIX('glibc/debian-12.gai.conf'),
  ]) as { version: number }[];
  expectValid(validate, doc);
  expect(doc.map((f) => f.version)).toEqual([1, 1, 1]);
  expect(validate([{ ...doc[0], version: 2 }])).toBe(false);
  expect(validate([{ ...doc[0], messages: [{ ruleId: 'x' }] }])).toBe(false);
});

test('explain --format json, one simulation and --scenarios', () => {
  const validate = validator('explain.schema.json');
  const one = json(['explain', '--source', 'fd00::10/64', '--source', '192.0.2.10/24', '2001:db8::1', '198.51.100.7', '--format', 'json']) as Record<
    string,
    unknown
  >;
  expectValid(validate, one);
  expect(one.version).toBe(1);
  expectValid(validate, json(['explain', '--scenarios', '--format', 'json']));
  const { version: _, ...unversioned } = one;
  expect(validate(unversioned)).toBe(false);
});

test('convert --to json and rules --format json', () => {
  expectValid(validator('policy.schema.json'), json(['convert', FIX('glibc/debian-12.gai.conf'), '--to', 'json']));
  const validate = validator('rules.schema.json');
  expectValid(validate, json(['rules', '--format', 'json']));
  expect(validate([{ id: 'Bad Id' }])).toBe(false);
});

describe('the lint report written piece by piece', () => {
  // writeJson and writeStylish write as they go (a 500k-row report is hundreds of megabytes);
  // their text must be exactly the whole-document forms: JSON.stringify(…, null, 2), and the
  // stylish lines joined.
  const files = ['freebsd/ula-precedence-only.ip6addrctl.conf', 'glibc/prefer-ipv4.gai.conf', 'freebsd/ipv6-prefer.ip6addrctl.conf'];
  const results = () =>
    files.map((f) => {
      const text = readFileSync(FIX(f), 'utf8');
      return lintText(text, { filePath: f, dialect: f.includes('gai') ? 'gai' : 'ip6addrctl' });
    });

  test('writeJson is JSON.stringify of the same objects, for no file, files without findings and with', () => {
    const all = results();
    for (const list of [[], all, [all[2]!], [all[0]!, all[2]!]]) {
      const pieces: string[] = [];
      writeJson(list, (t) => pieces.push(t));
      const whole = JSON.parse(pieces.join(''));
      expect(pieces.join('')).toBe(`${JSON.stringify(whole, null, 2)}\n`);
      expect(whole.map((r: { filePath: string; messages: unknown[] }) => [r.filePath, r.messages.length])).toEqual(
        list.map((r) => [r.filePath, r.messages.length]),
      );
    }
    expect(all.some((r) => r.messages.length > 0) && all.some((r) => r.messages.length === 0)).toBe(true);
  });

  test('the byte writer lint prints through passes text on unchanged and in order, as UTF-8, in few sends', () => {
    const sink: Buffer[] = [];
    // The writer reuses its buffer: the sink copies what it is sent.
    const out = new ByteWriter((bytes) => sink.push(Buffer.from(bytes)));
    const parts = Array.from({ length: 50_000 }, (_, i) => (i % 997 === 0 ? `é € 😀 \u202e ${i}\n` : `line ${i}\n`));
    parts.push('x'.repeat(70_000), 'end\n');
    for (const p of parts) out.text(p);
    out.flush();
    expect(Buffer.concat(sink).toString('utf8')).toBe(parts.join(''));
    expect(sink.length).toBeGreaterThan(1);
    expect(sink.length).toBeLessThan(parts.length / 100);
  });
});
