// Reads that stop at the limit, against the real system (issue 13, findings 4, 5 and 6): the
// real /dev/zero (stat says 0 bytes, it never ends), a real 600 MB pipe on standard input,
// named pipes made with mkfifo in a temp folder (with an endless writer, with none), a pipe
// or a device as config, a config over its limit, a config symlinked to a secret, and file
// names that look like options. Every case: exit 2, one line naming the file, no stack trace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCommand } from './support/cli-command.js';
import { systemTool } from './support/system-tool.js';

const CLI = cliCommand();
const ENV = { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '' };
const BAD = '::1/128 50 0\n2001:db8:: 45 14\n'; // an ip6addrctl.conf with an error (no /LEN)
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { input?: string; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: options.cwd ?? dir,
    env: ENV,
    input: options.input ?? '',
    timeout: 120_000,
    encoding: 'utf8',
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A shell pipeline around the CLI ("$@" is the CLI command), for real pipes and FIFOs. */
function sh(script: string, args: string[] = []): Run {
  const r = spawnSync('sh', ['-c', script, 'sh', process.execPath, ...CLI, ...args], { cwd: dir, env: ENV, timeout: 120_000, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLine(r: Run, line: string): void {
  expect(r.stderr).not.toMatch(/^\s+at |internal error/m);
  expect(r).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
}

describe('a device: /dev/zero', () => {
  test('--max-bytes 100 stops after 101 bytes (stat says 0)', () => {
    expectOneLine(cli(['--max-bytes', '100', '/dev/zero']), '/dev/zero: more than 100 bytes is over the 100-byte limit (raise it with --max-bytes)');
  });
  test('the default limit stops it too, on every command that reads a policy', () => {
    const limit = 'more than 67108864 bytes is over the 67108864-byte limit (raise it with --max-bytes)';
    expectOneLine(cli(['--dialect', 'gai', '/dev/zero']), `/dev/zero: ${limit}`);
    expectOneLine(
      cli(['convert', '/dev/zero', '--to', 'ip6addrctl', '--max-bytes', '4096']),
      'policylint: /dev/zero: more than 4096 bytes is over the 4096-byte limit (raise it with --max-bytes)',
    );
    expectOneLine(
      cli(['explain', '--policy', '/dev/zero', '--max-bytes', '4096', '::1']),
      'policylint: /dev/zero: more than 4096 bytes is over the 4096-byte limit (raise it with --max-bytes)',
    );
    expectOneLine(
      cli(['show', '/dev/zero', '--max-bytes', '4096']),
      'policylint show: /dev/zero: more than 4096 bytes is over the 4096-byte limit (raise it with --max-bytes)',
    );
  });
});

describe('standard input is streamed, never buffered whole', () => {
  test('600 MB through a real pipe: refused at the default limit, no "cannot create a string" internal error', () => {
    const r = sh('head -c 600000000 /dev/zero | "$@" -');
    expectOneLine(r, '<stdin>: more than 67108864 bytes is over the 67108864-byte limit (raise it with --max-bytes)');
  });
  test('600 MB against --max-bytes 100, for lint and for explain --policy -', () => {
    expectOneLine(
      sh('head -c 600000000 /dev/zero | "$@" - --max-bytes 100'),
      '<stdin>: more than 100 bytes is over the 100-byte limit (raise it with --max-bytes)',
    );
    expectOneLine(
      sh('head -c 600000000 /dev/zero | "$@" explain --policy - --max-bytes 100 ::1'),
      'policylint: <stdin>: more than 100 bytes is over the 100-byte limit (raise it with --max-bytes)',
    );
  });
  test('/dev/zero redirected to standard input is stopped too', () => {
    expectOneLine(sh('"$@" - --max-bytes 100 < /dev/zero'), '<stdin>: more than 100 bytes is over the 100-byte limit (raise it with --max-bytes)');
  });
  test('an endless writer (yes) is stopped at --max-lines', () => {
    expectOneLine(
      sh('yes "# comment" | "$@" - --stdin-filename x.gai.conf --max-lines 1000'),
      'x.gai.conf: more than 1000 lines is over the line limit (raise it with --max-lines)',
    );
  });
  test('within the limits, standard input is linted as before', () => {
    const r = cli(['-', '--stdin-filename', 'x.ip6addrctl.conf'], { input: BAD });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('x.ip6addrctl.conf:2:1');
  });
});

const mkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;
const fifos = systemTool({ tool: 'mkfifo', missing: mkfifo ? null : 'mkfifo is not in PATH', skips: 'the named-pipe reads', get: 'apt-get install coreutils' });

fifos.describe('named pipes (mkfifo in a temp folder)', () => {
  const fifo = (name: string) => {
    const path = join(dir, name);
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    return path;
  };
  test('an endless writer is stopped at the limit', () => {
    const path = fifo('endless.gai.conf');
    const r = sh(`yes "# comment" > "${path}" & w=$!; "$@" "${path}" --max-lines 1000; c=$?; kill $w 2>/dev/null; exit $c`);
    expectOneLine(r, `${path}: more than 1000 lines is over the line limit (raise it with --max-lines)`);
  });
  test('a pipe that nobody opens is refused after a wait, instead of blocking forever', () => {
    const path = fifo('nobody.gai.conf');
    expectOneLine(cli([path]), `${path}: a named pipe that nothing wrote to within 5 s; start the writer first, or give a file`);
  });
  test('a pipe with a writer is read like a file (process substitution, cat > fifo)', () => {
    const path = fifo('written.ip6addrctl.conf');
    const r = sh(`printf '${BAD.replace(/\n/g, '\\n')}' > "${path}" & "$@" "${path}"`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${path}:2:1`);
  });
  test('a pipe as --config is refused at once (it would block the run)', () => {
    const config = fifo('config.json');
    writeFileSync(join(dir, 'a.ip6addrctl.conf'), BAD);
    expectOneLine(
      cli(['--config', config, 'a.ip6addrctl.conf']),
      `policylint: ${config}: cannot read config: it is a named pipe, not a regular file; give a .policylint.json file`,
    );
  });
  test('a pipe found as .policylint.json is refused the same way', () => {
    const sub = join(dir, 'piped');
    mkdirSync(sub);
    writeFileSync(join(sub, '.git'), ''); // the search stops here
    writeFileSync(join(sub, 'a.ip6addrctl.conf'), BAD);
    expect(spawnSync('mkfifo', [join(sub, '.policylint.json')]).status).toBe(0);
    expectOneLine(
      cli([join(sub, 'a.ip6addrctl.conf')]),
      `policylint: ${join(sub, '.policylint.json')}: cannot read config: it is a named pipe, not a regular file; give a .policylint.json file`,
    );
  });
});

describe('config files', () => {
  test('a device as --config is refused without reading it', () => {
    writeFileSync(join(dir, 'b.ip6addrctl.conf'), BAD);
    expectOneLine(
      cli(['--config', '/dev/zero', 'b.ip6addrctl.conf']),
      'policylint: /dev/zero: cannot read config: it is a character device, not a regular file; give a .policylint.json file',
    );
  });
  test('a config over its own 256 KiB limit is refused (2 million entries took 36 s)', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, `{"sitePrefixes": {"ula": [${Array.from({ length: 100_000 }, () => '"fd00::/48"').join(',')}]}}`);
    writeFileSync(join(dir, 'c.ip6addrctl.conf'), BAD);
    expectOneLine(
      cli(['--config', big, 'c.ip6addrctl.conf']),
      `policylint: ${big}: config is over the 262144-byte limit for config files; a config holds rules and prefixes, not tables`,
    );
  });
  test('a config symlinked to a secret never quotes its bytes', () => {
    const secret = join(dir, 'shadow');
    writeFileSync(secret, 'root:$6$s3cr3tHASH:19000:0:99999:7:::\n');
    const sub = join(dir, 'linked');
    mkdirSync(sub);
    writeFileSync(join(sub, '.git'), '');
    symlinkSync(secret, join(sub, '.policylint.json'));
    writeFileSync(join(sub, 'a.ip6addrctl.conf'), BAD);
    const r = cli([join(sub, 'a.ip6addrctl.conf')]);
    expectOneLine(r, `policylint: ${join(sub, '.policylint.json')}: not valid JSON; a config is a JSON object like {"rules": {...}}`);
    expect(r.stderr).not.toMatch(/root|s3cr3t|\$6/);
  });
  test('invalid JSON is placed by line and column, not quoted', () => {
    const cfg = join(dir, 'broken.json');
    writeFileSync(cfg, '{\n  "rules": {\n    "parse-error" "off"\n  }\n}\n');
    writeFileSync(join(dir, 'd.ip6addrctl.conf'), BAD);
    const r = cli(['--config', cfg, 'd.ip6addrctl.conf']);
    expect(r.code).toBe(2);
    expectOneLine(r, `policylint: ${cfg}: not valid JSON at line 3, column 19; a config is a JSON object like {"rules": {...}}`);
    expect(r.stderr).not.toContain('parse-error');
  });
});

describe('names are data: -- ends the options', () => {
  test('a file named like an option is linted as a file after --', () => {
    const sub = join(dir, 'named');
    mkdirSync(sub);
    writeFileSync(join(sub, '--config=evil-gai.conf'), 'precedence ::1/128 50\nprecedence 2001:db8:: 45\n');
    writeFileSync(join(sub, 'evil-gai.conf'), '{"rules": {"missing-prefix-length": "off"}}\n');
    writeFileSync(join(sub, '--stdin-filename=x.gai.conf'), 'precedence ::1/128 50\nprecedence 2001:db8:: 45\n');
    const r = cli(['--', '--config=evil-gai.conf', '--stdin-filename=x.gai.conf'], { cwd: sub });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--config=evil-gai.conf:2:12');
    expect(r.stdout).toContain('--stdin-filename=x.gai.conf:2:12');
    expect(r.stdout).toContain('missing-prefix-length');
  });
  test('an option after -- that is no file says where options go', () => {
    const r = cli(['--', '--max-warnings=0']);
    expectOneLine(
      r,
      '--max-warnings=0: no such file; every word after -- is a file name, not an option (the pre-commit hook passes its args and files after --: set rules in .policylint.json, or use the policylint-no-warnings hook)',
    );
  });
  test('- after -- is still standard input', () => {
    const r = cli(['--', '-'], { input: BAD });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>:2:1');
  });
});
