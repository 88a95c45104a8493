// doctor's readers of a live machine, on command output: Linux `ip -j` JSON captured from
// iproute2 6.1 in a namespace (fixtures/linux-commands/), FreeBSD `ifconfig`, `netstat -rn` and
// `ip6addrctl show` in the formats of FreeBSD 13 to 15 (fixtures/freebsd-commands/,
// reconstructed: see its README); and the diagnosis of the FreeBSD seed host from them. The
// claim that reversing `ip -j addr`'s IPv6 list gives the order the addresses were added is
// checked against the real kernel where namespaces are available.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRcConf } from '../src/dialects/rc-conf.js';
import { ip6addrctlAtBoot } from '../src/dialects/rc-ip6addrctl.js';
import { diagnose } from '../src/host/diagnose.js';
import { hostsAddresses } from '../src/host/etc-hosts.js';
import { freebsdHostFile, parseIfconfig, parseIp6addrctlShow, parseNetstatRn } from '../src/host/freebsd-commands.js';
import { HostOutputError, linuxHostFile, parseIpAddr } from '../src/host/linux-ip.js';
import { predictHost } from '../src/host/predict.js';
import { glibcOracleAvailable } from './oracle/glibc-oracle.mjs';
import { ROOT } from './support/generators.js';
import { systemTool } from './support/system-tool.js';

const fixture = (dir: string, file: string) => readFileSync(join(ROOT, 'fixtures', dir, file), 'utf8');
const linux = (file: string) => fixture('linux-commands/two-interfaces', file);
const freebsd = (version: string) =>
  freebsdHostFile({
    ifconfig: fixture(`freebsd-commands/${version}`, 'ifconfig.txt'),
    netstat: fixture(`freebsd-commands/${version}`, 'netstat-rn.txt'),
    show: fixture(`freebsd-commands/${version}`, 'ip6addrctl-show.txt'),
  });

describe('Linux ip -j', () => {
  const host = linuxHostFile({
    addr: linux('ip-addr.json'),
    route6: linux('ip-route6.json'),
    route4: linux('ip-route4.json'),
    addrlabel: linux('ip-addrlabel.json'),
  });
  test('interfaces, their addresses in the order added, flags, the down link', () => {
    const byName = Object.fromEntries(host.interfaces.map((i) => [i.name, i]));
    expect(byName.em0!.addresses.map((a) => a.address)).toEqual(['192.0.2.10/24', 'fe80::10/64', 'fd00:1::10/64']);
    expect(byName.em1!.addresses).toEqual([
      { address: '2001:db8:9::5/64', flags: ['deprecated'] },
      { address: '2001:db8:9::6/64', flags: ['home'] },
    ]);
    expect(byName.em1p!.up).toBe(false);
    // Kept as read: the host model takes a named lo as it is (an emptied one has no 127.0.0.1).
    expect(byName.lo!.addresses.map((a) => a.address)).toEqual(['127.0.0.1/8', '::1/128']);
  });
  test('routes: default, gateways, the unreachable route without a device', () => {
    expect(host.routes).toContainEqual({ to: '::/0', dev: 'em1', via: 'fe80::1' });
    expect(host.routes).toContainEqual({ to: '2001:db8:1::/48', dev: 'em0', via: 'fd00:1::1' });
    expect(host.routes).toContainEqual({ to: '2001:db8:dead::/48', dev: null });
    expect(host.routes).toContainEqual({ to: '0.0.0.0/0', dev: 'em0', via: '192.0.2.1' });
  });
  test('the kernel label table, with the row added', () => {
    expect(host.addrlabels).toContainEqual({ prefix: 'fd00:1::/48', label: 14 });
    expect(host.addrlabels).toContainEqual({ prefix: '::/0', label: 1 });
  });
  test('output that is not iproute2 JSON is one clear error', () => {
    expect(() => parseIpAddr('1: lo: <LOOPBACK,UP>')).toThrow(HostOutputError);
    expect(() => parseIpAddr('1: lo: <LOOPBACK,UP>')).toThrow(/did not print JSON.*older than 4\.13/);
  });
});

