// Jest in ESM mode: chevrotain 11 and yargs 18 are ESM-only.
// Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles.
// `npm run test:fast` (TEST_FAST=1): see test/support/fast-suites.mjs for what it leaves out
// and why the in-process files run inside test/in-process.fast-test.ts.
import { inProcessSuites, SLOW_SUITES } from './test/support/fast-suites.mjs';

const FAST = process.env.TEST_FAST === '1';
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FAST_SKIPS = FAST ? [`/test/(${SLOW_SUITES.join('|')})\\.test\\.ts$`, ...inProcessSuites().map((f) => `/test/${escape(f)}$`)] : [];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  testMatch: ['<rootDir>/test/**/*.test.ts', ...(FAST ? ['<rootDir>/test/*.fast-test.ts'] : [])],
  testPathIgnorePatterns: ['/node_modules/', ...FAST_SKIPS],
  testTimeout: 120000,
  // Jest's default is one worker fewer than the cores: on a 2-core machine one worker. The fast
  // run uses every core; the full run keeps the default, which its timed fuzz limits assume.
  ...(FAST ? { maxWorkers: '100%' } : {}),
};
