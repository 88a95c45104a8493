// The CLI as users run it: the built bundle, real files, exit codes, no stack traces.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'policylint.js');
const FIX = (p: string) => join(ROOT, 'fixtures', p);

function run(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 60000,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.stderr.toString()).not.toMatch(/^\s+at /m); // never a stack trace
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'policylint-cli-'));

describe('exit codes and output', () => {
  test('a stock table is clean: exit 0, no output', () => {
    expect(run([FIX('freebsd/ipv6-prefer.ip6addrctl.conf')])).toMatchObject({ code: 0, stdout: '' });
  });
  test('errors exit 1 with file:line:col, the rule id and a code frame', () => {
    const r = run([FIX('broken/missing-len.ip6addrctl.conf')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/missing-len\.ip6addrctl\.conf:4:1 {2}error {2}.*parse failed at line 4.* {2}missing-prefix-length/);
    expect(r.stdout).toContain('    4 | 2001:db8::');
  });
  test('warnings alone exit 0, or 1 over --max-warnings', () => {
    const f = FIX('freebsd/ula-precedence-only.ip6addrctl.conf');
    expect(run([f]).code).toBe(0);
    expect(run([f, '--max-warnings', '0']).code).toBe(1);
    expect(run([f, '--quiet']).stdout).toBe('');
  });
  test('--format json has the documented shape', () => {
    const r = run(['--format', 'json', FIX('freebsd/ula-precedence-only.ip6addrctl.conf'), FIX('glibc/debian-12.gai.conf')]);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ dialect: 'ip6addrctl', errorCount: 0, warningCount: 1 });
    expect(out[0].messages[0]).toMatchObject({ ruleId: 'ula-gua-label-mismatch', severity: 'warning', line: 9, column: 1, endLine: 9 });
    expect(out[0].messages[0].fix.safety).toBe('unsafe');
    expect(out[1]).toMatchObject({ dialect: 'gai', messages: [] });
  });
  test('--format sarif and github', () => {
    const sarif = JSON.parse(run(['--format', 'sarif', FIX('broken/keyword-case.gai.conf')]).stdout);
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results[0];
    expect(result).toMatchObject({ ruleId: 'keyword-case', level: 'error' });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('fixtures/broken/keyword-case.gai.conf');
    expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('keyword-case');
    expect(run(['--format', 'github', FIX('broken/keyword-case.gai.conf')]).stdout).toMatch(/^::error file=.*keyword-case\.gai\.conf,line=2,col=1,/);
  });
  test('explain reads --policy through the one input path: the same limits and reader diagnostics as lint', () => {
    const d = tmp();
    const file = join(d, 'big.gai.conf');
    writeFileSync(file, 'label ::/0 1\n'.repeat(200));
    const lint = run([file, '--max-bytes', '100']);
    const explain = run(['explain', '--policy', file, '--max-bytes', '100', '2001:db8::1']);
    expect(lint).toMatchObject({ code: 2 });
    expect(explain.code).toBe(2);
    expect(explain.stderr).toBe(`policylint: ${lint.stderr}`);
    expect(run(['explain', '--policy', file, '--max-lines', '5', '2001:db8::1']).stderr).toMatch(/more than 5 lines is over the line limit/);
    // The reader's findings about the simulated file are shown, file:line:col and rule id.
    const bad = join(d, 'bad.gai.conf');
    writeFileSync(bad, 'label ::/0 1\nprecedence fc00::/7 forty\n');
    const r = run(['explain', '--policy', bad, '2001:db8::1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: error: .*\\(invalid-number\\)$`, 'm'));
  });
  test('explain through the real CLI: repeated --source, then the destinations (the seed story)', () => {
    const r = run(['explain', '--source', 'fd00::10/64', '--source', '192.0.2.10/24', '2001:db8::1', '198.51.100.7', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.order).toEqual(['198.51.100.7', '2001:db8::1']);
    expect(out.sources).toEqual({ '198.51.100.7': '192.0.2.10', '2001:db8::1': 'fd00::10' });
    expect(out.steps[0].rule).toBe(5);
  });
  test('defaults and diff through the real CLI', () => {
    expect(run(['defaults', '--platform', 'freebsd', '--to', 'ip6addrctl']).stdout).toMatch(/^fc00::\/7 +3 +13$/m);
    const d = run(['diff', FIX('freebsd/ipv6-prefer.ip6addrctl.conf'), FIX('freebsd/ipv4-prefer.ip6addrctl.conf')]);
    expect(d.code).toBe(1);
    expect(d.stdout).toContain('::ffff:0.0.0.0/96: precedence 35, label 4 -> precedence 100, label 4');
  });
  test('policylint rules lists the catalog', () => {
    const r = run(['rules', '--format', 'json']);
    const ids = JSON.parse(r.stdout).map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['ula-gua-label-mismatch', 'parse-error', 'partial-table']));
  });
});

