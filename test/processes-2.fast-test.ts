// `npm run test:fast` only: the fast run's "processes-2" test files (test/support/fast-suites.mjs)
// in one Jest file, so the core is loaded once for all of them. `npm test` runs each on its own.
import { fastGroups } from './support/fast-suites.mjs';

const files = fastGroups()['processes-2'];

test('the group has its files', () => expect(files.length).toBeGreaterThan(3));

for (const file of files) await import(`./${file}`);
