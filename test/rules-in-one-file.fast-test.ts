// `npm run test:fast` only: every rule's RuleTester file (test/rules/<id>.test.ts) in one
// Jest file. Jest loads the whole core once per test file, so 36 rule files cost 36 loads of
// the module graph; imported here they cost one. `npm test` runs each rule file on its own.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ruleFiles = readdirSync(join(import.meta.dirname, 'rules'))
  .filter((f) => f.endsWith('.test.ts'))
  .sort();

test('the rule test files are found', () => expect(ruleFiles.length).toBeGreaterThanOrEqual(36));

for (const file of ruleFiles) await import(`./rules/${file}`);
