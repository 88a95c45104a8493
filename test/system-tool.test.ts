// test/support/system-tool.ts: run with the tool, skip with one line without it, fail under CI.
import { isCI, systemTool, type SystemToolNeed } from './support/system-tool.js';

const NEED: SystemToolNeed = { tool: 'frob', missing: 'frob: not found in PATH', skips: 'the frob tests', get: 'apt-get install frob', skipEnv: 'SKIP_FROB' };

function decide(need: SystemToolNeed, env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const tool = systemTool(need, env, (l) => lines.push(l));
  return { available: tool.available, skipLine: tool.skipLine, lines };
}

test('a tool that is there runs its tests and prints nothing', () => {
  expect(decide({ ...NEED, missing: null }, {})).toEqual({ available: true, skipLine: null, lines: [] });
  expect(decide({ ...NEED, missing: null }, { CI: 'true' })).toEqual({ available: true, skipLine: null, lines: [] });
});

test('a missing tool outside CI: skipped, with exactly one line saying what and how to get it', () => {
  const r = decide(NEED, {});
  expect(r.available).toBe(false);
  expect(r.lines).toEqual([r.skipLine]);
  expect(r.skipLine).toBe('SKIPPED the frob tests: frob is not available: frob: not found in PATH. Get it: apt-get install frob.');
  expect(r.skipLine).not.toContain('\n');
  // CI=false or an empty CI is not CI.
  expect(decide(NEED, { CI: 'false' }).lines).toHaveLength(1);
  expect(decide(NEED, { CI: '' }).lines).toHaveLength(1);
});

test('a missing tool under CI=true is not skipped: no skip line, the block gets a failing test', () => {
  expect(decide(NEED, { CI: 'true' })).toEqual({ available: false, skipLine: null, lines: [] });
  expect(isCI({ CI: 'true' })).toBe(true);
  expect(isCI({ CI: '1' })).toBe(true);
  expect(isCI({})).toBe(false);
});

test('the skip variable skips on purpose, even with the tool there and under CI, and says how to undo it', () => {
  const r = decide({ ...NEED, missing: null }, { SKIP_FROB: '1', CI: 'true' });
  expect(r.available).toBe(false);
  expect(r.lines).toEqual(['SKIPPED the frob tests: SKIP_FROB=1. Unset SKIP_FROB to run it.']);
  expect(decide({ ...NEED, missing: null }, { SKIP_FROB: '0' }).available).toBe(true);
});

// The CI=true failure itself, seen from inside jest: the block registers one test that throws.
describe('under CI=true a missing tool registers a failing test', () => {
  const names: string[] = [];
  const tool = systemTool(NEED, { CI: 'true' }, () => {});
  // Capture what it registers instead of registering it: call its test() with a spy-able global.
  const realTest = globalThis.test;
  let thrown: unknown;
  (globalThis as { test: unknown }).test = (name: string, fn: () => void) => {
    names.push(name);
    try {
      fn();
    } catch (e) {
      thrown = e;
    }
  };
  try {
    tool.test('does frob things', () => {});
  } finally {
    (globalThis as { test: unknown }).test = realTest;
  }
  test('the failing test names the tool and how to get it', () => {
    expect(names).toEqual(['does frob things (needs frob)']);
    expect(String(thrown)).toMatch(
      /frob is not available \(frob: not found in PATH\), and CI=true requires it for the frob tests\. Get it: apt-get install frob\./,
    );
  });
});
