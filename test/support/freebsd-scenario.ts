// A recorded FreeBSD host scenario (fixtures/freebsd-recorded/records/sort.jsonl) as
// today's explain inputs: one interface besides lo0, its addresses in the order added.
import { readIp6addrctl } from '../../src/dialects/ip6addrctl-reader.js';
import { builtinEffectiveTable, effectiveTable, type EffectiveTable } from '../../src/model/effective-table.js';
import { parseHostAddress, type HostAddress } from '../../src/simulate/host.js';

export interface Scenario {
  readonly policy: 'default' | 'none' | string[];
  readonly interfaces: { name: string; down: boolean }[];
  readonly addresses: { iface: string; address: string; flags: string[] }[];
  readonly route6: string;
  readonly route4: string;
  readonly destinations: string[];
}

export function parseScenario(text: string): Scenario {
  const s = {
    policy: [] as string[] | 'default' | 'none',
    interfaces: [] as Scenario['interfaces'],
    addresses: [] as Scenario['addresses'],
    route6: 'none',
    route4: 'none',
    destinations: [] as string[],
  };
  for (const line of text.split('\n').filter(Boolean)) {
    const [word, ...rest] = line.split(' ');
    if (word === 'policy') {
      if (rest[0] === 'default' || rest[0] === 'none') s.policy = rest[0];
      else (s.policy as string[]).push(rest.join(' '));
    } else if (word === 'iface') s.interfaces.push({ name: rest[0]!, down: rest[1] === 'down' });
    else if (word === 'addr') s.addresses.push({ iface: rest[0]!, address: rest[1]!, flags: rest.slice(2) });
    else if (word === 'route6') s.route6 = rest[0]!;
    else if (word === 'route4') s.route4 = rest[0]!;
    else if (word === 'dest') s.destinations.push(rest[0]!);
    else throw new Error(`unknown scenario line: ${line}`);
  }
  return s;
}

const family = (address: string) => (address.includes(':') ? 6 : 4);

/**
 * What today's explain can express: one interface (up) besides lo0, no address flag but
 * `deprecated`, no zoned destination, and a default route for each family the host has an
 * address of (explain routes every family it has an address of; without one, no source).
 */
export function inScope(s: Scenario): boolean {
  if (s.interfaces.length !== 1 || s.interfaces[0]!.down) return false;
  if (s.addresses.some((a) => a.flags.some((f) => f !== 'deprecated'))) return false;
  if (s.destinations.some((d) => d.includes('%'))) return false;
  for (const [f, route] of [
    [6, s.route6],
    [4, s.route4],
  ] as const) {
    const has = s.addresses.some((a) => family(a.address) === f);
    if (has && route === 'none') return false;
  }
  return true;
}

export function scenarioTable(s: Scenario): EffectiveTable {
  if (s.policy === 'default') return builtinEffectiveTable('freebsd');
  const text = s.policy === 'none' ? '' : s.policy.map((row) => `${row}\n`).join('');
  return effectiveTable(readIp6addrctl(text).policy);
}

export function scenarioSources(s: Scenario): HostAddress[] {
  return s.addresses.map((a) => parseHostAddress(a.address, a.flags.includes('deprecated')));
}
