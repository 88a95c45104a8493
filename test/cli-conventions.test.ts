// Text conventions: colour by NO_COLOR / FORCE_COLOR / --[no-]color, plurals, and
// --fix-dry-run saying what it does not show.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { colorEnabled } from '../src/cli/format/color.js';
import { cliCommand } from './support/cli-command.js';
import { ROOT } from './support/generators.js';

const CLI = cliCommand();
const WARN = join(ROOT, 'fixtures', 'freebsd', 'ula-precedence-only.ip6addrctl.conf'); // one warning, one unsafe fix
const ESC = '\u001b[';

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const base: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: '' };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...base, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('colour', () => {
  test.each([
    [{}, false, undefined, false],
    [{}, true, undefined, true],
    [{ TERM: 'dumb' }, true, undefined, false],
    [{ NO_COLOR: '1' }, true, undefined, false],
    [{ NO_COLOR: '' }, true, undefined, true], // an empty NO_COLOR is unset
    [{ FORCE_COLOR: '1' }, false, undefined, true], // even in a pipe
    [{ FORCE_COLOR: '3' }, false, undefined, true],
    [{ FORCE_COLOR: '' }, false, undefined, true],
    [{ FORCE_COLOR: '0' }, true, undefined, false],
    [{ FORCE_COLOR: 'false' }, true, undefined, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, undefined, true],
    [{ NO_COLOR: '1' }, false, true, true], // --color wins
    [{ FORCE_COLOR: '1' }, true, false, false], // --no-color wins
  ])('env %j, tty %s, flag %s -> %s', (env, tty, flag, expected) => {
    expect(colorEnabled(env, () => tty, flag)).toBe(expected);
  });
  test('through the CLI, in a pipe', () => {
    expect(run([WARN]).stdout).not.toContain(ESC);
    expect(run([WARN], { FORCE_COLOR: '1' }).stdout).toContain(`${ESC}33mwarning`);
    expect(run([WARN, '--color'], { NO_COLOR: '1' }).stdout).toContain(ESC);
    expect(run([WARN, '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
  });
});

test('plurals: one warning, one fix', () => {
  const r = run([WARN, '--max-warnings', '0']);
  expect(r.stderr).toBe('policylint: 1 warning is more than --max-warnings 0\n');
  expect(r.stdout).toContain('1 problem (0 errors, 1 warning, 0 info)\n1 with --fix --unsafe-fixes (changes behaviour)');
});

test('--fix-dry-run says when only unsafe fixes exist, and shows them with --unsafe-fixes', () => {
  const safeOnly = run(['--fix-dry-run', WARN]);
  expect(safeOnly).toMatchObject({ code: 0, stdout: '' });
  expect(safeOnly.stderr).toMatch(/: no safe fixes; 1 unsafe fix \(they change behaviour\): see them with --fix-dry-run --unsafe-fixes\n$/);
  const all = run(['--fix-dry-run', '--unsafe-fixes', WARN]);
  expect(all).toMatchObject({ code: 0, stderr: '' });
  expect(all.stdout).toContain('-fc00::/7         37 13\n+fc00::/7         37 1\n');
});
