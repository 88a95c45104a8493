// rc.conf awareness: the sh assignments policylint reads (and what it says it does not
// evaluate), the table rc.d/ip6addrctl installs at boot for each setting (the cases follow
// the script's `case` and rc.subr's load_rc_config, docs/doctor.md), and lint's note.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRcConf } from '../src/dialects/rc-conf.js';
import { ip6addrctlAtBoot } from '../src/dialects/rc-ip6addrctl.js';
import { runMain } from './support/run-main.js';
import { systemTool } from './support/system-tool.js';
import { findRcConf } from '../src/cli/rc-conf-note.js';

const shell = systemTool({
  tool: 'sh',
  missing: spawnSync('sh', ['-c', 'true']).status === 0 ? null : 'sh cannot be run',
  skips: "the comparison of rc.conf values with sh's own (test/rc-conf.test.ts)",
  get: 'any POSIX system has /bin/sh',
});

const value = (text: string, name: string) =>
  readRcConf(text)
    .assignments.filter((a) => a.name === name)
    .at(-1)?.value;

describe('reading rc.conf', () => {
  test.each([
    ['a=b', 'b'],
    ['a="b c" # comment', 'b c'],
    ["a='b # not a comment'", 'b # not a comment'],
    ['a="x"\'y\'z', 'xyz'],
    ['a="q\\"uote"', 'q"uote'],
    ['a=one\\ two', 'one two'],
    ['a=""', ''],
    ['a="long\\\nline"', 'longline'],
    ['a=first\na=second', 'second'],
    ['a=1 b=2; a=3', '3'],
    ['a=x#y', 'x#y'],
  ])('%j', (text, expected) => {
    expect(value(text, 'a')).toBe(expected);
  });

  test('what sh would expand, or a command, is not evaluated, and said so', () => {
    const conf = readRcConf('a="$b"\nc=`hostname`\nif [ -f x ]; then d=1; fi\n. /etc/other.conf\ne=f cmd\ng=h # ok\n');
    expect(value('a="$b"', 'a')).toBeNull();
    expect(conf.assignments.find((a) => a.name === 'c')!.value).toBeNull();
    expect(conf.unevaluated.map((u) => [u.line, u.text])).toEqual([
      [3, 'if [ -f x ]'],
      [3, 'then d=1'],
      [3, 'fi'],
      [4, '. /etc/other.conf'],
      [5, 'e=f cmd'],
    ]);
    expect(conf.assignments.find((a) => a.name === 'g')).toMatchObject({ value: 'h', line: 6, column: 1 });
  });

  // Where sh is at hand, the values are sh's own.
  shell.test('agrees with sh on the assignments it evaluates', () => {
    const text = 'a="x y"\'z\'\nb=one\\ two # c\nc="q\\"q"\na="again"\nd=\'\'\n';
    const r = spawnSync('sh', ['-c', `${text}\nprintf '%s\\n' "$a" "$b" "$c" "$d"`], { encoding: 'utf8' });
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['a', 'b', 'c', 'd'].map((n) => value(text, n)));
  });
});

describe('the table rc.d/ip6addrctl installs at boot', () => {
  const boot = (text: string, file: { readableNonEmpty: boolean } | 'unknown' = { readableNonEmpty: true }) =>
    ip6addrctlAtBoot([{ path: 'rc.conf', conf: readRcConf(text) }], file === 'unknown' ? undefined : file);
  test.each([
    ['', 'file'],
    ['ip6addrctl_policy="auto"', 'file'],
    ['ip6addrctl_policy="ipv6_prefer"', 'ipv6_prefer'],
    ['ip6addrctl_policy="ipv4_prefer"', 'ipv4_prefer'],
    ['ip6addrctl_policy="IPV6_PREFER"', 'ipv4_prefer'], // not one of the spellings: rc.d warns, ipv4_prefer
    ['ip6addrctl_policy="YES"', 'ipv6_prefer'],
    ['ip6addrctl_policy="off"', 'ipv4_prefer'],
    ['ip6addrctl_policy="none"', 'empty'],
    ['ip6addrctl_policy=""', 'ipv4_prefer'],
    ['ip6addrctl_enable="NO"', 'empty'],
    ['ip6addrctl_enable="maybe"', 'empty'], // checkyesno: not yes
    ['ipv6_prefer="YES"', 'ipv6_prefer'], // obsolete, copied over ip6addrctl_policy
    ['ip6addrctl_policy="AUTO"\nipv6_prefer="NO"', 'ipv4_prefer'],
    ['ipv6_prefer=""', 'file'],
    ['ip6addrctl_policy="ipv4_prefer"\nip6addrctl_policy="AUTO"', 'file'], // the later assignment wins
    ['ip6addrctl_policy="$p"', 'unknown'],
  ])('%j -> %s', (text, table) => {
    expect(boot(text).table).toBe(table);
  });

  test('AUTO without a usable file: ipv6_prefer only with IPv6 configured in rc.conf', () => {
    const none = { readableNonEmpty: false };
    expect(boot('', none).table).toBe('ipv4_prefer');
    expect(boot('ipv6_activate_all_interfaces="YES"', none).table).toBe('ipv6_prefer');
    expect(boot('ifconfig_em0_ipv6="inet6 accept_rtadv"', none)).toMatchObject({
      table: 'ipv6_prefer',
      reason: expect.stringContaining('ifconfig_em0_ipv6 is set at rc.conf:1'),
    });
    expect(boot('', 'unknown').table).toBe('unknown');
  });

  test('the reason names the setting and its line, the fix what to change', () => {
    const b = boot('# x\nip6addrctl_policy="ipv6_prefer"  # prefer v6\n');
    expect(b.reason).toBe('ip6addrctl_policy="ipv6_prefer" at rc.conf:2: rc.d installs its built-in ipv6_prefer table and ignores /etc/ip6addrctl.conf');
    expect(b.fix).toBe('set ip6addrctl_policy="AUTO" (the default)');
    expect(boot('ipv6_prefer=YES').fix).toMatch(/remove the obsolete ipv6_prefer/);
  });
});

