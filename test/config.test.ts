import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig, ConfigError } from '../src/model/config.js';
import { RULES, RULE_IDS } from '../src/rules/catalog.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'policylint.schema.json'), 'utf8'));

describe('config', () => {
  test('the shipped JSON Schema lists exactly the catalog (regenerate: npm run generate)', () => {
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });
  test('the schema and the loader accept the same top-level keys', () => {
    for (const key of Object.keys(schema.properties)) {
      const value = key === 'rules' ? {} : key === 'sitePrefixes' ? {} : key === 'platform' ? 'glibc' : key === 'glibcVersion' ? '2.36' : key === 'interfaces' ? ['lo0', 'em0'] : 'x';
      expect(() => resolveConfig({ [key]: value }, 'c.json', RULE_IDS)).not.toThrow();
    }
  });
  test.each([
    [{ rulez: {} }, 'c.json: rulez: unknown key'],
    [{ rules: { nope: 'error' } }, 'c.json: rules.nope: no such rule'],
    [{ rules: { 'parse-error': 2 } }, 'c.json: rules.parse-error: expected one of error, warning, info, off, got 2'],
    [{ sitePrefixes: { ula: ['fd00::'] } }, 'c.json: sitePrefixes.ula[0]: "fd00::" is not an IPv6 prefix'],
    [{ glibcVersion: 2.36 }, 'c.json: glibcVersion: expected a version like "2.41"'],
    [{ interfaces: 'lo0,em0' }, 'c.json: interfaces: expected an array of interface names'],
    [{ interfaces: ['em0%1'] }, 'c.json: interfaces: expected an array of interface names'],
    [[], 'c.json: (top level): expected a JSON object'],
  ])('%j is refused with the key named', (raw, message) => {
    expect(() => resolveConfig(raw, 'c.json', RULE_IDS)).toThrow(ConfigError);
    expect(() => resolveConfig(raw, 'c.json', RULE_IDS)).toThrow(message);
  });
});
