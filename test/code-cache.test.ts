// bin/policylint.cjs runs the bundle with V8's code cache when a trustworthy one exists for
// this Node, makes one when there is none, and falls back cleanly from anything else.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCommand } from './support/cli-command.js';
import { ROOT } from './support/generators.js';

const WARN = join(ROOT, 'fixtures', 'freebsd', 'ula-precedence-only.ip6addrctl.conf');

/** A private copy of the package's entry and bundle, so the real .v8-cache is never touched. */
function packageCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-cache-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(ROOT, 'bin', 'policylint.cjs'), join(dir, 'bin', 'policylint.cjs'));
  copyFileSync(join(ROOT, 'dist', 'policylint.cjs'), join(dir, 'dist', 'policylint.cjs'));
  return dir;
}

function run(dir: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'policylint.cjs'), WARN], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '', POLICYLINT_DEBUG: '1', ...env },
    timeout: 60_000,
  });
  const state = /^policylint: code cache (\w+): /m.exec(r.stderr)?.[1];
  return { code: r.status, stdout: r.stdout, state };
}

beforeAll(() => {
  if (cliCommand()[0] !== join(ROOT, 'bin', 'policylint.cjs')) throw new Error('dist/ is missing or older than src/: run `npm run build` first');
});

test('the first run makes the cache, the next one uses it, and both print the same', () => {
  const dir = packageCopy();
  const first = run(dir);
  expect(first).toMatchObject({ code: 0, state: 'missing' });
  const files = readdirSync(join(dir, '.v8-cache'));
  expect(files).toEqual([`policylint-${process.version}-${process.arch}-v8-${process.versions.v8}.bin`]);
  const second = run(dir);
  expect(second).toMatchObject({ code: 0, state: 'hit', stdout: first.stdout });
  expect(second.stdout).toContain('ula-gua-label-mismatch');
});

test('a corrupt cache is rejected by V8, the run is normal, and the cache is remade', () => {
  const dir = packageCopy();
  run(dir);
  const [file] = readdirSync(join(dir, '.v8-cache'));
  const path = join(dir, '.v8-cache', file!);
  writeFileSync(path, Buffer.alloc(4096, 7));
  const r = run(dir);
  expect(r).toMatchObject({ code: 0, state: 'rejected', stdout: expect.stringContaining('ula-gua-label-mismatch') });
  expect(readFileSync(path).equals(Buffer.alloc(4096, 7))).toBe(false);
  expect(run(dir).state).toBe('hit');
});

test('a cache others could have written is never loaded nor replaced', () => {
  const dir = packageCopy();
  run(dir);
  chmodSync(join(dir, '.v8-cache'), 0o777);
  const [file] = readdirSync(join(dir, '.v8-cache'));
  const before = readFileSync(join(dir, '.v8-cache', file!));
  expect(run(dir)).toMatchObject({ code: 0, state: 'untrusted' });
  expect(readFileSync(join(dir, '.v8-cache', file!)).equals(before)).toBe(true);
  chmodSync(join(dir, '.v8-cache'), 0o755);
  chmodSync(join(dir, '.v8-cache', file!), 0o666);
  expect(run(dir).state).toBe('untrusted');
});

test('POLICYLINT_CODE_CACHE=0 turns it off; an unwritable package still runs', () => {
  const dir = packageCopy();
  expect(run(dir, { POLICYLINT_CODE_CACHE: '0' })).toMatchObject({ code: 0, state: 'off' });
  expect(readdirSync(dir)).not.toContain('.v8-cache');
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    expect(run(dir)).toMatchObject({ code: 0, state: 'missing' });
    chmodSync(dir, 0o755);
  }
});
