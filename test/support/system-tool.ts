// Tests that need a system tool (pre-commit, unshare and user namespaces, ...): they run when
// the tool is there. Without it they are skipped, with ONE line on stderr saying what is skipped
// and how to get the tool, except under CI=true, where a missing tool fails the run: CI must
// prove everything, a laptop must not be blocked by a missing package.
//
//   const preCommit = systemTool({ tool: 'pre-commit', missing: probe(), skips: '...', get: 'apt-get install pre-commit' });
//   preCommit.describe('...', () => { ... });
//
// `skipEnv` names a variable that skips on purpose (value 1) even where the tool is there,
// e.g. to leave out a slow networked test; it is reported the same way and is honoured under CI
// too, because someone asked for it explicitly.

export interface SystemToolNeed {
  /** The tool, as the user knows it: 'pre-commit', '`unshare -rm` with a tmpfs mount'. */
  tool: string;
  /** Why it cannot be used here, or null when it can. */
  missing: string | null;
  /** What is skipped without it: 'the real pre-commit hook run (test/pre-commit.test.ts)'. */
  skips: string;
  /** How to get it: 'apt-get install pre-commit'. */
  get: string;
  /** An environment variable that, set to 1, skips on purpose. */
  skipEnv?: string;
}

type Body = () => void;

export interface SystemTool {
  /** True when the tests run. */
  readonly available: boolean;
  /** The line printed when they are skipped (null when they run). */
  readonly skipLine: string | null;
  describe(name: string, fn: Body): void;
  test(name: string, fn: jest.ProvidesCallback, timeout?: number): void;
}

export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

/** Decides, once per test file, whether tests needing `need.tool` run, skip or fail. */
export function systemTool(
  need: SystemToolNeed,
  env: NodeJS.ProcessEnv = process.env,
  // stderr, not console.warn: jest decorates console output over several lines with a stack.
  report: (line: string) => void = (line) => void process.stderr.write(`${line}\n`),
): SystemTool {
  const onPurpose = need.skipEnv !== undefined && env[need.skipEnv] === '1';
  if (need.missing === null && !onPurpose) {
    return { available: true, skipLine: null, describe: (n, fn) => describe(n, fn), test: (n, fn, t) => test(n, fn, t) };
  }
  if (!onPurpose && isCI(env)) {
    // Fail loudly: one failing test per block, naming the tool and how to get it.
    const message = `${need.tool} is not available (${need.missing}), and CI=true requires it for ${need.skips}. Get it: ${need.get}.`;
    const fail = () => {
      throw new Error(message);
    };
    return {
      available: false,
      skipLine: null,
      describe: (n) => describe(n, () => test(`needs ${need.tool}`, fail)),
      test: (n) => test(`${n} (needs ${need.tool})`, fail),
    };
  }
  const why = onPurpose ? `${need.skipEnv}=1` : `${need.tool} is not available: ${(need.missing ?? '').replace(/[.\s]+$/, '')}`;
  const line = `SKIPPED ${need.skips}: ${why}. ${onPurpose ? `Unset ${need.skipEnv} to run it` : `Get it: ${need.get}`}.`;
  report(line);
  return {
    available: false,
    skipLine: line,
    describe: (n, fn) => describe.skip(n, fn),
    test: (n, fn, t) => test.skip(n, fn, t),
  };
}
