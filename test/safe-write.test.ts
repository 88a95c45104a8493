// Safe writes, on real files in temp folders, through the real CLI (bin/policylint.js, or
// the sources through tsx when the bundle is older than src/):
// temp file + rename (nothing left behind), mode kept, symlinks written through, a failed
// write (read-only file system, full disk) leaves the original byte-identical and exits 2
// with the reason, --fix refuses a file that changed since it was read, names up to
// NAME_MAX, -o naming no file or a folder, the size limit, and encodings (UTF-8 with BOM,
// latin1) never mangled on write. The write path in process: what it refuses to replace.
// A hostile folder (races, FIFOs, devices, setuid, signals): test/hostile-write.test.ts.
//
// Tests run as root here, where chmod 0555 does not stop a write: the read-only and
// full-disk cases mount a tmpfs inside `unshare -rm` (a private user and mount
// namespace), remount it read-only or fill it, and run the CLI in there.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/generators.js';
import { readSnapshot, tempNameFor, WriteRefused, writeFileSafely } from '../src/cli/safe-write.js';
import { decodeBytes } from '../src/cli/input.js';
import { cliCommand } from './support/cli-command.js';
import { systemTool } from './support/system-tool.js';

const CLI = cliCommand();
const CLI_SH = [process.execPath, ...CLI].map((a) => `'${a}'`).join(' ');

