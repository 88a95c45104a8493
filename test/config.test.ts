import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig, ConfigError } from '../src/model/config.js';
import { RULES, RULE_IDS } from '../src/rules/catalog.js';
import { RULE_ALIASES } from '../src/model/rule-aliases.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'policylint.schema.json'), 'utf8'));

describe('config', () => {
  test('the shipped JSON Schema lists exactly the catalog (regenerate: npm run generate)', () => {
    // The catalog, and the old ids of renamed rules (src/model/rule-aliases.ts), which keep working.
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...RULES.map((r) => r.meta.id), ...Object.keys(RULE_ALIASES)].sort());
  });
  test('the schema and the loader accept the same top-level keys', () => {
    for (const key of Object.keys(schema.properties)) {
      const value =
        key === 'rules'
          ? {}
          : key === 'sitePrefixes'
            ? {}
            : key === 'platform'
              ? 'glibc'
              : key === 'glibcVersion'
                ? '2.36'
                : key === 'interfaces'
                  ? ['lo0', 'em0']
                  : key === 'baseline'
                    ? 'freebsd'
                    : 'x';
      expect(() => resolveConfig({ [key]: value }, 'c.json', RULE_IDS)).not.toThrow();
    }
  });
  test.each([
    [{ rulez: {} }, 'c.json: rulez: unknown key'],
    [{ rules: { nope: 'error' } }, 'c.json: rules.nope: no such rule'],
    [{ rules: { 'parse-error': 3 } }, 'c.json: rules.parse-error: expected one of "error", "warning" (or "warn"), "info", "off", or 2, 1, 0, got 3'],
    [{ rules: { 'parse-error': 'Warn' } }, 'c.json: rules.parse-error: expected one of'],
    [{ sitePrefixes: { ula: ['fd00::'] } }, 'c.json: sitePrefixes.ula[0]: "fd00::" is not an IPv6 prefix'],
    [{ glibcVersion: 2.36 }, 'c.json: glibcVersion: expected a glibc release from 2.5 to 2.44, like "2.41"'],
    [{ glibcVersion: 'banana' }, 'c.json: glibcVersion: expected a glibc release from 2.5 to 2.44, like "2.41"'],
    [{ glibcVersion: '2.99' }, 'c.json: glibcVersion: expected a glibc release from 2.5 to 2.44, like "2.41"'],
    // sitePrefixes are real site prefixes: ULA inside fc00::/7, global inside 2000::/3, a length as written by a system.
    [{ sitePrefixes: { gua: ['::ffff:1.2.3.4/8'] } }, 'c.json: sitePrefixes.gua[0]: "::ffff:1.2.3.4/8" is not a global prefix inside 2000::/3'],
    [{ sitePrefixes: { ula: ['::ffff:1.2.3.4/8'] } }, 'c.json: sitePrefixes.ula[0]: "::ffff:1.2.3.4/8" is not a ULA prefix inside fc00::/7'],
    [{ sitePrefixes: { ula: ['fd00::/0128'] } }, 'c.json: sitePrefixes.ula[0]: "fd00::/0128" is not an IPv6 prefix'],
    [{ sitePrefixes: { ula: ['2001:db8::/32'] } }, 'c.json: sitePrefixes.ula[0]: "2001:db8::/32" is not a ULA prefix inside fc00::/7; list it under gua'],
    [{ sitePrefixes: { gua: ['fd00::/8'] } }, 'c.json: sitePrefixes.gua[0]: "fd00::/8" is not a global prefix inside 2000::/3; list it under ula'],
    [{ sitePrefixes: { ula: ['fc00::/6'] } }, 'c.json: sitePrefixes.ula[0]: "fc00::/6" is not a ULA prefix inside fc00::/7'],
    [{ sitePrefixes: { ula: ['fd00::1/48'] } }, 'c.json: sitePrefixes.ula[0]: "fd00::1/48" has bits set after /48'],
    [{ interfaces: 'lo0,em0' }, 'c.json: interfaces: expected an array of interface names'],
    [{ interfaces: ['em0%1'] }, 'c.json: interfaces: expected an array of interface names'],
    [[], 'c.json: (top level): expected a JSON object'],
  ])('%j is refused with the key named', (raw, message) => {
    expect(() => resolveConfig(raw, 'c.json', RULE_IDS)).toThrow(ConfigError);
    expect(() => resolveConfig(raw, 'c.json', RULE_IDS)).toThrow(message);
  });
  test("ESLint's spellings of a severity mean ours", () => {
    const rules = resolveConfig({ rules: { 'parse-error': 'warn', 'partial-table': 0, 'keyword-case': 1, 'missing-catch-all': 2 } }, 'c.json', RULE_IDS).rules;
    expect(rules).toEqual({ 'parse-error': 'warning', 'partial-table': 'off', 'keyword-case': 'warning', 'missing-catch-all': 'error' });
  });
  test("a renamed rule's old id keeps working and means the current rule", () => {
    const aliases = { 'old-partial-table': 'partial-table' };
    expect(resolveConfig({ rules: { 'old-partial-table': 'off' } }, 'c.json', RULE_IDS, aliases).rules).toEqual({ 'partial-table': 'off' });
    expect(() => resolveConfig({ rules: { 'old-partial-table': 'off' } }, 'c.json', RULE_IDS)).toThrow('no such rule');
    for (const alias of Object.keys(schema.properties.rules.properties))
      expect((RULE_IDS as ReadonlySet<string>).has(alias) || Object.hasOwn(RULE_ALIASES, alias)).toBe(true);
  });
});
