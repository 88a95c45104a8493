// A recorded FreeBSD host scenario (fixtures/freebsd-recorded/records/sort.jsonl) as a
// host file: its interfaces, addresses in the order added with their flags, default
// routes and kernel policy table, as `explain --host` reads them.
import type { HostAddressFlag, HostFile, HostFilePolicyRow } from '../../src/model/host-file.js';

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

function policyRows(rows: readonly string[]): HostFilePolicyRow[] {
  return rows.map((row) => {
    const [prefix, precedence, label] = row.split(' ');
    return { prefix: prefix!, precedence: Number(precedence), label: Number(label) };
  });
}

/** The scenario's host; `policy default` leaves policyTable out (rc.d's default table). */
export function scenarioHost(s: Scenario): HostFile {
  const routes = [];
  if (s.route6 !== 'none') routes.push({ to: '::/0', dev: s.route6 });
  if (s.route4 !== 'none') routes.push({ to: '0.0.0.0/0', dev: s.route4 });
  return {
    interfaces: s.interfaces.map((i) => ({
      name: i.name,
      up: !i.down,
      addresses: s.addresses.flatMap((a, added) => (a.iface === i.name ? [{ address: a.address, flags: a.flags as HostAddressFlag[], added }] : [])),
    })),
    routes,
    ...(s.policy === 'default' ? {} : { policyTable: s.policy === 'none' ? [] : policyRows(s.policy) }),
  };
}
