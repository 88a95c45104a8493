// Which test files `npm run test:fast` runs, and how (jest.config.js and
// test/in-process.fast-test.ts read this). Jest loads the whole core once per test file, about
// a second each; so in the fast run every file that works in-process (no child processes)
// runs inside ONE Jest file, and only the files that start processes (the CLI, namespaces)
// run as files of their own, in parallel. `npm test` runs every file on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Left out of the fast run: generated inputs (fuzz, property), recorded or real-system
 * comparisons (FreeBSD install records, real glibc and kernel, real pre-commit), the write
 * path's races and hostile inputs, the packed package, the generated files (run `npm run
 * generate`) and the playground in chromium.
 */
export const SLOW_SUITES = [
  'fuzz',
  'property',
  'convert-property',
  'equivalence',
  'freebsd-recorded',
  'differential-glibc',
  'fix-glibc',
  'fix-proof',
  'doctor-namespace',
  'pre-commit',
  'safe-write',
  'hostile-write',
  'hostile-input',
  'package',
  'web',
  'host-linux',
  'generated',
];

const TEST_DIR = join(import.meta.dirname, '..');
const startsProcesses = (source) => /node:child_process|cliCommand/.test(source);

/** The fast run's in-process test files, relative to test/ (rules/<id>.test.ts included). */
export function inProcessSuites() {
  const top = readdirSync(TEST_DIR)
    .filter((f) => f.endsWith('.test.ts') && !SLOW_SUITES.includes(f.slice(0, -'.test.ts'.length)))
    .filter((f) => !startsProcesses(readFileSync(join(TEST_DIR, f), 'utf8')));
  const rules = readdirSync(join(TEST_DIR, 'rules'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `rules/${f}`);
  return [...top, ...rules].sort();
}
