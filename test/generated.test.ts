// Every generated file (scripts/generate.mjs) is up to date: generate into a temporary
// folder and compare with what is committed. Fix a failure with `npm run generate`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const GENERATED = ['schema/policylint.schema.json', 'docs/rules/README.md', 'docs/grammar/ip6addrctl.html', 'docs/grammar/gaiconf.html'];

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
