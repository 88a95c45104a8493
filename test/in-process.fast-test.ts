// `npm run test:fast` only: every in-process test file (test/support/fast-suites.mjs) in one
// Jest file, so the core is loaded once instead of once per file. `npm test` runs each file
// on its own.
import { inProcessSuites } from './support/fast-suites.mjs';

const suites = inProcessSuites();

test('the in-process suites are found (the rule files among them)', () => {
  expect(suites.filter((f) => f.startsWith('rules/')).length).toBeGreaterThanOrEqual(36);
});

for (const file of suites) await import(`./${file}`);