describe('bad input: one line naming the file, exit 2, or diagnostics', () => {
  test('missing file, directory, unreadable', () => {
    expect(run(['/nonexistent/gai.conf'])).toMatchObject({ code: 2, stderr: '/nonexistent/gai.conf: no such file\n' });
    const dir = tmp();
    expect(run([dir])).toMatchObject({
      code: 2,
      stderr: `policylint: ${dir}: no policy files in this folder (looked for gai.conf, ip6addrctl.conf, *[._-]gai.conf, *[._-]ip6addrctl.conf, skipping .git and node_modules)\n`,
    });
    if (process.getuid?.() !== 0) {
      const f = join(dir, 'x.gai.conf');
      writeFileSync(f, 'label ::/0 1\n');
      chmodSync(f, 0);
      expect(run([f]).code).toBe(2);
    }
  });
  test('unknown dialect asks for --dialect; content detection works', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'policy.txt'), 'hello\n');
    expect(run([join(dir, 'policy.txt')]).stderr).toContain('pass --dialect');
    writeFileSync(join(dir, 'p.txt'), 'Label ::/0 1\nprecedence ::/0 40\n');
    expect(run([join(dir, 'p.txt')]).stdout).toContain('keyword-case');
  });
  test('stdin with a name', () => {
    const r = run(['-', '--stdin-filename', 'x/gai.conf'], { input: 'lable ::/0 1\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('x/gai.conf:1:1');
  });
  test('empty file, binary, non-UTF-8, a 5 MB line', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gai.conf'), '');
    expect(run([join(dir, 'gai.conf')]).code).toBe(0);
    writeFileSync(join(dir, 'bin.ip6addrctl.conf'), Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 0x23, 0, 10]));
    expect(run([join(dir, 'bin.ip6addrctl.conf')]).code).toBe(1);
    writeFileSync(join(dir, 'l1.gai.conf'), Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nlabel ::/0 1\n')]));
    const latin = run([join(dir, 'l1.gai.conf'), '--format', 'json']);
    expect(JSON.parse(latin.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('invalid-utf8');
    writeFileSync(join(dir, 'long.gai.conf'), 'label ::/0 1 ' + 'x'.repeat(5 * 1024 * 1024) + '\n');
    const started = Date.now();
    expect(run([join(dir, 'long.gai.conf')]).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(30000);
  });
  test('files over --max-bytes are refused', () => {
    expect(run([FIX('glibc/debian-12.gai.conf'), '--max-bytes', '10']).stderr).toMatch(/over the 10-byte limit/);
  });
  test('bad config: names the key, exit 2', () => {
    const dir = tmp();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.policylint.json'), JSON.stringify({ rules: { 'ula-gua-label-mismatch': 'loud' } }));
    writeFileSync(join(dir, 'gai.conf'), 'label ::/0 1\n');
    const r = run([join(dir, 'gai.conf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules.ula-gua-label-mismatch: expected one of "error", "warning" (or "warn"), "info", "off", or 2, 1, 0, got "loud"');
  });
  test('config found upwards sets severities and site prefixes', () => {
    const dir = tmp();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'etc'));
    writeFileSync(
      join(dir, '.policylint.json'),
      JSON.stringify({ rules: { 'partial-table': 'off' }, sitePrefixes: { ula: ['fd08:aaaa:bbbb::/48'], gua: ['2001:db8:1000::/36'] } }),
    );
    writeFileSync(join(dir, 'etc', 'gai.conf'), 'precedence ::ffff:0:0/96 100\n');
    const out = JSON.parse(run(['--format', 'json', join(dir, 'etc', 'gai.conf')]).stdout)[0];
    // partial-table is off; the declared ULA meets a table that prefers IPv4 (100 > 40) and a label
    // mismatch. (No missing-catch-all: glibc appends ::/0 itself, so nothing changes.)
    expect(out.messages.map((m: { ruleId: string }) => m.ruleId).sort()).toEqual(['ula-below-ipv4', 'ula-gua-label-mismatch']);
  });
});

describe('--fix', () => {
  test('safe fixes only, mode kept, through a symlink, nothing else touched', () => {
    const dir = tmp();
    const file = join(dir, 'real.ip6addrctl.conf');
    writeFileSync(file, '::1/128 50 0\n::/0 40 1\n2001:db8::1/32 45 14 junk\n::ffff:0:0/96 35 4\nfc00::/7 37 13\n');
    chmodSync(file, 0o640);
    const link = join(dir, 'ip6addrctl.conf');
    symlinkSync(file, link);
    expect(run(['--fix', link]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('::1/128 50 0\n::/0 40 1\n2001:db8::/32 45 14 # junk\n::ffff:0:0/96 35 4\nfc00::/7 37 13\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    run(['--fix', '--unsafe-fixes', link]);
    // The file has a site GUA row (2001:db8::/32, label 14): the ULA gets that label.
    expect(readFileSync(file, 'utf8')).toContain('fc00::/7 37 14\n');
  });
  test('--fix-dry-run prints a unified diff and changes nothing', () => {
    const dir = tmp();
    const file = join(dir, 'gai.conf');
    writeFileSync(file, 'precedence ::/0 +40\nprecedence ::1/128 50\n');
    const before = statSync(file).mtimeMs;
    const r = run(['--fix-dry-run', file]);
    expect(r.stdout).toContain('-precedence ::/0 +40\n+precedence ::/0 40\n');
    expect(readFileSync(file, 'utf8')).toBe('precedence ::/0 +40\nprecedence ::1/128 50\n');
    expect(statSync(file).mtimeMs).toBe(before);
  });
  test('a file with nothing to fix is not rewritten', () => {
    const dir = tmp();
    const file = join(dir, 'ip6addrctl.conf');
    writeFileSync(file, readFileSync(FIX('freebsd/ipv6-prefer.ip6addrctl.conf')));
    const ino = statSync(file).ino;
    expect(run(['--fix', file]).code).toBe(0);
    expect(statSync(file).ino).toBe(ino);
  });
});
