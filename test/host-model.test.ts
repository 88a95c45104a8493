// The host model and the host file: what each kernel makes of interfaces, routes, flags and
// zones, the host file's JSON Schema (schema/host.schema.json) against the files explain reads,
// and `explain --host`'s one-line errors.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError, type CommandIO } from '../src/cli/command.js';
import { command } from '../src/cli/commands/explain.js';
import { readIp6addrctl } from '../src/dialects/ip6addrctl-reader.js';
import { effectiveTable } from '../src/model/effective-table.js';
import type { HostFile } from '../src/model/host-file.js';
import { HostFileError, simulateHost } from '../src/simulate/index.js';
import { parseScenario, scenarioHost } from './support/freebsd-scenario.js';
import { generateLinuxHosts } from './support/linux-hosts.js';

const require = createRequire(import.meta.url);
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv2020 = require('ajv/dist/2020').default as new (options: object) => { compile(schema: object): Validator };
const ROOT = path.join(import.meta.dirname, '..');
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(path.join(ROOT, 'schema', 'host.schema.json'), 'utf8')));

const ISSUE_EXAMPLE: HostFile = {
  interfaces: [{ name: 'em0', up: true, addresses: [{ address: 'fd08:aaaa:bbbb::1/64', flags: ['deprecated'] }, { address: '192.168.1.10/24' }] }],
  routes: [
    { to: '::/0', dev: 'em0' },
    { to: '0.0.0.0/0', dev: 'em0' },
  ],
  policyTable: [{ prefix: '::1/128', precedence: 50, label: 0 }],
  addrlabels: [{ prefix: '::/0', label: 1 }],
  gaiConf: 'label fc00::/7 1\n',
};

const one = (addresses: HostFile['interfaces'][number]['addresses'], extra: Partial<HostFile> = {}): HostFile => ({
  interfaces: [{ name: 'em0', addresses }],
  routes: [
    { to: '::/0', dev: 'em0' },
    { to: '0.0.0.0/0', dev: 'em0' },
  ],
  ...extra,
});

