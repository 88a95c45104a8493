// Jest in ESM mode: chevrotain 11 and yargs 18 are ESM-only.
// Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles.
// `npm run test:fast` (TEST_FAST=1) runs only test/*.fast-test.ts, which import its files in
// three groups: test/support/fast-suites.mjs says what it leaves out, and why.

const FAST = process.env.TEST_FAST === '1';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  testMatch: FAST ? ['<rootDir>/test/*.fast-test.ts'] : ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 120000,
  // Jest's default is one worker fewer than the cores: on a 2-core machine one worker. The fast
  // run uses every core; the full run keeps the default, which its timed fuzz limits assume.
  ...(FAST ? { maxWorkers: '100%' } : {}),
};
