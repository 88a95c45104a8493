// Writes schema/policylint.schema.json from the rule catalog (run: node --import tsx scripts/config-schema.mjs).
import { writeFileSync } from 'node:fs';
import { RULES } from '../src/rules/catalog.ts';
import { PLATFORMS } from '../src/model/builtin-tables.ts';
import { RULE_ALIASES } from '../src/model/rule-aliases.ts';

// Ours, and ESLint's spellings ("warn", 2/1/0), as src/model/config.ts accepts them.
const severity = { enum: ['error', 'warning', 'warn', 'info', 'off', 2, 1, 0] };
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/policylint/policylint/blob/main/schema/policylint.schema.json',
  title: 'policylint configuration (.policylint.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: {
      type: 'object',
      description: 'Rule severities; "off" disables a rule.',
      additionalProperties: false,
      properties: Object.fromEntries([
        ...RULES.map((r) => [r.meta.id, { ...severity, description: r.meta.description }]),
        ...Object.entries(RULE_ALIASES).map(([old, id]) => [old, { ...severity, deprecated: true, description: `Renamed: the old id of ${id}.` }]),
      ]),
    },
    sitePrefixes: {
      type: 'object',
      description: 'The ULA and global prefixes of your sites that talk to each other (for ula-gua-label-mismatch and ula-below-ipv4).',
      additionalProperties: false,
      properties: {
        ula: { type: 'array', items: { type: 'string', pattern: '^[0-9A-Fa-f:.]+/[0-9]{1,3}$' } },
        gua: { type: 'array', items: { type: 'string', pattern: '^[0-9A-Fa-f:.]+/[0-9]{1,3}$' } },
      },
    },
    platform: { enum: [...PLATFORMS] },
    glibcVersion: { type: 'string', pattern: '^2\\.[0-9]+$', description: 'glibc whose version-dependent parsing applies (default 2.41).' },
  },
};
writeFileSync(new URL('../schema/policylint.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