describe('FreeBSD ifconfig, netstat -rn, ip6addrctl show (13, 14, 15)', () => {
  test.each(['13', '14', '15'])('%s: the seed host: a ULA on the interface towards the site, the site route, IPv4', (version) => {
    const host = freebsd(version);
    const nic = host.interfaces[0]!;
    expect(nic.up).toBeUndefined();
    expect(nic.addresses.map((a) => a.address)).toEqual(expect.arrayContaining(['192.0.2.10/24', 'fd00:1::10/64']));
    expect(host.routes).toContainEqual({ to: '2001:db8:1::/48', dev: nic.name, via: 'fd00:1::1' });
    expect(host.routes).toContainEqual({ to: '0.0.0.0/0', dev: nic.name, via: '192.0.2.1' });
    // rc.d/routing's reject routes have no device; the hosts' own addresses through lo0 are left out.
    expect(host.routes).toContainEqual({ to: '::ffff:0.0.0.0/96', dev: null });
    expect(host.routes.some((r) => r.to === 'fd00:1::10/128')).toBe(false);
  });
  test('13: a down interface and a tentative address; 15: deprecated and temporary flags', () => {
    expect(freebsd('13').interfaces.find((i) => i.name === 'em1')).toEqual({
      name: 'em1',
      up: false,
      addresses: [{ address: '2001:db8:9::5/64', flags: ['tentative'] }],
    });
    expect(freebsd('15').interfaces[0]!.addresses.slice(3)).toEqual([
      { address: '2001:db8:1::10/64', flags: ['deprecated'] },
      { address: '2001:db8:1::7e3a/64', flags: ['temporary'] },
    ]);
  });
  test('ip6addrctl show: the rows, the mapped prefix in dotted form, the empty table', () => {
    expect(freebsd('13').policyTable).toContainEqual({ prefix: '::ffff:0.0.0.0/96', precedence: 35, label: 4 });
    expect(freebsd('14').policyTable).toContainEqual({ prefix: 'fd00:1::/64', precedence: 45, label: 14 });
    expect(freebsd('15').policyTable).toEqual([]);
    expect(() => parseIp6addrctlShow('Prefix Prec Label Use\n::1/128 fifty 0 0\n')).toThrow(/line 2/);
  });
  test('ifconfig -f inet:cidr and inet6:cidr forms, and a netmask ifconfig never prints', () => {
    expect(parseIfconfig('em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 192.0.2.10/24 broadcast 192.0.2.255\n\tinet6 fd00::1/64\n')[0]!.addresses).toEqual([
      { address: '192.0.2.10/24' },
      { address: 'fd00::1/64' },
    ]);
    expect(() => parseIfconfig('em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 192.0.2.10 netmask 0xff00ff00\n')).toThrow(/line 2: inet without a netmask/);
    expect(parseNetstatRn('Internet6:\nDestination Gateway Flags Netif Expire\n2001:db8::/32 ::1 UGB lo0\n')).toEqual([{ to: '2001:db8::/32', dev: null }]);
  });
});

