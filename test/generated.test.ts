// Every generated file (scripts/generate.mjs) is up to date: generate into a temporary
// folder and compare with what is committed. Fix a failure with `npm run generate`.
// That includes every rule page's `## Example` output (docs/rules/<id>.md): the generator runs
// policylint on each page's example input, so a page fails here as soon as policylint prints
// something else; and generation itself fails when an example does not report its rule or a
// "Use instead" input still does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RULE_PAGES = readdirSync(join(ROOT, 'docs', 'rules'))
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => `docs/rules/${f}`);
const GENERATED = ['schema/policylint.schema.json', 'docs/rules/README.md', 'docs/grammar/ip6addrctl.html', 'docs/grammar/gaiconf.html', ...RULE_PAGES];

describe('generated files (npm run generate)', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'policylint-generate-'));
    const env = { ...process.env, NODE_OPTIONS: '' };
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate.mjs'), '--out', out], { cwd: ROOT, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`scripts/generate.mjs failed:\n${result.stdout}\n${result.stderr}`);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test.each(GENERATED)('%s is up to date (run `npm run generate`)', (path) => {
    expect(readFileSync(join(out, path), 'utf8')).toBe(readFileSync(join(ROOT, path), 'utf8'));
  });
});
