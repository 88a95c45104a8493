// `explain --scenarios`: common hosts against common destination sets, under a
// policy and under the platform's default table, so a reader sees at a glance
// where the policy changes what gets tried first.
import type { EffectiveTable } from '../model/effective-table.js';
import type { SimPlatform } from './resolver-profiles.js';
import { simulate, type Simulation } from './simulate.js';

export interface ScenarioHost {
  readonly name: string;
  readonly sources: readonly string[];
}
export interface ScenarioDestinations {
  readonly name: string;
  readonly destinations: readonly string[];
}

export const SCENARIO_HOSTS: readonly ScenarioHost[] = [
  { name: 'ULA-only', sources: ['fd00:1::10/64', '192.0.2.10/24'] },
  { name: 'GUA-only', sources: ['2001:db8:1::10/64', '192.0.2.10/24'] },
  { name: 'ULA+GUA', sources: ['fd00:1::10/64', '2001:db8:1::10/64', '192.0.2.10/24'] },
  { name: 'IPv4-only', sources: ['192.0.2.10/24'] },
  { name: 'IPv6-only', sources: ['2001:db8:1::10/64'] },
];

export const SCENARIO_DESTINATIONS: readonly ScenarioDestinations[] = [
  { name: 'GUA+IPv4', destinations: ['2001:db8::1', '198.51.100.7'] },
  { name: 'ULA+IPv4', destinations: ['fd00:2::1', '198.51.100.7'] },
  { name: 'ULA+GUA', destinations: ['2001:db8::1', 'fd00:2::1'] },
];

export interface ScenarioCell {
  readonly destinations: string;
  readonly withPolicy: Simulation;
  readonly withDefault: Simulation;
  /** The order differs from the one under the platform's default table. */
  readonly differs: boolean;
}

export interface ScenarioReport {
  readonly platform: SimPlatform;
  readonly policyGiven: boolean;
  readonly rows: readonly { readonly host: string; readonly cells: readonly ScenarioCell[] }[];
}

export function runScenarios(options: { platform: SimPlatform; table?: EffectiveTable }): ScenarioReport {
  const rows = SCENARIO_HOSTS.map((host) => ({
    host: host.name,
    cells: SCENARIO_DESTINATIONS.map((set) => {
      const base = { platform: options.platform, sources: host.sources, destinations: set.destinations };
      const withDefault = simulate(base);
      const withPolicy = options.table ? simulate({ ...base, table: options.table }) : withDefault;
      const differs = withPolicy.order.join(' ') !== withDefault.order.join(' ');
      return { destinations: set.name, withPolicy, withDefault, differs };
    }),
  }));
  return { platform: options.platform, policyGiven: options.table !== undefined, rows };
}
