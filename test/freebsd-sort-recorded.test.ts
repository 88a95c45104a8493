// The recorded FreeBSD hosts (fixtures/freebsd-recorded/records/sort.jsonl: getaddrinfo's
// order and the kernel's source per destination, from FreeBSD's own libc and kernel code)
// against `explain --platform freebsd`, for every scenario today's explain can express.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnyAddress } from '../src/model/address.js';
import { simulate } from '../src/simulate/simulate.js';
import { inScope, parseScenario, scenarioSources, scenarioTable } from './support/freebsd-scenario.js';

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

const inScopeRecords = records.filter((r) => inScope(parseScenario(r.scenario)));

describe('recorded FreeBSD address sorting', () => {
  test('136 of the 600 scenarios are in scope (one interface, routes for its families, only the deprecated flag, no zones)', () => {
    expect(records.length).toBe(600);
    expect(inScopeRecords.length).toBe(136);
  });

  test('every in-scope scenario agrees in order, sources and whether it sorts', () => {
    const disagreeing = inScopeRecords.filter((r) => {
      const s = parseScenario(r.scenario);
      const sim = simulate({ platform: 'freebsd', table: scenarioTable(s), sources: scenarioSources(s), destinations: s.destinations });
      const mine = { sorted: sim.sorted, order: sim.order.map(value), sources: sim.order.map((d) => value(sim.sources[d]!)) };
      const f = r.freebsd;
      const theirs = { sorted: f.sorted, order: f.order.map(value), sources: f.order.map((d) => value(f.sources[d]!)) };
      return JSON.stringify(mine) !== JSON.stringify(theirs);
    });
    expect(disagreeing.map((r) => r.scenario)).toEqual([]);
  });

  test('the two FreeBSD classes: IPv6 answers are listed first, an IPv4-mapped destination has no source', () => {
    const none = simulate({
      platform: 'freebsd',
      table: scenarioTable(parseScenario('policy none\n')),
      sources: ['2001:db8::10/64', '192.0.2.10/24'],
      destinations: ['198.51.100.7', '2001:db8::1'],
    });
    expect({ sorted: none.sorted, order: none.order }).toEqual({ sorted: false, order: ['2001:db8::1', '198.51.100.7'] });
    const mapped = simulate({ platform: 'freebsd', sources: ['2001:db8::10/64', '192.0.2.10/24'], destinations: ['::ffff:198.51.100.7', '2001:db8::1'] });
    expect(mapped.order.map((d) => [value(d), mapped.sources[d]])).toEqual([
      [value('2001:db8::1'), '2001:db8::10'],
      [value('::ffff:198.51.100.7'), null],
    ]);
  });
});
