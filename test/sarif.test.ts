// SARIF output validates against the official 2.1.0 schema (shipped by
// @microsoft/jest-sarif; validated with ajv directly, no network).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSarif } from '../src/cli/format/sarif.js';
import { lintText } from '../src/lint/lint.js';

const require = createRequire(import.meta.url);
// ajv-draft-04 is CommonJS with a default export (the SARIF schema is JSON Schema draft-04).
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv = require('ajv-draft-04').default as new (options: object) => { compile(schema: object): Validator };
const schemaPath = join(require.resolve('@microsoft/jest-sarif/package.json'), '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const ROOT = join(import.meta.dirname, '..');

describe('SARIF 2.1.0', () => {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false });
  const validate = ajv.compile(schema);

  test('the output of several fixtures validates against the schema', () => {
    const files = [
      'fixtures/freebsd/ula-precedence-only.ip6addrctl.conf',
      'fixtures/broken/keyword-case.gai.conf',
      'fixtures/broken/long-line.ip6addrctl.conf',
      'fixtures/glibc/debian-12.gai.conf',
    ];
    const results = files.map((f) =>
      lintText(readFileSync(join(ROOT, f), 'utf8'), { dialect: f.endsWith('gai.conf') ? 'gai' : 'ip6addrctl', filePath: join(ROOT, f) }),
    );
    const log = JSON.parse(formatSarif(results, ROOT, '0.1.0'));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(3);
  });

  test('a broken log is rejected (the validator is not vacuous)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
  });

  test('every result has a relative uri, a region, and a rule with help', () => {
    const r = lintText('Label ::/0 1\n', { dialect: 'gai', filePath: join(ROOT, 'etc', 'gai.conf') });
    const log = JSON.parse(formatSarif([r], ROOT, '0.1.0'));
    const result = log.runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('etc/gai.conf');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 6 });
    const rule = log.runs[0].tool.driver.rules[result.ruleIndex];
    expect(rule.id).toBe('keyword-case');
    expect(rule.help.text).toContain('case-sensitive');
  });

  test('artifactLocation.uri is a percent-encoded URI; outside the working folder, a file: URI', () => {
    const r = lintText('Label ::/0 1\n', { dialect: 'gai', filePath: join(ROOT, 'etc', 'c:d 100%#.gai.conf') });
    const outside = lintText('Label ::/0 1\n', { dialect: 'gai', filePath: '/elsewhere/a b.gai.conf' });
    const log = JSON.parse(formatSarif([r, outside], ROOT, '0.1.0'));
    const [inside, far] = log.runs[0].results.map(
      (x: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => x.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(inside).toEqual({ uri: 'etc/c%3Ad%20100%25%23.gai.conf', uriBaseId: 'SRCROOT' });
    expect(new URL(inside.uri, log.runs[0].originalUriBaseIds.SRCROOT.uri).pathname).toBe(encodeURI(join(ROOT, 'etc/')) + 'c%3Ad%20100%25%23.gai.conf');
    expect(far).toEqual({ uri: 'file:///elsewhere/a%20b.gai.conf' });
    expect(validate(log)).toBe(true);
  });
});
