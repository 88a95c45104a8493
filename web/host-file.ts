// A host file (src/model/host-file.ts: `explain --host HOST.json`) as the explain panel names
// it: the addresses of its interfaces that are up, in order, deprecated ones marked. The
// simulation itself takes the whole host file (web/core.ts: simulateHost, as the CLI).
import type { HostFile } from '../src/model/host-file.js';

export type HostSources = { readonly sources: string[] } | { readonly problem: string };

export function sourcesOfHostFile(text: string): HostSources {
  let data: HostFile;
  try {
    data = JSON.parse(text) as HostFile;
  } catch (e) {
    return { problem: `host file: not JSON (${(e as Error).message}); give the JSON that doctor --dump-host writes` };
  }
  if (!data || !Array.isArray(data.interfaces)) return { problem: 'host file: no "interfaces" list; give the JSON that doctor --dump-host writes' };
  const sources: string[] = [];
  for (const iface of data.interfaces) {
    if (iface?.up === false || !Array.isArray(iface?.addresses)) continue;
    for (const a of iface.addresses) {
      if (typeof a?.address !== 'string') return { problem: `host file: interface ${iface.name}: an address without "address" text` };
      // The simulator takes no zone: a link-local address is matched by its scope alone.
      const address = a.address.replace(/%[^/]*/, '');
      sources.push(a.flags?.includes('deprecated') ? `deprecated ${address}` : address);
    }
  }
  return { sources };
}
