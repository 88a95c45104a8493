// The CLI bundle loads Chevrotain and the gai.conf grammar only when it reads a gai.conf
// (grammar/gaiconf-entry-lazy.ts): `--version` and an ip6addrctl.conf lint start without
// them (issue 10), and a gai.conf still reads exactly as before.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cliCommand } from './support/cli-command.js';
import { ROOT } from './support/generators.js';

const LOADED = 'policylint: loaded the gai.conf grammar (Chevrotain)';
const IP6 = join(ROOT, 'fixtures', 'freebsd', 'ula-precedence-only.ip6addrctl.conf');
const GAI = join(ROOT, 'fixtures', 'glibc', 'prefer-ipv4.gai.conf');

function run(args: string[], debug = '1') {
  const r = spawnSync(process.execPath, [...cliCommand(), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', POLICYLINT_DEBUG: debug },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, loads: r.stderr.split('\n').filter((l) => l === LOADED).length };
}

beforeAll(() => {
  if (cliCommand()[0] !== join(ROOT, 'bin', 'policylint.cjs')) throw new Error('dist/ is missing or older than src/: run `npm run build` first');
});

test('--version and an ip6addrctl.conf lint never load the gai.conf grammar', () => {
  expect(run(['--version'])).toMatchObject({ code: 0, loads: 0 });
  const lint = run([IP6]);
  expect(lint).toMatchObject({ loads: 0, stdout: expect.stringContaining('ula-gua-label-mismatch') });
});

test('gai.conf files load it once, and read the same as without the trace', () => {
  const traced = run(['--format', 'json', GAI, IP6, GAI]);
  expect(traced.loads).toBe(1);
  const plain = run(['--format', 'json', GAI, IP6, GAI], '');
  expect(plain.loads).toBe(0);
  expect(traced.stdout).toBe(plain.stdout);
  expect(traced.stdout).toContain('prefer-ipv4.gai.conf');
});
