// The CLI writes standard output straight to descriptor 1 (src/cli/run.ts, for its cold
// start), and hands over to process.stdout when the descriptor will not take more now. This
// runs it with a non-blocking pipe that nobody reads until the CLI has written more than a
// pipe holds (EAGAIN), and with a reader that closes early (EPIPE).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCommand } from './support/cli-command.js';
import { systemTool } from './support/system-tool.js';

/** A table whose 3,000 rows each have host bits set: a finding per line, well over a 64 KB pipe of output. */
function bigFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'policylint-stdout-')), 'big.ip6addrctl.conf');
  const rows = ['::1/128 50 0', '::/0 40 1', '::ffff:0:0/96 35 4'];
  for (let i = 0; i < 3000; i++) rows.push(`2001:db8:${i.toString(16)}::1/48 40 1`);
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}
const BIG = bigFile();

/** Python runs the CLI with stdout a non-blocking pipe, reads it only after a pause, and prints what arrived. */
const PYTHON = `
import os, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
os.close(w)
time.sleep(1.0)
chunks = []
while True:
    b = os.read(r, 65536)
    if not b: break
    chunks.append(b)
err = p.stderr.read()
code = p.wait()
sys.stdout.buffer.write(b''.join(chunks))
sys.stderr.write(f"exit {code} stderr {len(err)}\\n")
`;

const python = systemTool({
  tool: 'python3',
  missing: spawnSync('python3', ['-c', 'import os; os.set_blocking']).status === 0 ? null : 'python3 -c "import os" failed',
  skips: 'the non-blocking stdout pipe test (test/stdout-direct.test.ts)',
  get: 'apt-get install python3',
});

python.test('a full non-blocking pipe gets every byte, in order', () => {
  const args = [...cliCommand(), '--format', 'json', BIG];
  const expected = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  expect(expected.stdout.length).toBeGreaterThan(200_000);
  const r = spawnSync('python3', ['-c', PYTHON, process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  expect(r.stderr.trim()).toBe(`exit ${expected.status} stderr 0`);
  expect(r.stdout).toBe(expected.stdout);
});

test('a reader that stops early ends the run quietly', () => {
  const r = spawnSync('sh', ['-c', `"$0" "$@" | head -c 100 >/dev/null`, process.execPath, ...cliCommand(), '--format', 'json', BIG], {
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
});

/** Two tables that differ in every one of 3,000 /48s: diff prints a line for each, through its reused byte buffer. */
function bigDiff(): [string, string] {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-stdout-diff-'));
  const table = (precedence: number) => {
    const rows = ['::1/128 50 0', '::/0 40 1', '::ffff:0:0/96 35 4'];
    for (let i = 0; i < 3000; i++) rows.push(`2001:db8:${i.toString(16)}::/48 ${precedence} ${i % 7}`);
    return `${rows.join('\n')}\n`;
  };
  writeFileSync(join(dir, 'a.ip6addrctl.conf'), table(40));
  writeFileSync(join(dir, 'b.ip6addrctl.conf'), table(45));
  return [join(dir, 'a.ip6addrctl.conf'), join(dir, 'b.ip6addrctl.conf')];
}

python.test('diff: a full non-blocking pipe gets every byte of the reused buffer, in order (copied when it waits)', () => {
  const args = [...cliCommand(), 'diff', ...bigDiff()];
  const expected = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(expected.status).toBe(1);
  expect(expected.stdout.length).toBeGreaterThan(200_000);
  expect(expected.stdout.split('\n')).toHaveLength(2 + 3000 + 1);
  const r = spawnSync('python3', ['-c', PYTHON, process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(r.stderr.trim()).toBe('exit 1 stderr 0');
  expect(r.stdout).toBe(expected.stdout);
});
