// Which test files `npm run test:fast` runs, and how (test/*.fast-test.ts read this). Jest
// loads the whole core once per test file, about a second each; so the fast run imports its
// files into three Jest files (fastGroups). `npm test` runs every file on its own.
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

/**
 * The fast run's test files (relative to test/), in three groups, each run inside one Jest
 * file (test/<group>.fast-test.ts) so the core loads three times instead of once per file,
 * and the groups share the cores: the in-process files (the rule files among them), and the
 * files that start processes (the CLI, namespaces), alternated over two groups by size.
 */
export function fastGroups() {
  const top = readdirSync(TEST_DIR)
    .filter((f) => f.endsWith('.test.ts') && !SLOW_SUITES.includes(f.slice(0, -'.test.ts'.length)))
    .map((f) => ({ f, source: readFileSync(join(TEST_DIR, f), 'utf8') }));
  const rules = readdirSync(join(TEST_DIR, 'rules'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `rules/${f}`);
  const spawning = top.filter((t) => startsProcesses(t.source)).sort((a, b) => b.source.length - a.source.length || (a.f < b.f ? -1 : 1));
  return {
    'in-process': [...top.filter((t) => !startsProcesses(t.source)).map((t) => t.f), ...rules].sort(),
    'processes-1': spawning.filter((_, i) => i % 2 === 0).map((t) => t.f),
    'processes-2': spawning.filter((_, i) => i % 2 === 1).map((t) => t.f),
  };
}
