// The catalog is complete where a newcomer would look: every rule id that
// `policylint rules --format json` lists has its RuleTester file (test/rules/<id>.test.ts)
// and its docs page (docs/rules/<id>.md), and each catalog entry is the rule of that id.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/main.js';
import { RULES, ruleOf } from '../src/rules/catalog.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('rule catalog', () => {
  let ids: string[] = [];
  beforeAll(async () => {
    let stdout = '';
    const io = { cwd: ROOT, stdout: (s: string) => void (stdout += s), stderr: () => {}, stdin: async () => new Uint8Array() };
    expect(await main(['rules', '--format', 'json'], io as unknown as Parameters<typeof main>[1])).toBe(0);
    ids = (JSON.parse(stdout) as { id: string }[]).map((r) => r.id);
  });

  test('the CLI lists the whole catalog', () => {
    expect([...ids].sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  test('every rule has test/rules/<id>.test.ts and docs/rules/<id>.md', () => {
    const missing = ids.flatMap((id) => [`test/rules/${id}.test.ts`, `docs/rules/${id}.md`]).filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  test('each catalog key is the id of the rule filed under it', () => {
    for (const rule of RULES) expect(ruleOf(rule.meta.id).meta.id).toBe(rule.meta.id);
  });
});
