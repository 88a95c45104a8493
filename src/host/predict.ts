// The one place doctor predicts a host's order: the host file in, a simulation out, through
// the simulator's host model (simulateHost: interfaces, routes, address flags, the kernel's
// own table and the resolver's).
import type { HostFile } from '../model/host-file.js';
import { effectiveTable, type EffectiveTable } from '../model/effective-table.js';
import { readPolicy } from '../dialects/registry.js';
import { parseHostAddress, simulateHost, type HostAddress, type SimPlatform, type Simulation } from '../simulate/index.js';

/** The table the host's resolver uses, from what the host file holds (undefined: the platform's default). */
export function hostTable(host: HostFile, platform: SimPlatform): EffectiveTable | undefined {
  if (platform === 'freebsd') {
    if (!host.policyTable) return undefined;
    const text = host.policyTable.map((r) => `${r.prefix} ${r.precedence} ${r.label}\n`).join('');
    return effectiveTable(readPolicy('ip6addrctl', text).policy);
  }
  if (host.gaiConf === undefined) return undefined;
  return effectiveTable(readPolicy('gai', host.gaiConf).policy);
}

/** The candidate source addresses: every address of every interface that is up (loopback is implied). */
export function hostSources(host: HostFile): HostAddress[] {
  return host.interfaces
    .filter((i) => i.up !== false)
    .flatMap((i) => i.addresses.map((a) => parseHostAddress(a.address, a.flags?.includes('deprecated') ?? false)))
    .filter((a) => a.text !== '::1' && !(a.family === 4 && a.text.startsWith('127.')));
}

/** The host's order and sources: the simulator's host model (interfaces, routes, flags, the kernel's and the resolver's tables). */
export function predictHost(host: HostFile, platform: SimPlatform, destinations: readonly string[], policy?: EffectiveTable): Simulation {
  return simulateHost(host, { platform, destinations, ...(policy ? { policy } : {}) });
}
