// The `explain` command module, called directly (the CLI entry is wired elsewhere).
import { memoryIO } from './support/memory-io.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../src/cli/command.js';
import { command } from '../src/cli/commands/explain.js';

function io(cwd = process.cwd()) {
  const { io, out } = memoryIO(cwd);
  return { io, text: () => out.stdout };
}

const dir = mkdtempSync(path.join(tmpdir(), 'policylint-explain-'));
const FULL = ['::1/128 0', '::/0 1', '2002::/16 2', '::/96 3', '::ffff:0:0/96 4', 'fec0::/10 5', 'fc00::/7 1', '2001::/32 7'];
writeFileSync(path.join(dir, 'gai.conf'), FULL.map((l) => `label ${l}`).join('\n') + '\n');
writeFileSync(path.join(dir, 'ip6addrctl.conf'), '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 100 4\n');

const seed = { source: ['fd00:1::10/64', '192.0.2.10/24'], dest: ['2001:db8::1', '198.51.100.7'] };

describe('policylint explain', () => {
  it('text: the order, the sources, and the deciding rule in words', async () => {
    const t = io();
    expect(await command.run({ ...seed }, t.io)).toBe(0);
    const text = t.text();
    expect(text).toMatch(/1\. 198\.51\.100\.7\s+from 192\.0\.2\.10/);
    expect(text).toMatch(/2\. 2001:db8::1\s+from fd00:1::10/);
    expect(text).toContain('rule 5: source fd00:1::10 has label 6, 2001:db8::1 has label 1; the IPv4 pair matches on label 4');
  });

  it('json has exactly version, platform, order, sources, steps, verification', async () => {
    const t = io();
    await command.run({ ...seed, format: 'json' }, t.io);
    const json = JSON.parse(t.text());
    expect(Object.keys(json).sort()).toEqual(['order', 'platform', 'sources', 'steps', 'verification', 'version']);
    expect(json.verification.level).toBe('real-system');
    expect(json.platform).toBe('glibc');
    expect(json.order).toEqual(['198.51.100.7', '2001:db8::1']);
    expect(json.steps[0]).toMatchObject({ a: '198.51.100.7', b: '2001:db8::1', rule: 5 });
  });

  it('--policy gai.conf with `label fc00::/7 1` flips the order; the platform follows the dialect', async () => {
    const t = io(dir);
    await command.run({ ...seed, policy: 'gai.conf', format: 'json' }, t.io);
    const json = JSON.parse(t.text());
    expect(json.platform).toBe('glibc');
    expect(json.order).toEqual(['2001:db8::1', '198.51.100.7']);
  });

  it('--policy ip6addrctl.conf selects FreeBSD (ipv4_prefer-like table puts IPv4 first on a GUA host)', async () => {
    const t = io(dir);
    await command.run(
      { source: ['2001:db8:1::10/64', '192.0.2.10/24'], dest: ['2001:db8::1', '198.51.100.7'], policy: 'ip6addrctl.conf', format: 'json' },
      t.io,
    );
    const json = JSON.parse(t.text());
    expect(json.platform).toBe('freebsd');
    expect(json.order).toEqual(['198.51.100.7', '2001:db8::1']);
    expect(json.steps[0].rule).toBe(6);
  });

  it('--deprecated marks a source deprecated (rule 3)', async () => {
    const t = io();
    await command.run({ source: ['192.0.2.10/24'], deprecated: ['2001:db8:1::10/64'], dest: ['2001:db8::1', '198.51.100.7'], format: 'json' }, t.io);
    const json = JSON.parse(t.text());
    expect(json.order).toEqual(['198.51.100.7', '2001:db8::1']);
    expect(json.steps[0].rule).toBe(3);
  });

  it('bad input is a UsageError naming the value', async () => {
    await expect(command.run({ source: ['fd00::zz/64'], dest: ['2001:db8::1'] }, io().io)).rejects.toThrow(UsageError);
    await expect(command.run({ source: ['fd00::zz/64'], dest: ['2001:db8::1'] }, io().io)).rejects.toThrow(/fd00::zz\/64/);
    await expect(command.run({ source: [], dest: ['2001:db8::1', 'nope'] }, io().io)).rejects.toThrow(/"nope"/);
    await expect(command.run({ dest: ['2001:db8::1'], platform: 'solaris' }, io().io)).rejects.toThrow(/solaris/);
    await expect(command.run({}, io().io)).rejects.toThrow(/destination/);
    await expect(command.run({ dest: ['2001:db8::1'], policy: 'missing.conf' }, io(dir).io)).rejects.toThrow(/missing\.conf/);
  });

  it('--scenarios marks the cells where the policy differs from the default', async () => {
    const t = io(dir);
    await command.run({ scenarios: true, policy: 'gai.conf' }, t.io);
    const text = t.text();
    const ulaRow = text.split('\n').find((l) => l.trim().startsWith('ULA-only'))!;
    expect(ulaRow).toMatch(/2001:db8::1 \(rule \d+\) \*/);
    expect(text).toMatch(/ULA-only, GUA\+IPv4: policy 2001:db8::1, 198\.51\.100\.7; default 198\.51\.100\.7, 2001:db8::1/);
    const plain = io();
    await command.run({ scenarios: true }, plain.io);
    expect(plain.text()).not.toContain('*');
  });

  it('--scenarios --policy adds the impact view: every scenario that differs from the baseline, graded', async () => {
    writeFileSync(path.join(dir, 'ygg.gai.conf'), 'precedence 200::/7 1\n');
    const t = io(dir);
    expect(await command.run({ scenarios: true, policy: 'ygg.gai.conf', format: 'json' }, t.io)).toBe(0);
    const out = JSON.parse(t.text());
    expect(out.impact.baseline).toBe('glibc');
    const tie = out.impact.impacts.find(
      (i: { scenario: { host: string; destinations: string } }) => i.scenario.host === 'gua-v4' && i.scenario.destinations === 'gua-v4',
    );
    // IPv4 falls from 10 to ::/0's 40 and ties global IPv6: the resolver's order decides.
    expect(tie).toMatchObject({
      change: 'tie',
      severity: 'warning',
      before: { first: '3fff:0:2::1' },
      after: { first: null, order: ['3fff:0:2::1', '198.51.100.7'], orderIfAFirst: ['198.51.100.7', '3fff:0:2::1'] },
    });
    const stock = io(dir);
    writeFileSync(
      path.join(dir, 'stock.ip6addrctl.conf'),
      '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
    );
    await command.run({ scenarios: true, policy: 'stock.ip6addrctl.conf', format: 'json' }, stock.io);
    expect(JSON.parse(stock.text()).impact).toMatchObject({ baseline: 'freebsd', impacts: [] });
    const text = io(dir);
    await command.run({ scenarios: true, policy: 'ygg.gai.conf' }, text.io);
    expect(text.text()).toMatch(/Impact against glibc's default table \(\d+ scenarios/);
    expect(text.text()).toContain('[warning] a GUA+IPv4 host tries 3fff:0:2::1 or 198.51.100.7 first, whichever the resolver lists first (both precedence 40)');
  });
});
