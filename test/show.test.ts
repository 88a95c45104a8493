// `policylint show`: the table the system really uses, in ip6addrctl show's layout and as JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'policylint.js');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, timeout: 60000 });
  expect(r.stderr.toString()).not.toMatch(/^\s+at /m);
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

const dir = mkdtempSync(join(tmpdir(), 'policylint-show-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('policylint show', () => {
  const good = file('good.ip6addrctl.conf', '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n::/0 30 2\nfe80::%em0/64 40 1\n::/96 1 -1\n');
  const aborted = file('bad.ip6addrctl.conf', '::/0 40 1\n::1 50 0\n');
  const leftover = file('leftover.ip6addrctl.conf', '::1/128\t50\t\t0\n::/96 1\n');

  test('ip6addrctl.conf: the kernel table after flush and install, refused rows named', () => {
    const r = run(['show', '--interfaces', 'lo0,em0', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `${good}: line 4: the kernel refused the row: File exists`,
        `${good}: line 6: the kernel refused the row: Invalid argument`,
        'Prefix                          Prec Label      Use',
        '::1/128                           50     0        0',
        '::/0                              40     1        0',
        '::ffff:0.0.0.0/96                 35     4        0',
        'fe80::%em0/64                     40     1        0',
        '',
      ].join('\n'),
    );
  });

  test('an aborted install leaves an empty table, said loudly; exit 1', () => {
    const r = run(['show', aborted]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('aborts at line 2');
    expect(r.stdout).toContain('NO policy');
    expect(r.stdout).toMatch(/no source-address-selection policy is installed\n$/);
  });

  test('a named zone without --interfaces depends on the host; SKIP_WORD reads leftover bytes', () => {
    expect(run(['show', good])).toMatchObject({ code: 1, stdout: expect.stringContaining('depends on the host') });
    expect(run(['show', leftover]).stdout).toContain('::/96                              1     0        0');
  });

  test('--format json: one object per file, in order', () => {
    const r = run(['show', '--format', 'json', '--interfaces', 'lo0,em0', aborted, good, join(ROOT, 'fixtures/glibc/prefer-ipv4.gai.conf')]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.map((o: { outcome: string }) => o.outcome)).toEqual(['aborted', 'installed', 'installed']);
    expect(out[0]).toEqual({ filePath: aborted, dialect: 'ip6addrctl', outcome: 'aborted', line: 2, rows: [], refused: [] });
    expect(out[1].rows[3]).toEqual({ prefix: 'fe80::/64', precedence: 40, label: 1 });
    expect(out[1].refused).toEqual([
      { line: 4, error: 'File exists' },
      { line: 6, error: 'Invalid argument' },
    ]);
    expect(out[2]).toMatchObject({ dialect: 'gai', line: null, refused: [] });
    expect(out[2].rows).toContainEqual({ prefix: '::ffff:0.0.0.0/96', precedence: 100, label: 4 });
    expect(out[2].scopev4).toContainEqual({ prefix: '0.0.0.0/0', scope: 14 });
    const undefinedRun = JSON.parse(run(['show', '--format', 'json', file('u.ip6addrctl.conf', '::/0 40\n')]).stdout)[0];
    expect(undefinedRun).toMatchObject({ outcome: 'undefined', line: 1, rows: null });
  });

  test('convert --to show prints the same rows', () => {
    const plain = file('plain.ip6addrctl.conf', '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n::/0 30 2\n');
    expect(run(['convert', plain, '--to', 'show']).stdout).toBe(run(['show', plain]).stdout.replace(/^.*refused.*\n/m, ''));
    const gai = join(ROOT, 'fixtures/glibc/debian-12.gai.conf');
    expect(run(['show', gai]).stdout.startsWith(run(['convert', gai, '--to', 'show']).stdout)).toBe(true);
  });

  test('usage: no files, a bad interface list, a missing file: exit 2 with one line', () => {
    expect(run(['show']).code).toBe(2);
    expect(run(['show', '--interfaces', 'em0,,x', good])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^policylint show: --interfaces: .*\n$/) });
    expect(run(['show', join(dir, 'nope.ip6addrctl.conf')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no such file\n$/) });
  });
});
