// The one place doctor predicts a host's order: the host file in, a simulation out, through
// the simulator's host model (simulateHost: interfaces, routes, address flags, the kernel's
// own table and the resolver's).
import type { HostFile } from '../model/host-file.js';
import type { EffectiveTable } from '../model/effective-table.js';
import { parseHostAddress, simulateHost, type HostAddress, type SimPlatform, type Simulation } from '../simulate/index.js';

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