function run(args: string[], options: { input?: string | Buffer; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const stderr = r.stderr.toString();
  expect(stderr).not.toMatch(/^ {4}at /m);
  return { code: r.status, stdout: r.stdout.toString(), stdoutBytes: r.stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'policylint-safe-'));
const entries = (dir: string) => readdirSync(dir).sort();
const mode = (p: string) => statSync(p).mode & 0o7777;

/** A file with one safe fix: `loopback` after the label becomes `# loopback`. */
const FIXABLE = '# site table\n::1/128        50  0 loopback\n::/0           40  1\n';
const FIXED = '# site table\n::1/128        50  0 # loopback\n::/0           40  1\n';
const GAI = '# site\nlabel ::1/128 0\nlabel ::/0 1\nprecedence ::1/128 50\nprecedence ::/0 40\n';

describe('--fix writes atomically', () => {
  test('temp file + rename: new inode, content fixed, nothing left behind, mode kept', () => {
    const dir = tmp();
    const file = join(dir, 'policy.ip6addrctl.conf');
    writeFileSync(file, FIXABLE);
    chmodSync(file, 0o640);
    const inode = statSync(file).ino;
    const r = run([file, '--fix']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).ino).not.toBe(inode); // replaced by rename, not rewritten in place
    expect(mode(file)).toBe(0o640);
    expect(entries(dir)).toEqual(['policy.ip6addrctl.conf']);
  });

  test.each([0o600, 0o644, 0o444, 0o755])('mode %o is kept', (m) => {
    const dir = tmp();
    const file = join(dir, 'policy.ip6addrctl.conf');
    writeFileSync(file, FIXABLE);
    chmodSync(file, m);
    expect(run([file, '--fix']).code).toBe(0);
    expect(mode(file)).toBe(m);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  test('nothing to fix: the file is not touched at all (same inode, same mtime)', () => {
    const dir = tmp();
    const file = join(dir, 'policy.gai.conf');
    writeFileSync(file, GAI);
    const before = statSync(file);
    expect(run([file, '--fix']).code).toBe(0);
    const after = statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  test('a symlinked config is written through to its target; the link stays a link', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'etc'));
    const target = join(dir, 'real', 'site.ip6addrctl.conf');
    writeFileSync(target, FIXABLE);
    chmodSync(target, 0o600);
    const link = join(dir, 'etc', 'ip6addrctl.conf');
    symlinkSync('../real/site.ip6addrctl.conf', link);
    expect(run([link, '--fix']).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('../real/site.ip6addrctl.conf');
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    expect(mode(target)).toBe(0o600);
    expect(entries(join(dir, 'etc'))).toEqual(['ip6addrctl.conf']);
    expect(entries(join(dir, 'real'))).toEqual(['site.ip6addrctl.conf']);
  });

  test('a chain of symlinks is followed to the last target', () => {
    const dir = tmp();
    const target = join(dir, 'target.ip6addrctl.conf');
    writeFileSync(target, FIXABLE);
    symlinkSync(target, join(dir, 'one.ip6addrctl.conf'));
    symlinkSync('one.ip6addrctl.conf', join(dir, 'two.ip6addrctl.conf'));
    expect(run([join(dir, 'two.ip6addrctl.conf'), '--fix']).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    expect(lstatSync(join(dir, 'one.ip6addrctl.conf')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'two.ip6addrctl.conf')).isSymbolicLink()).toBe(true);
    expect(entries(dir)).toEqual(['one.ip6addrctl.conf', 'target.ip6addrctl.conf', 'two.ip6addrctl.conf']);
  });
});

describe('convert -o and --in-place write atomically', () => {
  test('-o to a new file: written whole, mode 0644, no temp file left', () => {
    const dir = tmp();
    const src = join(dir, 'in.gai.conf');
    writeFileSync(src, GAI);
    const out = join(dir, 'out.ip6addrctl.conf');
    const r = run(['convert', src, '--to', 'ip6addrctl', '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(run(['convert', src, '--to', 'ip6addrctl']).stdout);
    expect(mode(out) & 0o777).toBe(0o644 & ~process.umask());
    expect(entries(dir)).toEqual(['in.gai.conf', 'out.ip6addrctl.conf']);
  });

  test('-o over an existing file: replaced by rename, its mode kept', () => {
    const dir = tmp();
    const src = join(dir, 'in.gai.conf');
    writeFileSync(src, GAI);
    const out = join(dir, 'out.ip6addrctl.conf');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o600);
    const inode = statSync(out).ino;
    expect(run(['convert', src, '--to', 'ip6addrctl', '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^::1\/128/m);
    expect(statSync(out).ino).not.toBe(inode);
    expect(mode(out)).toBe(0o600);
    expect(entries(dir)).toEqual(['in.gai.conf', 'out.ip6addrctl.conf']);
  });

  test('-o naming the input itself is refused without --in-place; the input is untouched', () => {
    const dir = tmp();
    const src = join(dir, 'in.gai.conf');
    writeFileSync(src, GAI);
    const r = run(['convert', src, '--to', 'gai', '-o', src]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --in-place');
    expect(readFileSync(src, 'utf8')).toBe(GAI);
  });

  test('--in-place rewrites the input through a symlink, the link stays', () => {
    const dir = tmp();
    const target = join(dir, 'real.gai.conf');
    writeFileSync(target, 'label ::1/128 0\nlabel ::/0 1\nprecedence ::1/128 50\nprecedence ::/0 40\n');
    chmodSync(target, 0o640);
    const link = join(dir, 'gai.conf');
    symlinkSync('real.gai.conf', link);
    expect(run(['convert', link, '--to', 'gai', '--in-place']).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^label +::1\/128 +0$/m);
    expect(mode(target)).toBe(0o640);
    expect(entries(dir)).toEqual(['gai.conf', 'real.gai.conf']);
  });

  test('-o to a symlink in another folder: written through to the target', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const src = join(dir, 'in.gai.conf');
    writeFileSync(src, GAI);
    writeFileSync(join(dir, 'b', 'target.conf'), 'old\n');
    symlinkSync('../b/target.conf', join(dir, 'a', 'link.conf'));
    expect(run(['convert', src, '--to', 'ip6addrctl', '-o', join(dir, 'a', 'link.conf')]).code).toBe(0);
    expect(lstatSync(join(dir, 'a', 'link.conf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'b', 'target.conf'), 'utf8')).toMatch(/^::1\/128/m);
    expect(entries(join(dir, 'b'))).toEqual(['target.conf']);
  });

  // Found and fixed (docs/guarantees.md, 5): a dangling link's absolute target was joined to
  // the link's folder, so the write failed with ENOENT.
  test('-o to a dangling symlink with an absolute target creates the target (link stays)', () => {
    const dir = tmp();
    const src = join(dir, 'in.gai.conf');
    writeFileSync(src, GAI);
    const target = join(dir, 'new-target.conf');
    symlinkSync(target, join(dir, 'link.conf'));
    const r = run(['convert', src, '--to', 'ip6addrctl', '-o', join(dir, 'link.conf')]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(lstatSync(join(dir, 'link.conf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^::1\/128/m);
  });
});

describe('names and -o values', () => {
  test.each([
    ['255 ASCII bytes', `${'p'.repeat(239)}.ip6addrctl.conf`],
    ['254 bytes of two-byte characters', `${'é'.repeat(119)}.ip6addrctl.conf`],
  ])('--fix of a file whose name is %s: fixed, no temp file left', (_what, name) => {
    const dir = tmp();
    const file = join(dir, name);
    writeFileSync(file, FIXABLE);
    const r = run([file, '--fix']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(entries(dir)).toEqual([name]);
  });

  test('the temp name fits NAME_MAX and cuts a long name at a character boundary', () => {
    for (const name of ['a'.repeat(255), '日'.repeat(85), 'x.conf']) {
      const temp = tempNameFor(join('/srv', name)).slice('/srv/'.length);
      expect(Buffer.byteLength(temp)).toBeLessThanOrEqual(255);
      expect(temp).toMatch(/^\..+\.[0-9a-f]{12}\.tmp$/u);
      expect(temp).not.toContain('\ufffd');
    }
  });

  test.each([
    ["''", '', 'policylint convert: -o needs a file name, not an empty string (leave out -o to print to standard output)\n'],
    [
      '.',
      '.',
      'policylint: .: is a folder, not a regular file; convert -o writes only regular files (leave out -o to print to standard output), so nothing was written\n',
    ],
    [
      'sub/',
      'sub/',
      'policylint: sub/: is a folder, not a regular file; convert -o writes only regular files (leave out -o to print to standard output), so nothing was written\n',
    ],
    ['a missing folder', 'missing/out.conf', /^policylint: missing\/out\.conf: cannot write: its folder .*missing does not exist; nothing was written\n$/],
  ])('-o %s: refused with one line, exit 2, nothing written in the folder', (_what, output, message) => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.gai.conf'), GAI);
    mkdirSync(join(dir, 'sub'));
    const r = run(['convert', 'in.gai.conf', '--to', 'ip6addrctl', '-o', output], { cwd: dir });
    expect(r.code).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
    expect(entries(dir)).toEqual(['in.gai.conf', 'sub']);
    expect(entries(join(dir, 'sub'))).toEqual([]);
  });
});

describe('the write path replaces only the file that was read', () => {
  const readFrom = (file: string) => {
    const st = statSync(file);
    return readSnapshot({ ...decodeBytes(file, readFileSync(file)), mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino });
  };
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error instanceof WriteRefused ? error.kind : `not refused: ${String(error)}`;
    }
    return 'written';
  };

  test('the same bytes in another file (same mtime): refused as changed, both files untouched', async () => {
    const dir = tmp();
    const read = join(dir, 'a.conf');
    writeFileSync(read, FIXABLE);
    const snapshot = readFrom(read);
    const other = join(dir, 'b.conf');
    writeFileSync(other, FIXABLE);
    const { mtime } = statSync(read);
    utimesSync(other, mtime, mtime);
    expect(await refusal(writeFileSafely(other, FIXED, { replacing: snapshot }))).toBe('changed');
    expect([readFileSync(read, 'utf8'), readFileSync(other, 'utf8')]).toEqual([FIXABLE, FIXABLE]);
    expect(entries(dir)).toEqual(['a.conf', 'b.conf']);
  });

  test('edited in place to bytes of the same length, or removed: refused as changed', async () => {
    const dir = tmp();
    const file = join(dir, 'a.conf');
    writeFileSync(file, FIXABLE);
    const snapshot = readFrom(file);
    writeFileSync(file, FIXABLE.replace('site', 'SITE'));
    expect(await refusal(writeFileSafely(file, FIXED, { replacing: snapshot }))).toBe('changed');
    expect(readFileSync(file, 'utf8')).toBe(FIXABLE.replace('site', 'SITE'));
    rmSync(file);
    expect(await refusal(writeFileSafely(file, FIXED, { replacing: snapshot }))).toBe('changed');
    expect(entries(dir)).toEqual([]);
  });

  test('unchanged: written, and the gap from the last check to the rename is reported', async () => {
    const dir = tmp();
    const file = join(dir, 'a.conf');
    writeFileSync(file, FIXABLE);
    const outcome = await writeFileSafely(file, FIXED, { replacing: readFrom(file) });
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(typeof outcome.checkToRenameNs).toBe('bigint');
    expect(outcome.notes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Failing writes, on a file system that really refuses (tmpfs in a private namespace)
// ---------------------------------------------------------------------------------------

const unshareWorks = (() => {
  const r = spawnSync(
    'unshare',
    ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs tmpfs "$d" && mount -o remount,ro "$d" && ! touch "$d/x" 2>/dev/null && echo ok'],
    { timeout: 20000 },
  );
  return r.status === 0 && r.stdout.toString().trim() === 'ok';
})();
const inNamespace = systemTool({
  tool: '`unshare -rm` with a tmpfs mount',
  missing: unshareWorks ? null : 'a private user+mount namespace with a read-only tmpfs could not be set up',
  skips: 'the read-only and full-disk safe-write tests (test/safe-write.test.ts)',
  get: 'run on Linux with util-linux (apt-get install util-linux) where user namespaces are permitted (sysctl kernel.unprivileged_userns_clone=1, or as root)',
}).test;

/** Runs `script` (sh) in a private mount namespace with $MNT a fresh tmpfs; $CLI runs policylint. */
function namespaced(script: string, tmpfsOptions = 'size=1m') {
  const dir = tmp();
  const mnt = join(dir, 'mnt');
  mkdirSync(mnt);
  const full = `set -u\nMNT='${mnt}'\nmount -t tmpfs -o ${tmpfsOptions} tmpfs "$MNT"\ncli() { ${CLI_SH} "$@"; }\n${script}`;
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', full], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 60000 });
  const stderr = r.stderr.toString();
  expect(stderr).not.toMatch(/^ {4}at /m);
  return { code: r.status, stdout: r.stdout.toString(), stderr };
}

describe('a write that fails leaves the original byte-identical and exits 2 with the reason', () => {
  inNamespace('--fix on a read-only file system', () => {
    const r = namespaced(`
      printf '%s' '${FIXABLE}' > "$MNT/policy.ip6addrctl.conf"
      before=$(sha256sum < "$MNT/policy.ip6addrctl.conf")
      mount -o remount,ro "$MNT"
      cli "$MNT/policy.ip6addrctl.conf" --fix 2>"$MNT/../err"; echo "code=$?"
      cat "$MNT/../err" >&2
      after=$(sha256sum < "$MNT/policy.ip6addrctl.conf")
      [ "$before" = "$after" ] && echo same
      ls -A "$MNT"
    `);
    expect(r.stdout).toMatch(/^code=2$/m);
    expect(r.stdout).toMatch(/^same$/m);
    expect(r.stdout.trim().split('\n').slice(-1)).toEqual(['policy.ip6addrctl.conf']);
    expect(r.stderr).toMatch(/policy\.ip6addrctl\.conf: could not write the fix: .*(read-only|EROFS).*the file is unchanged/);
  });

  // The reason printed for EROFS is "cannot read (EROFS)" today (ioReason only knows read
  // errors): the message must say the file system is read-only, not that a read failed.
  inNamespace('--fix on a read-only file system names the reason as a write failure, not a read failure', () => {
    const r = namespaced(`
      printf '%s' '${FIXABLE}' > "$MNT/policy.ip6addrctl.conf"
      mount -o remount,ro "$MNT"
      cli "$MNT/policy.ip6addrctl.conf" --fix >/dev/null; echo "code=$?"
    `);
    expect(r.stdout).toMatch(/^code=2$/m);
    expect(r.stderr).not.toMatch(/cannot read/);
    expect(r.stderr).toMatch(/read-only file system/i);
  });

  inNamespace('convert -o onto a read-only file system: exit 2, the existing output untouched', () => {
    const r = namespaced(`
      printf 'old output\\n' > "$MNT/out.conf"
      mount -o remount,ro "$MNT"
      cli convert fixtures/glibc/debian-12.gai.conf --to ip6addrctl -o "$MNT/out.conf"; echo "code=$?"
      cat "$MNT/out.conf"
      ls -A "$MNT"
    `);
    expect(r.stdout).toMatch(/^code=2$/m);
    expect(r.stdout).toMatch(/^old output$/m);
    expect(r.stdout.trim().split('\n').slice(-1)).toEqual(['out.conf']);
    expect(r.stderr).toMatch(/out\.conf: cannot write: .*(EROFS|read-only)/i);
  });

  inNamespace('--fix on a full disk (ENOSPC): original byte-identical, exit 2, no temp file left', () => {
    // A 64 kB tmpfs, filled up after the policy is written: the temp file cannot be written.
    const big = 'x'.repeat(200) + '\n';
    const r = namespaced(
      `
      { printf '%s' '${FIXABLE}'; i=0; while [ $i -lt 30 ]; do printf '# %s' '${big}'; i=$((i+1)); done; } > "$MNT/policy.ip6addrctl.conf"
      before=$(sha256sum < "$MNT/policy.ip6addrctl.conf")
      dd if=/dev/zero of="$MNT/filler" bs=1k count=1024 2>/dev/null
      cli "$MNT/policy.ip6addrctl.conf" --fix >/dev/null; echo "code=$?"
      after=$(sha256sum < "$MNT/policy.ip6addrctl.conf")
      [ "$before" = "$after" ] && echo same
      ls -A "$MNT"
    `,
      'size=64k',
    );
    expect(r.stdout).toMatch(/^code=2$/m);
    expect(r.stdout).toMatch(/^same$/m);
    expect(r.stdout.trim().split('\n').slice(-2)).toEqual(['filler', 'policy.ip6addrctl.conf']);
    expect(r.stderr).toMatch(/could not write the fix: .*ENOSPC.*the file is unchanged/);
  });

  inNamespace('convert -o on a full disk: exit 2, the old output kept whole, no temp file left', () => {
    const r = namespaced(
      `
      printf 'old output\\n' > "$MNT/out.conf"
      dd if=/dev/zero of="$MNT/filler" bs=1k count=1024 2>/dev/null
      cli convert fixtures/glibc/glibc-2.12.gai.conf --to ip6addrctl -o "$MNT/out.conf"; echo "code=$?"
      cat "$MNT/out.conf"
      ls -A "$MNT"
    `,
      'size=16k',
    );
    expect(r.stdout).toMatch(/^code=2$/m);
    expect(r.stdout).toMatch(/^old output$/m);
    expect(r.stdout.trim().split('\n').slice(-2)).toEqual(['filler', 'out.conf']);
    expect(r.stderr).toMatch(/cannot write: .*ENOSPC/);
  });
});

// ---------------------------------------------------------------------------------------
// --fix on a file that changed after it was read
// ---------------------------------------------------------------------------------------

describe('--fix refuses a file that changed since it was read', () => {
  // Race-free: a parent process watches the policy with inotify and stops policylint
  // (SIGSTOP) the moment it closes the file after reading it; the change is made while it is
  // stopped, then it goes on (SIGCONT) to lint and write. So the change lands exactly between
  // the read and the write. (A named-pipe --config used to be the pause; config files are
  // no longer read from pipes.)
  const python = spawnSync('python3', ['-c', 'import ctypes; ctypes.CDLL(None).inotify_init']).status === 0;
  const withInotify = python ? test : test.skip;
  const PAUSER = `
import ctypes, os, signal, struct, subprocess, sys
policy, change, out_dir = sys.argv[1], sys.argv[2], sys.argv[3]
cli = sys.argv[4:]
libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init()
libc.inotify_add_watch(fd, policy.encode(), 0x10)  # IN_CLOSE_NOWRITE
with open(os.path.join(out_dir, 'err'), 'wb') as err:
    p = subprocess.Popen(cli + [policy, '--fix'], stdout=subprocess.DEVNULL, stderr=err)
    os.read(fd, 4096)
    p.send_signal(signal.SIGSTOP)
    if change:
        subprocess.run(['sh', '-c', change, '_', policy], check=True)
    p.send_signal(signal.SIGCONT)
    code = p.wait()
print('code=%d' % code)
sys.stdout.write(open(os.path.join(out_dir, 'err')).read())
`;
  const pause = (file: string, change: string, dir: string) =>
    spawnSync('python3', ['-c', PAUSER, file, change, dir, process.execPath, ...CLI], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 60000 });

  withInotify.each([
    ['rewritten in place', 'printf "# edited by someone else\\n::/0 40 1\\n" > "$1"'],
    ['replaced by rename', 'printf "# replaced\\n::/0 40 1\\n" > "$1.new" && mv "$1.new" "$1"'],
  ])('%s: nothing written, exit 2, the other edit kept', (_what, change) => {
    const dir = tmp();
    const file = join(dir, 'policy.ip6addrctl.conf');
    writeFileSync(file, FIXABLE);
    const out = pause(file, change, dir).stdout.toString();
    expect(out).toMatch(/^code=2$/m);
    expect(out).toContain(`${file}: changed since policylint read it; nothing was written (run --fix again)`);
    expect(readFileSync(file, 'utf8')).not.toBe(FIXED);
    expect(readFileSync(file, 'utf8')).toMatch(/^# (edited by someone else|replaced)$/m);
    expect(entries(dir).filter((n) => n !== 'err')).toEqual(['policy.ip6addrctl.conf']);
  });

  withInotify('unchanged while stopped: the fix is written (the pause itself changes nothing)', () => {
    const dir = tmp();
    const file = join(dir, 'policy.ip6addrctl.conf');
    writeFileSync(file, FIXABLE);
    expect(pause(file, '', dir).stdout.toString()).toMatch(/^code=0$/m);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });
});

// ---------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------

describe('size limit', () => {
  test('a file over --max-bytes: one clear line, exit 2, --fix writes nothing', () => {
    const dir = tmp();
    const file = join(dir, 'big.ip6addrctl.conf');
    // A long comment whose second fgets() piece does not start with #: install aborts (exit 1).
    const content = FIXABLE + '# ' + 'x'.repeat(5000) + '\n';
    writeFileSync(file, content);
    const r = run([file, '--fix', '--max-bytes', '4096']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${file}: ${Buffer.byteLength(content)} bytes is over the 4096-byte limit (raise it with --max-bytes)\n`);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(run([file, '--max-bytes', '100000']).code).toBe(1);
  });

  test('the default limit (64 MiB) is enforced before reading: a sparse 65 MiB file is refused at once', () => {
    const dir = tmp();
    const file = join(dir, 'huge.gai.conf');
    writeFileSync(file, '');
    spawnSync('truncate', ['-s', String(65 * 1024 * 1024), file]);
    const t = Date.now();
    const r = run([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${file}: ${65 * 1024 * 1024} bytes is over the ${64 * 1024 * 1024}-byte limit (raise it with --max-bytes)\n`);
    expect(Date.now() - t).toBeLessThan(5000);
    const c = run(['convert', file, '--to', 'ip6addrctl']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/huge\.gai\.conf: \d+ bytes is over the \d+-byte limit/);
  });

  // Known gap: lint reads standard input whole, with no limit (readStdin in src/cli/run.ts,
  // used by src/cli/commands/lint.ts and src/convert/read-input.ts).
  test('--max-bytes also applies to standard input', () => {
    const r = run(['-', '--stdin-filename', 'x.gai.conf', '--max-bytes', '1024'], { input: '#'.repeat(4096) + '\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/over the 1024-byte limit/);
  });
});

// ---------------------------------------------------------------------------------------
// Encodings: bytes outside the edited spans are written back unchanged
// ---------------------------------------------------------------------------------------

describe('encodings are never mangled on write', () => {
  test('UTF-8 with BOM and non-ASCII comments: only the fixed spans change', () => {
    const dir = tmp();
    const file = join(dir, 'policy.ip6addrctl.conf');
    const body = '# réseau → site 日本 😀\n::1/128        50  0 loopback\n::/0           40  1 # défaut\n';
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    run([file, '--fix']);
    // The two safe fixes: the BOM removed (it breaks line 1 for ip6addrctl) and `# ` inserted.
    expect(readFileSync(file)).toEqual(Buffer.from(body.replace('0 loopback', '0 # loopback')));
  });

  test('UTF-8 BOM kept when the fix is elsewhere and the BOM rule is off', () => {
    const dir = tmp();
    const file = join(dir, 'policy.ip6addrctl.conf');
    writeFileSync(join(dir, '.policylint.json'), JSON.stringify({ rules: { 'byte-order-mark': 'off' } }));
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# é\n::1/128 50 0 loopback\n::/0 40 1\n')]);
    writeFileSync(file, bytes);
    run([file, '--fix']);
    expect(readFileSync(file)).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# é\n::1/128 50 0 # loopback\n::/0 40 1\n')]));
  });

  test('latin1 (not UTF-8) bytes are reported precisely and written back byte for byte', () => {
    const dir = tmp();
    const file = join(dir, 'policy.ip6addrctl.conf');
    const bytes = Buffer.from('# caf\xe9 \xff\xfe\x80 na\xefve\n::1/128        50  0 loopback \xe9\n::/0           40  1\n', 'latin1');
    writeFileSync(file, bytes);
    const r = run([file, '--fix', '--format', 'json']);
    const messages = JSON.parse(r.stdout)[0].messages;
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'invalid-utf8', line: 1, column: 6, message: expect.stringContaining('byte 0xe9 at byte offset 5') }),
      ]),
    );
    expect(readFileSync(file)).toEqual(Buffer.from('# caf\xe9 \xff\xfe\x80 na\xefve\n::1/128        50  0 # loopback \xe9\n::/0           40  1\n', 'latin1'));
  });

  test('CRLF and CR bytes are kept around a fix', () => {
    const dir = tmp();
    const file = join(dir, 'policy.ip6addrctl.conf');
    writeFileSync(file, '# a\r\n::1/128 50 0 loopback\r\n::/0 40 1\r\n');
    run([file, '--fix']);
    expect(readFileSync(file, 'latin1')).toContain('::1/128 50 0 # loopback\r\n::/0 40 1\r\n');
  });

  // Known bug: `convert -` reads standard input as latin1 text (readStdin in src/cli/run.ts
  // returns bytes.toString('latin1'); src/convert/read-input.ts uses it as the text), so
  // every non-ASCII byte comes out double-encoded: "é" (C3 A9) becomes "Ã©" (C3 83 C2 A9).
  test('convert - (standard input) keeps UTF-8 comments as they are', () => {
    const input = Buffer.from('# café → 日本\nlabel ::1/128 0\nlabel ::/0 1\nprecedence ::1/128 50\nprecedence ::/0 40\n');
    const fromStdin = run(['convert', '-', '--from', 'gai', '--to', 'gai'], { input });
    const dir = tmp();
    writeFileSync(join(dir, 'in.gai.conf'), input);
    const fromFile = run(['convert', join(dir, 'in.gai.conf'), '--to', 'gai']);
    expect(fromFile.stdout).toContain('# café → 日本');
    expect(fromStdin.stdoutBytes.toString('hex')).toBe(fromFile.stdoutBytes.toString('hex'));
  });

  test('convert of a file that is not UTF-8 is refused with the reason, nothing written', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.gai.conf'), Buffer.from('# caf\xe9\nlabel ::/0 1\n', 'latin1'));
    const r = run(['convert', join(dir, 'in.gai.conf'), '--to', 'ip6addrctl', '-o', join(dir, 'out.conf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/in\.gai\.conf: not UTF-8 \(first bad byte at offset \d+\)/);
    expect(existsSync(join(dir, 'out.conf'))).toBe(false);
  });

  // Known bug: convert copies comments verbatim into ip6addrctl.conf; one over 2047 bytes
  // makes a line FreeBSD's fgets() splits, the read-back check throws, and the user gets
  // "internal error ... this is a bug" (exit 2) instead of a converted file or a clear refusal.
  test('convert --to ip6addrctl with a long comment: converted (comment wrapped) or refused clearly, never an internal error', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.gai.conf'), `# ${'long comment '.repeat(200)}\nlabel ::1/128 0\nlabel ::/0 1\n`);
    const r = run(['convert', join(dir, 'in.gai.conf'), '--to', 'ip6addrctl']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect([0, 1]).toContain(r.code);
  });
});