describe('doctor on the FreeBSD seed host (fixtures)', () => {
  const site = { name: 'site.example', addresses: ['2001:db8:1:2::20', '198.51.100.7'], origin: 'hosts' as const, observed: null };
  const www = { name: 'www.example', addresses: ['3fff:0:2::1', '198.51.100.8'], origin: 'dns' as const, observed: null };

  test("13 (rc.d's ipv6_prefer): IPv4 first for the site by rule 5, and generate's table as the fix", () => {
    const report = diagnose({ host: freebsd('13'), platform: 'freebsd', policyFile: null, names: [site, www] });
    expect(report.results[0]!.predicted.order).toEqual(['198.51.100.7', '2001:db8:1:2::20']);
    expect(report.results[0]!.why[0]).toMatch(/^198\.51\.100\.7 before 2001:db8:1:2::20: rule 5/);
    expect(report.fix!.command).toBe('policylint generate --ula fd00:1::/64 --gua 2001:db8:1::/48 --to ip6addrctl');
    // The fix is what 14 runs: there the site is IPv6-first and nothing more is proposed.
    const fixed = diagnose({ host: freebsd('14'), platform: 'freebsd', policyFile: '/etc/ip6addrctl.conf', names: [site, www] });
    expect(fixed.results.map((r) => r.predicted.order[0])).toEqual(['2001:db8:1:2::20', '198.51.100.8']);
    expect(fixed.fix).toBeNull();
  });
  test("15 (ip6addrctl_policy=NONE): an empty table, no sorting, rc.conf's reason reported", () => {
    const boot = ip6addrctlAtBoot([{ path: '/etc/rc.conf', conf: readRcConf('ip6addrctl_policy="NONE"\n') }], { readableNonEmpty: false });
    const report = diagnose({ host: freebsd('15'), platform: 'freebsd', policyFile: null, names: [site], boot });
    expect(predictHost(freebsd('15'), 'freebsd', site.addresses).sorted).toBe(false);
    expect(report.findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/^rc\.conf: ip6addrctl_policy="NONE" at \/etc\/rc\.conf:1: rc\.d only flushes/),
    );
  });
  test('a disagreement between prediction and getaddrinfo is a warning that says what can cause it', () => {
    const report = diagnose({
      host: freebsd('14'),
      platform: 'freebsd',
      policyFile: null,
      names: [{ ...site, observed: ['198.51.100.7', '2001:db8:1:2::20'] }],
    });
    expect(report.results[0]!.agrees).toBe(false);
    const warning = report.findings.find((f) => f.severity === 'warning')!;
    expect(warning.message).toMatch(/predicted 2001:db8:1:2::20, 198\.51\.100\.7 but getaddrinfo returned 198\.51\.100\.7, 2001:db8:1:2::20/);
    expect(warning.message.length).toBeLessThanOrEqual(300);
  });
});

test('/etc/hosts: a name in file order, comments and case ignored', () => {
  expect(
    hostsAddresses('# c\n2001:db8::1 a.example Site.Example # x\n192.0.2.1 site.example\nbad site.example\n192.0.2.1 site.example\n', 'site.example'),
  ).toEqual(['2001:db8::1', '192.0.2.1']);
});

const availability = await glibcOracleAvailable();
const namespace = systemTool({
  tool: 'unshare -rmn with ip (user+mount+network namespaces)',
  missing: availability.ok ? null : availability.reason,
  skips: "the check of ip -j addr's address order against the real kernel (test/host-readers.test.ts)",
  get: 'run on Linux with util-linux and iproute2 where user namespaces are permitted',
  skipEnv: 'POLICYLINT_SKIP_GLIBC_ORACLE',
});

namespace.describe('the real kernel', () => {
  test('reversing the IPv6 list of ip -j addr gives the order the addresses were added', () => {
    const added = ['2001:db8::3/64', 'fd00::1/64', '2001:db8::1/64', 'fe80::7/64', '2001:db8::2/64'];
    const script = [
      'ip link add v0 type veth peer name v1',
      'ip link set v0 addrgenmode none',
      ...added.map((a) => `ip -6 addr add ${a} dev v0 nodad`),
      'ip -j addr show dev v0',
    ].join('\n');
    const r = spawnSync('unshare', ['-rn', 'sh', '-ec', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(0);
    const order = parseIpAddr(r.stdout)[0]!.addresses.map((a) => a.address);
    // Within a scope, the order added; link-local (a smaller scope) sorts apart.
    expect(order.filter((a) => !a.startsWith('fe80'))).toEqual(added.filter((a) => !a.startsWith('fe80')));
  });
});

test('on a musl machine doctor says gai.conf is ignored, and predicts with musl', () => {
  const host = {
    interfaces: [{ name: 'eth0', addresses: [{ address: 'fd00:1::10/64' }, { address: '192.0.2.10/24' }] }],
    routes: [],
    gaiConf: 'precedence ::ffff:0:0/96 100\n',
  };
  const report = diagnose({
    host,
    platform: 'musl',
    policyFile: '/etc/gai.conf',
    names: [{ name: 'x', addresses: ['2001:db8::1', '198.51.100.7'], origin: 'given', observed: null }],
  });
  expect(report.findings[0]!.message).toMatch(/musl .* ignores \/etc\/gai\.conf/);
  // The file's "prefer IPv4" line does not apply under musl.
  expect(predictHost(host, 'musl', ['2001:db8::1', '198.51.100.7']).notes.join(' ')).toMatch(/musl ignores policy files/);
});
