// Config search that stops (issue 13, finding 11): .policylint.json is looked for from the
// file's folder upwards, and the search stops at the repository root, at $HOME and at a
// file-system boundary, and never uses a folder anyone may write to (like /tmp) or one that
// another user owns: a planted config turns rules off. Real folders, real owners: the tests run
// as root (as CI does) and act as an unprivileged user with setpriv (util-linux); the boundary
// is a tmpfs mounted inside `unshare -rm`. Nothing is planted in the machine's own /tmp.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCommand } from './support/cli-command.js';
import { systemTool } from './support/system-tool.js';

const CLI = cliCommand();
const NOBODY = 65534;
const BAD = '::1/128 50 0\n2001:db8:: 45 14\n'; // one missing-prefix-length error
const RULE_OFF = JSON.stringify({ rules: { 'missing-prefix-length': 'off' } });
const isRoot = process.getuid?.() === 0;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'policylint-search-'));
  chmodSync(root, 0o755); // the unprivileged user must reach it
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder (made with its parents) holding `files`; returns its path. */
function folder(path: string, files: Record<string, string> = {}): string {
  const abs = join(root, path);
  mkdirSync(abs, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(abs, name), text);
  return abs;
}

function lint(file: string, options: { home?: string; prefix?: string[] } = {}) {
  const env = { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '', HOME: options.home ?? '/nonexistent' };
  const [cmd, ...args] = [...(options.prefix ?? []), process.execPath, ...CLI, file];
  const r = spawnSync(cmd!, args, { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The config was used: its rule is off, the file passes. */
const used = (r: ReturnType<typeof lint>) => expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: '' });
/** The config was not used: the error is reported. */
const ignored = (r: ReturnType<typeof lint>) => {
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('missing-prefix-length');
};

describe('the search stops', () => {
  test('control: a config in the folder above is used', () => {
    folder('plain', { '.policylint.json': RULE_OFF });
    const sub = folder('plain/etc', { 'a.ip6addrctl.conf': BAD });
    used(lint(join(sub, 'a.ip6addrctl.conf')));
  });
  test('at the repository root (a folder with .git)', () => {
    folder('above-repo', { '.policylint.json': RULE_OFF });
    folder('above-repo/repo/.git');
    const sub = folder('above-repo/repo/etc', { 'a.ip6addrctl.conf': BAD });
    ignored(lint(join(sub, 'a.ip6addrctl.conf')));
  });
  test("at the user's home", () => {
    folder('above-home', { '.policylint.json': RULE_OFF });
    const home = folder('above-home/home');
    const sub = folder('above-home/home/etc', { 'a.ip6addrctl.conf': BAD });
    ignored(lint(join(sub, 'a.ip6addrctl.conf'), { home }));
    used(lint(join(sub, 'a.ip6addrctl.conf'))); // the same tree with another $HOME
  });
});

describe('never in an unsafe folder', () => {
  test('a config planted in a world-writable folder (like /tmp) is not used, and a note says why', () => {
    const shared = folder('shared', { '.policylint.json': RULE_OFF });
    chmodSync(shared, 0o1777);
    const sub = folder('shared/project', { 'a.ip6addrctl.conf': BAD });
    const r = lint(join(sub, 'a.ip6addrctl.conf'));
    ignored(r);
    expect(r.stderr).toBe(`policylint: note: ${shared}/.policylint.json not used: ${shared} is not safe (anyone may write to it); pass --config to use it\n`);
  });
  test('a world-writable config file in a safe folder is not used either', () => {
    const dir = folder('writable-file', { '.policylint.json': RULE_OFF, 'a.ip6addrctl.conf': BAD });
    chmodSync(join(dir, '.policylint.json'), 0o666);
    const r = lint(join(dir, 'a.ip6addrctl.conf'));
    ignored(r);
    expect(r.stderr).toBe(`policylint: note: ${dir}/.policylint.json not used: anyone may write to it; pass --config to use it\n`);
  });
});

const asRoot = systemTool({
  tool: 'root (chown to another user)',
  missing: isRoot ? null : 'the tests do not run as root',
  skips: 'the other-user folder case of test/config-search.test.ts',
  get: 'run the tests as root, as CI does',
});
const setpriv = systemTool({
  tool: 'setpriv (util-linux), run as root',
  missing: !isRoot ? 'the tests do not run as root' : spawnSync('setpriv', ['--version']).status === 0 ? null : 'setpriv is not in PATH',
  skips: 'the other-user ownership cases of test/config-search.test.ts',
  get: 'apt-get install util-linux, and run the tests as root (as CI does)',
});

asRoot.describe('folders owned by another user', () => {
  test('as root: a config in a folder owned by uid 65534 is not used', () => {
    const theirs = folder('theirs', { '.policylint.json': RULE_OFF });
    chownSync(theirs, NOBODY, NOBODY);
    const sub = folder('theirs/etc', { 'a.ip6addrctl.conf': BAD });
    const r = lint(join(sub, 'a.ip6addrctl.conf'));
    ignored(r);
    expect(r.stderr).toBe(
      `policylint: note: ${theirs}/.policylint.json not used: ${theirs} is not safe (it belongs to another user (uid ${NOBODY})); pass --config to use it\n`,
    );
  });
});

setpriv.describe('as an unprivileged user (setpriv)', () => {
  const asNobody = ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--'];
  test("the user's own folder is trusted, and so is root's", () => {
    const mine = folder('nobody-own', { '.policylint.json': RULE_OFF });
    const sub = folder('nobody-own/etc', { 'a.ip6addrctl.conf': BAD });
    for (const p of [mine, sub, join(mine, '.policylint.json'), join(sub, 'a.ip6addrctl.conf')]) chownSync(p, NOBODY, NOBODY);
    used(lint(join(sub, 'a.ip6addrctl.conf'), { prefix: asNobody }));
    folder('root-own', { '.policylint.json': RULE_OFF });
    const rootSub = folder('root-own/etc', { 'a.ip6addrctl.conf': BAD });
    used(lint(join(rootSub, 'a.ip6addrctl.conf'), { prefix: asNobody }));
  });
  test('a config in a folder owned by another user (uid 1000) is not used', () => {
    const other = folder('other-user', { '.policylint.json': RULE_OFF });
    chownSync(other, 1000, 1000);
    const sub = folder('other-user/etc', { 'a.ip6addrctl.conf': BAD });
    const r = lint(join(sub, 'a.ip6addrctl.conf'), { prefix: asNobody });
    ignored(r);
    expect(r.stderr).toContain('it belongs to another user (uid 1000)');
  });
});

const unshare = systemTool({
  tool: '`unshare -rm` (user and mount namespaces) with a tmpfs mount',
  missing: spawnSync('unshare', ['-rm', 'true']).status === 0 ? null : '`unshare -rm true` failed',
  skips: 'the file-system boundary case of test/config-search.test.ts',
  get: 'apt-get install util-linux, and allow unprivileged user namespaces',
});

unshare.describe('at a file-system boundary', () => {
  test('a config on the file system above a mount point is not used for files inside it', () => {
    const top = folder('boundary', { '.policylint.json': RULE_OFF, 'a.ip6addrctl.conf': BAD });
    const mnt = folder('boundary/mnt');
    const script = `mount -t tmpfs -o mode=0755 none "$1" && mkdir "$1/etc" && printf '${BAD.replace(/\n/g, '\\n')}' > "$1/etc/a.ip6addrctl.conf" && shift && "$@"`;
    const inside = lint(join(mnt, 'etc', 'a.ip6addrctl.conf'), { prefix: ['unshare', '-rm', 'sh', '-c', script, 'sh', mnt] });
    ignored(inside);
    used(lint(join(top, 'a.ip6addrctl.conf'), { prefix: ['unshare', '-rm', 'sh', '-c', script, 'sh', mnt] }));
  });
});
