// Rebuilds every generated file from the code it describes:
//   schema/policylint.schema.json   the config schema (rule ids from the catalog, platforms)
//   docs/rules/README.md            the catalog table (between the table markers)
//   docs/grammar/*.html             railroad diagrams of both grammars (scripts/diagrams.mjs)
// Usage: npm run generate            (writes into the repository)
//        node scripts/generate.mjs --out DIR   (writes the same tree under DIR; test/generated.test.ts
//                                               compares it with the committed files)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const outRoot = outAt < 0 ? root : resolve(argv[outAt + 1] ?? '');

async function loadTs(path) {
  const url = pathToFileURL(join(root, path)).href;
  try {
    return await import(url);
  } catch (error) {
    if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { register } = await import('tsx/esm/api');
    register();
    return import(`${url}?tsx`);
  }
}

const { RULES } = await loadTs('src/rules/catalog.ts');
const { RULE_ALIASES } = await loadTs('src/model/rule-aliases.ts');
const { PLATFORMS } = await loadTs('src/model/builtin-tables.ts');

function write(relPath, text) {
  const path = join(outRoot, relPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}

function configSchema() {
  // Ours, and ESLint's spellings ("warn", 2/1/0), as src/model/config.ts accepts them.
  const severity = { enum: ['error', 'warning', 'warn', 'info', 'off', 2, 1, 0] };
  const prefix = { type: 'array', items: { type: 'string', pattern: '^[0-9A-Fa-f:.]+/[0-9]{1,3}$' } };
  return {
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
        properties: { ula: prefix, gua: prefix },
      },
      platform: { enum: [...PLATFORMS] },
      glibcVersion: { type: 'string', pattern: '^2\\.[0-9]+$', description: 'glibc whose version-dependent parsing applies (default 2.41).' },
      baseline: { enum: [...PLATFORMS], description: "The built-in table impact is judged against (default: the file's own system's: glibc's defaults, FreeBSD's ipv6_prefer)." },
      interfaces: { type: 'array', items: { type: 'string', pattern: '^[!-~]{1,15}$' }, description: "The FreeBSD target host's interfaces in index order from 1 (decides %name zones), e.g. [\"lo0\", \"em0\"]." },
    },
  };
}

/** docs/rules/README.md with its table rebuilt from the catalog; the prose around it is kept. */
function rulesReadme() {
  const current = readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8');
  const lines = current.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| Rule |'));
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  const cell = (text) => text.replace(/\|/g, '\\|');
  const rows = RULES.map((r) => {
    const fixable = r.meta.fixable === 'no' ? 'none' : r.meta.fixable;
    return `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.dialects.join(', ')} | ${fixable} | ${cell(r.meta.description)} |`;
  });
  return [...lines.slice(0, start), '| Rule | Severity | Dialects | Fixable | Summary |', '|---|---|---|---|---|', ...rows, ...lines.slice(end)].join('\n');
}

write('schema/policylint.schema.json', JSON.stringify(configSchema(), null, 2) + '\n');
write('docs/rules/README.md', rulesReadme());
const diagrams = spawnSync(process.execPath, [join(root, 'scripts', 'diagrams.mjs'), '--out', join(outRoot, 'docs', 'grammar')], { stdio: 'inherit', env: process.env });
if (diagrams.status !== 0) process.exit(diagrams.status ?? 1);