describe('lint and rc.conf', () => {
  const repo = mkdtempSync(join(tmpdir(), 'policylint-rc-'));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'etc'));
  writeFileSync(join(repo, 'etc', 'ip6addrctl.conf'), '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\nfc00::/7 3 13\n');
  writeFileSync(join(repo, 'etc', 'rc.conf'), 'hostname="h"\nip6addrctl_policy="ipv4_prefer"\n');
  writeFileSync(join(repo, 'rc-ok.conf'), 'ip6addrctl_enable="YES"\n');

  test('etc/rc.conf of the same repository is found, and its setting reported in one line', async () => {
    const r = await runMain(['etc/ip6addrctl.conf'], repo);
    const line = r.stderr.split('\n').find((l) => l.includes('FreeBSD will not install'))!;
    expect(line).toBe(
      'policylint: etc/ip6addrctl.conf: warning: FreeBSD will not install this file at boot: ip6addrctl_policy="ipv4_prefer" at etc/rc.conf:2: rc.d installs its built-in ipv4_prefer table and ignores /etc/ip6addrctl.conf; set ip6addrctl_policy="AUTO" (the default) for it to take effect',
    );
    expect(line.length).toBeLessThanOrEqual(300);
  });
  test('--rc-conf wins, and says nothing when the file is installed', async () => {
    const r = await runMain(['etc/ip6addrctl.conf', '--rc-conf', 'rc-ok.conf'], repo);
    expect(r.stderr).not.toContain('install');
  });
  test('hosts/b/ip6addrctl.conf finds hosts/b/etc/rc.conf; outside a repository nothing is picked up from above', async () => {
    mkdirSync(join(repo, 'hosts', 'b', 'etc'), { recursive: true });
    writeFileSync(join(repo, 'hosts', 'b', 'ip6addrctl.conf'), '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\nfc00::/7 3 13\n');
    writeFileSync(join(repo, 'hosts', 'b', 'etc', 'rc.conf'), 'ip6addrctl_enable=NO\n');
    expect(findRcConf('hosts/b/ip6addrctl.conf', repo)).toBe(join(repo, 'hosts', 'b', 'etc', 'rc.conf'));
    const loose = mkdtempSync(join(tmpdir(), 'policylint-rc-loose-'));
    mkdirSync(join(loose, 'etc'));
    writeFileSync(join(loose, 'etc', 'rc.conf'), 'ip6addrctl_enable=NO\n');
    mkdirSync(join(loose, 'sub'));
    expect(findRcConf('sub/ip6addrctl.conf', loose)).toBeNull(); // no .git or .policylint.json: not a config repository
    expect(findRcConf('etc/ip6addrctl.conf', loose)).toBe(join(loose, 'etc', 'rc.conf')); // the sibling, as on the machine itself
  });
  test('a gai.conf is not FreeBSD rc.d business', async () => {
    writeFileSync(join(repo, 'etc', 'gai.conf'), 'precedence ::ffff:0:0/96 100\n');
    expect((await runMain(['etc/gai.conf'], repo)).stderr).not.toContain('rc.conf');
  });
  test('a missing --rc-conf is one line, exit 2', async () => {
    const r = await runMain(['etc/ip6addrctl.conf', '--rc-conf', 'nope.conf'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.conf: .*no such file/);
  });
});
