// Strict values (issue 13, finding 12), through the real CLI: every number option a whole
// number in range, every host address with its length, --glibc-version a glibc release, config
// sitePrefixes real ULA and global prefixes. Each refusal: exit 2, one line naming the value.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCommand } from './support/cli-command.js';

const CLI = cliCommand();
let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-values-'));
  file = join(dir, 'a.ip6addrctl.conf');
  writeFileSync(file, '::1/128 50 0\n::/0 40 1\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const refused = (args: string[], line: string) => expect(cli(args)).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });

test.each([
  ['--max-lines', '1.5', 'from 0 to 2000000'],
  ['--max-lines', '1e3', 'from 0 to 2000000'],
  ['--max-bytes', '0x10', 'from 0 to 268435456'],
  ['--max-bytes', '999999999999', 'from 0 to 268435456'],
  ['--max-warnings', '-1', 'from 0 to 9007199254740991'],
  ['--max-warnings', '007', 'from 0 to 9007199254740991'],
])('%s %s is refused', (option, value, range) => {
  refused([option, value, 'a.ip6addrctl.conf'], `policylint lint: ${option} needs a whole number ${range}, got "${value}" (see policylint help lint)`);
});

test('a whole number in range is taken', () => {
  const plain = cli(['a.ip6addrctl.conf']);
  expect(plain.code).not.toBe(2);
  expect(cli(['--max-lines', '2', '--max-bytes', '100', 'a.ip6addrctl.conf'])).toEqual(plain);
  expect(cli(['--max-lines', '1', 'a.ip6addrctl.conf']).stderr).toBe(
    'a.ip6addrctl.conf: more than 1 lines is over the line limit (raise it with --max-lines)\n',
  );
});

test.each([
  [['--glibc-version', 'banana'], 'explain: --glibc-version: expected a glibc release from 2.5 to 2.44, like "2.41", got "banana"'],
  [['--glibc-version', '2.99'], 'explain: --glibc-version: expected a glibc release from 2.5 to 2.44, like "2.41", got "2.99"'],
  [['--source', 'fd00::1'], 'explain: --source "fd00::1" needs its prefix length, like fd00::10/64 or 192.0.2.10/24'],
  [['--source', 'fd00::1/064'], 'explain: --source "fd00::1/064" needs a prefix length from 0 to 128'],
  [['--source', '192.0.2.1/33'], 'explain: --source "192.0.2.1/33" needs a prefix length from 0 to 32'],
  [['--deprecated', 'banana/64'], 'explain: --deprecated "banana/64" is not an IPv4 or IPv6 address'],
])('explain %j is refused', (args, line) => {
  refused(['explain', ...args, '2001:db8::1'], line);
});

test('explain takes a known glibc and addresses with their lengths', () => {
  const r = cli(['explain', '--glibc-version', '2.36', '--source', 'fd00::10/64', '--source', '192.0.2.10/24', '2001:db8::1', '198.51.100.7']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('2001:db8::1');
});

test('show --glibc-version is checked the same way', () => {
  refused(
    ['show', '--glibc-version', '2.x', 'a.ip6addrctl.conf'],
    'policylint show: --glibc-version: expected a glibc release from 2.5 to 2.44, like "2.41", got "2.x"',
  );
});

test.each([
  ['ula', '::ffff:1.2.3.4/8', 'is not a ULA prefix inside fc00::/7'],
  ['gua', '::ffff:1.2.3.4/8', 'is not a global prefix inside 2000::/3'],
  ['ula', 'fd00::/0128', 'is not an IPv6 prefix (ADDRESS/LEN)'],
])('config sitePrefixes.%s "%s" is refused', (kind, prefix, problem) => {
  const cfg = join(dir, `${kind}.json`);
  writeFileSync(cfg, JSON.stringify({ sitePrefixes: { [kind]: [prefix] } }));
  const r = cli(['--config', cfg, 'a.ip6addrctl.conf']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    new RegExp(`^policylint: ${cfg}: sitePrefixes\\.${kind}\\[0\\]: "${prefix.replace(/[.]/g, '\\.')}" ${problem.replace(/[().]/g, '\\$&')}`),
  );
  expect(r.stderr.split('\n')).toHaveLength(2);
});
