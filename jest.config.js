// Jest in ESM mode: chevrotain 11 and yargs 18 are ESM-only.
// Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles.

// `npm run test:fast` (TEST_FAST=1) leaves out the suites that take most of the time and
// mostly re-check the same code on many inputs: generated inputs (fuzz, property), recorded
// or real-system comparisons (FreeBSD install records, real glibc, real pre-commit), the
// write path's races, the packed package and the playground in chromium. `npm test` (and CI) runs everything.
const SLOW_SUITES = [
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
  // the playground in a real chromium (about 80 s)
  'web',
];

const FAST = process.env.TEST_FAST === '1';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  // Fast: the rule files run inside test/rules-in-one-file.fast-test.ts, not one by one.
  testMatch: ['<rootDir>/test/**/*.test.ts', ...(FAST ? ['<rootDir>/test/*.fast-test.ts'] : [])],
  testPathIgnorePatterns: ['/node_modules/', ...(FAST ? [`/test/(${SLOW_SUITES.join('|')})\\.test\\.ts$`, '/test/rules/'] : [])],
  testTimeout: 120000,
};
