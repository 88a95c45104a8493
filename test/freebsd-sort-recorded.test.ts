// The recorded FreeBSD hosts (fixtures/freebsd-recorded/records/sort.jsonl: getaddrinfo's
// order and the kernel's source per destination, from FreeBSD's own libc and kernel code)
// against `simulateHost` for FreeBSD: every scenario, as a host file (several interfaces,
// down interfaces, address flags, missing routes, zoned destinations, empty tables).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnyAddress } from '../src/model/address.js';
import { simulate, simulateHost } from '../src/simulate/simulate.js';
import { parseScenario, scenarioHost } from './support/freebsd-scenario.js';

interface SortRecord {
  scenario: string;
  freebsd: { sorted: boolean; order: string[]; sources: Record<string, string | null> };
}
const records: SortRecord[] = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'freebsd-recorded', 'records', 'sort.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

/** Addresses compared as values (the record prints a zone as its index: fe80::1%1). */
const value = (text: string | null) => (text === null ? null : String(parseAnyAddress(text.replace(/%.*/, ''))!.value));

function simulateRecord(r: SortRecord) {
  const s = parseScenario(r.scenario);
  const sim = simulateHost(scenarioHost(s), { platform: 'freebsd', destinations: s.destinations });
  const mine = { sorted: sim.sorted, order: sim.order.map(value), sources: sim.order.map((d) => value(sim.sources[d]!)) };
  const f = r.freebsd;
  const theirs = { sorted: f.sorted, order: f.order.map(value), sources: f.order.map((d) => value(f.sources[d]!)) };
  return { sim, mine, theirs, agrees: JSON.stringify(mine) === JSON.stringify(theirs) };
}

describe('recorded FreeBSD address sorting', () => {
  test('all 600 scenarios agree in order, sources and whether they sort', () => {
    expect(records.length).toBe(600);
    const disagreeing = records.filter((r) => !simulateRecord(r).agrees);
    expect(disagreeing.map((r) => r.scenario)).toEqual([]);
  });

  test('zoned destinations keep their zone as written in the order and the sources', () => {
    const zoned = records.find((r) => r.scenario.includes('dest fe80::6%lo0'))!;
    const { sim } = simulateRecord(zoned);
    expect(sim.order).toContain('fe80::6%lo0');
    expect(sim.sources['fe80::6%lo0']).toBe('fe80::1');
  });

  test('the two FreeBSD classes: IPv6 answers are listed first, an IPv4-mapped destination has no source', () => {
    const none = simulateHost(
      {
        interfaces: [{ name: 'em0', addresses: [{ address: '2001:db8::10/64' }, { address: '192.0.2.10/24' }] }],
        routes: [
          { to: '::/0', dev: 'em0' },
          { to: '0.0.0.0/0', dev: 'em0' },
        ],
        policyTable: [],
      },
      { platform: 'freebsd', destinations: ['198.51.100.7', '2001:db8::1'] },
    );
    expect({ sorted: none.sorted, order: none.order }).toEqual({ sorted: false, order: ['2001:db8::1', '198.51.100.7'] });
    const mapped = simulate({ platform: 'freebsd', sources: ['2001:db8::10/64', '192.0.2.10/24'], destinations: ['::ffff:198.51.100.7', '2001:db8::1'] });
    expect(mapped.order.map((d) => [value(d), mapped.sources[d]])).toEqual([
      [value('2001:db8::1'), '2001:db8::10'],
      [value('::ffff:198.51.100.7'), null],
    ]);
  });
});
