// Every rule's RuleTester cases (test/rules/<id>.rule.ts, one file per rule as ESLint has
// them) in one Jest file: Jest loads the core once per test file, so 36 files cost 36 loads
// of the whole module graph; one file keeps `npm run test:fast` well under a minute.
// One rule: `npx jest test/rules.test.ts -t '^<id> '`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const caseFiles = readdirSync(join(import.meta.dirname, 'rules'))
  .filter((f) => f.endsWith('.rule.ts'))
  .sort();

test('the rule case files are found', () => expect(caseFiles.length).toBeGreaterThanOrEqual(36));

for (const file of caseFiles) await import(`./rules/${file}`);