describe('schema/host.schema.json', () => {
  test('accepts the issue example, every recorded FreeBSD host and every generated Linux host', () => {
    const records = readFileSync(path.join(ROOT, 'fixtures', 'freebsd-recorded', 'records', 'sort.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const hosts = [
      ISSUE_EXAMPLE,
      ...records.map((l) => scenarioHost(parseScenario(JSON.parse(l).scenario))),
      ...generateLinuxHosts(160, 15).map((c) => c.host),
    ];
    const rejected = hosts.filter((h) => !validate(h));
    expect(rejected).toEqual([]);
  });

  test.each([
    ['no routes', { interfaces: [] }, '$.routes'],
    ['an unknown flag', one([{ address: 'fd00::1/64', flags: ['preferred' as never] }]), '$.interfaces[0].addresses[0].flags[0]'],
    ['an address that is not ADDR/PLEN', one([{ address: 'fd00::1 /64' }]), '$.interfaces[0].addresses[0].address'],
    ['a label that is not a number', one([], { addrlabels: [{ prefix: '::/0', label: '1' as never }] }), '$.addrlabels[0].label'],
    ['a route to no prefix', { interfaces: [], routes: [{ to: 'default', dev: 'em0' }] }, '$.routes[0].to'],
  ])('rejects %s, and so does the host model (naming the JSON path)', (_, bad, where) => {
    expect(validate(bad)).toBe(false);
    expect(() => simulateHost(bad as HostFile, { platform: 'glibc', destinations: ['2001:db8::1'] })).toThrow(
      expect.objectContaining({ constructor: HostFileError, path: where }) as unknown as Error,
    );
  });
});

describe('the host model', () => {
  test('a family with addresses but no route has no source (connect() fails), on both kernels', () => {
    const host: HostFile = {
      interfaces: [{ name: 'em0', addresses: [{ address: '2001:db8::10/64' }, { address: '192.0.2.10/24' }] }],
      routes: [{ to: '::/0', dev: 'em0' }],
    };
    for (const platform of ['glibc', 'freebsd'] as const) {
      const sim = simulateHost(host, { platform, destinations: ['198.51.100.7', '2001:db8:9::1', '192.0.2.99'] });
      expect(sim.sources).toEqual({ '2001:db8:9::1': '2001:db8::10', '198.51.100.7': null, '192.0.2.99': '192.0.2.10' });
    }
  });

  test('rule 5: the source is on the interface the route leaves by, not the first interface', () => {
    const host: HostFile = {
      interfaces: [
        { name: 'em0', addresses: [{ address: 'fd00:1::10/64' }] },
        { name: 'em1', addresses: [{ address: '2001:db8:1::10/64' }] },
      ],
      routes: [{ to: '::/0', dev: 'em1' }],
    };
    for (const platform of ['glibc', 'freebsd'] as const) {
      expect(simulateHost(host, { platform, destinations: ['fd00:9::1'] }).sources['fd00:9::1']).toBe('2001:db8:1::10');
    }
  });

  test('tentative and anycast addresses are never sources', () => {
    const host = one([{ address: '2001:db8::10/64', flags: ['tentative'] }, { address: '2001:db8::20/64', flags: ['anycast'] }, { address: 'fd00::30/64' }]);
    for (const platform of ['glibc', 'freebsd'] as const) {
      expect(simulateHost(host, { platform, destinations: ['2001:db8::1'] }).sources['2001:db8::1']).toBe('fd00::30');
    }
  });

  test('FreeBSD: temporary loses to public, prefer_source wins over a longer match, a down interface loses', () => {
    const sim = (addresses: HostFile['interfaces'][number]['addresses']) =>
      simulateHost(one(addresses), { platform: 'freebsd', destinations: ['2001:db8::1'] }).sources['2001:db8::1'];
    expect(sim([{ address: '2001:db8::10/64', flags: ['temporary'] }, { address: '2001:db8:ffff::20/64' }])).toBe('2001:db8:ffff::20');
    expect(sim([{ address: '2001:db8::10/64' }, { address: '2001:db8:ffff::20/64', flags: ['prefer_source'] }])).toBe('2001:db8:ffff::20');
    const down: HostFile = {
      interfaces: [
        { name: 'em0', addresses: [{ address: '192.0.2.10/24' }] },
        { name: 'em1', up: false, addresses: [{ address: '2001:db8::10/64' }] },
        { name: 'em2', addresses: [{ address: '2001:db8:ffff::30/64' }] },
      ],
      routes: [{ to: '::/0', dev: 'em0' }],
    };
    // The route leaves by em0, which has no IPv6 address: em2, up, beats em1's longer match.
    expect(simulateHost(down, { platform: 'freebsd', destinations: ['2001:db8:1::1'] }).sources['2001:db8:1::1']).toBe('2001:db8:ffff::30');
  });

  test('a zoned link-local destination keeps its zone as written and leaves by that interface', () => {
    const host: HostFile = {
      interfaces: [
        { name: 'em0', addresses: [{ address: 'fe80::10%em0/64' }] },
        { name: 'em1', addresses: [{ address: 'fe80::20/64' }, { address: '2001:db8::20/64' }] },
      ],
      routes: [{ to: '::/0', dev: 'em1' }],
    };
    for (const platform of ['glibc', 'freebsd'] as const) {
      const sim = simulateHost(host, { platform, destinations: ['fe80::1%em0', 'fe80::1%em1', 'fe80::1', 'fe80::1%em9'] });
      expect(sim.sources).toEqual({ 'fe80::1%em0': 'fe80::10', 'fe80::1%em1': 'fe80::20', 'fe80::1': null, 'fe80::1%em9': null });
    }
  });

  test('policyTable [] is an empty kernel table: FreeBSD does not sort; --policy replaces only its own dialect', () => {
    const host = one([{ address: 'fd00::10/64' }, { address: '192.0.2.10/24' }], { policyTable: [], gaiConf: 'precedence ::ffff:0:0/96 100\n' });
    const bsd = simulateHost(host, { platform: 'freebsd', destinations: ['198.51.100.7', '2001:db8::1'] });
    expect({ sorted: bsd.sorted, order: bsd.order }).toEqual({ sorted: false, order: ['2001:db8::1', '198.51.100.7'] });
    expect(simulateHost(host, { platform: 'glibc', destinations: ['2001:db8::1', '198.51.100.7'] }).order).toEqual(['198.51.100.7', '2001:db8::1']);
    const ip6addrctl = effectiveTable(readIp6addrctl('::/0 40 1\n::ffff:0:0/96 10 4\n').policy);
    const replaced = simulateHost(host, { platform: 'freebsd', destinations: ['198.51.100.7', '2001:db8::1'], policy: ip6addrctl });
    expect(replaced.sorted).toBe(true);
    const ignored = simulateHost(host, { platform: 'glibc', destinations: ['2001:db8::1', '198.51.100.7'], policy: ip6addrctl });
    expect(ignored.order).toEqual(['198.51.100.7', '2001:db8::1']);
    expect(ignored.notes.join(' ')).toMatch(/an ip6addrctl table, which glibc does not read/);
  });

  test('Linux kernel labels come from addrlabels, not gai.conf', () => {
    // Two ULA-less sources; the kernel table gives fd00::/8 the label of 2001:db8:2::/48.
    const host = one([{ address: '2001:db8:1::10/64' }, { address: '2001:db8:2::10/64' }], {
      addrlabels: [
        { prefix: '::/0', label: 1 },
        { prefix: '2001:db8:1::/48', label: 1 },
        { prefix: '2001:db8:2::/48', label: 7 },
        { prefix: 'fd00::/8', label: 7 },
      ],
    });
    expect(simulateHost(host, { platform: 'glibc', destinations: ['fd00:9::1'] }).sources['fd00:9::1']).toBe('2001:db8:2::10');
  });
});

describe('explain --host', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'policylint-host-'));
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return name;
  };
  const io = (): { io: CommandIO; out: string[] } => {
    const out: string[] = [];
    return { out, io: { stdout: (t) => void out.push(t), stderr: () => undefined, readStdin: async () => '', cwd: dir, env: {}, isTTY: false } };
  };
  const run = (argv: Record<string, unknown>) => {
    const t = io();
    return command.run(argv, t.io).then(() => t.out.join(''));
  };
  const error = async (argv: Record<string, unknown>) => {
    const e = await command.run(argv, io().io).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    const message = (e as UsageError).message;
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThanOrEqual(300);
    return message;
  };

  test('prints the order, the sources and how sure the answer is; json keeps order and sources', async () => {
    const host = file('host.json', JSON.stringify(ISSUE_EXAMPLE));
    const text = await run({ host, platform: 'freebsd', dest: ['2001:db8::1', '198.51.100.7'] });
    expect(text).toMatch(/^FreeBSD libc getaddrinfo, host host\.json\nHow sure: verified on recorded runs: /);
    const json = JSON.parse(await run({ host, dest: ['2001:db8::1', '198.51.100.7', 'fe80::1%em0'], format: 'json' }));
    expect(json.platform).toBe('glibc');
    // em0 has no link-local address, but the default route leaves by em0: Linux connects from its global address.
    expect(json.sources).toEqual({ '2001:db8::1': 'fd08:aaaa:bbbb::1', '198.51.100.7': '192.168.1.10', 'fe80::1%em0': 'fd08:aaaa:bbbb::1' });
    expect(json.verification.level).toBe('real-system');
    const macos = JSON.parse(await run({ host, platform: 'macos', dest: ['2001:db8::1'], format: 'json' }));
    expect(macos.verification.level).toBe('source-reading');
  });

  test('a bad host file is one line naming the file and the JSON path or the line', async () => {
    expect(await error({ host: file('bad.json', '{"interfaces": [\n  {"name": "em0",}]}'), dest: ['2001:db8::1'] })).toMatch(
      /^explain: bad\.json: not JSON at line 2, column \d+/,
    );
    expect(await error({ host: file('bad2.json', JSON.stringify(one([{ address: 'fd00::1/200' }]))), dest: ['2001:db8::1'] })).toMatch(
      /^explain: bad2\.json: \$\.interfaces\[0\]\.addresses\[0\]\.address: "fd00::1\/200": prefix length must be 0\.\.128/,
    );
    expect(await error({ host: file('bad3.json', '[]'), dest: ['2001:db8::1'] })).toMatch(/^explain: bad3\.json: \$ must be an object/);
    expect(await error({ host: file('bad4.json', JSON.stringify({ interfaces: [], routes: [{ to: '::/0', dev: 'em7' }] })), dest: ['::1'] })).toMatch(
      /\$\.routes\[0\]\.dev: names no interface/,
    );
    expect(await error({ host: 'missing.json', dest: ['::1'] })).toMatch(/missing\.json: no such file/);
    expect(await error({ host: file('ok.json', JSON.stringify(ISSUE_EXAMPLE)), source: ['fd00::1/64'], dest: ['::1'] })).toMatch(
      /--host describes the whole host/,
    );
  });
});
