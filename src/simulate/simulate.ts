// simulate(): the order a resolver returns a name's addresses in, the source it
// uses for each, and the rule behind each adjacent pair. The CLI's `explain` and
// the lint rules' concrete examples both call this.
import type { EffectiveTable } from '../model/effective-table.js';
import { comparison, destinationFacts, type DestinationFacts } from './destination-sort.js';
import { AddressInputError, parseDestination, parseHostAddress, type Destination, type HostAddress } from './host.js';
import { cachedShorthandHost, type HostModel } from './host-model.js';
import { hostModelFromFile } from './host-file-model.js';
import type { HostFile } from '../model/host-file.js';
import { BEHAVIOUR, type SimPlatform, type Verification } from './resolver-profiles.js';
import { sortWith } from './sort-algorithms.js';
import { selectSource } from './source-selection.js';

export interface SimulateInput {
  readonly platform: SimPlatform;
  /** The policy in force; omitted: the platform's built-in table. */
  readonly table?: EffectiveTable;
  /** The host's addresses, as HostAddress or `ADDR/PLEN` text, in the order they were added. */
  readonly sources: readonly (HostAddress | string)[];
  /** Destinations in the resolver's original order (DNS or /etc/hosts order). */
  readonly destinations: readonly string[];
}

export interface SimulationStep {
  readonly a: string;
  readonly b: string;
  /** The deciding rule, or null when the resolver does not sort at all. */
  readonly rule: number | null;
  readonly reason: string;
}

export interface Simulation {
  readonly platform: SimPlatform;
  readonly order: string[];
  readonly sources: Record<string, string | null>;
  readonly steps: SimulationStep[];
  /** False when the resolver leaves the order as it is (FreeBSD empty table, musl all-IPv4). */
  readonly sorted: boolean;
  readonly notes: string[];
  /** Per destination, in the final order: the values the rules looked at. */
  readonly facts: DestinationFacts[];
  /** How the platform's model was checked (the real system, recorded runs, or source reading only). */
  readonly verification: Verification;
}

function hostAddresses(sources: SimulateInput['sources']): HostAddress[] {
  return sources.map((s) => (typeof s === 'string' ? parseHostAddress(s) : s));
}

function whyUnsorted(platform: SimPlatform, table: EffectiveTable, facts: DestinationFacts[]): string | null {
  if (platform === 'freebsd' && !table.sorts) return 'the policy table is empty, so FreeBSD getaddrinfo does not sort';
  if (platform === 'musl' && facts.every((f) => f.dest.family === 4)) return 'musl does not sort when every address is IPv4';
  if (facts.length < 2) return 'a single address is never sorted';
  return null;
}

/**
 * FreeBSD's getaddrinfo asks for AAAA and A records in turn and lists every IPv6 answer
 * before every IPv4 one; that is the order it sorts (and keeps, with an empty table).
 */
function resolverOrder(platform: SimPlatform, destinations: Destination[]): Destination[] {
  if (platform !== 'freebsd') return destinations;
  return [...destinations.filter((d) => d.family === 6), ...destinations.filter((d) => d.family === 4)].map((d, index) => ({ ...d, index }));
}

/** The one-interface shorthand: every source on one interface, a default route per family it has. */
export function simulate(input: SimulateInput): Simulation {
  const kernel = BEHAVIOUR[input.platform].kernel === 'linux' ? 'linux' : 'bsd';
  return simulateModel(
    cachedShorthandHost(input.sources, () => hostAddresses(input.sources), kernel),
    {
      platform: input.platform,
      destinations: input.destinations,
      ...(input.table ? { policy: input.table } : {}),
    },
  );
}

export interface SimulateHostOptions {
  readonly platform: SimPlatform;
  /** Destinations in the resolver's original order; a link-local one may carry a `%zone`. */
  readonly destinations: readonly string[];
  /** Replaces the table the platform's resolver reads (gai.conf for glibc, the kernel table for FreeBSD). */
  readonly policy?: EffectiveTable;
}

/** The resolver's table on this host: the policy given, else the host's own, else the platform's default. */
function resolverTable(model: HostModel, platform: SimPlatform, policy: EffectiveTable | undefined): EffectiveTable | undefined {
  if (policy) return policy;
  if (platform === 'glibc') return model.resolverTable;
  return BEHAVIOUR[platform].kernel === 'linux' ? undefined : model.kernelTable;
}

export function simulateModel(model: HostModel, options: SimulateHostOptions): Simulation {
  const input = options;
  const behaviour = BEHAVIOUR[input.platform];
  const notes: string[] = [];
  const given = resolverTable(model, input.platform, options.policy);
  let table = given ?? behaviour.defaultTable();
  if (options.policy && !behaviour.readsPolicy) {
    notes.push(`${input.platform} ignores policy files: its compiled-in table is used`);
    table = behaviour.defaultTable();
  } else if (model.resolverTable && input.platform !== 'glibc' && behaviour.kernel === 'linux') {
    // A host file's gai.conf governs glibc-linked programs only (doctor asks about the others too).
    notes.push(`${input.platform} ignores policy files, the host's /etc/gai.conf too: its compiled-in table is used`);
  }
  const hosts = model.addresses.filter((a) => a.iface !== model.loopback);
  const destinations = resolverOrder(
    input.platform,
    input.destinations.map((d, i) => parseDestination(d, i)),
  );
  const seen = new Set<string>();
  for (const d of destinations) {
    if (seen.has(d.text)) throw new AddressInputError(d.text, 'destination given twice');
    seen.add(d.text);
  }
  const families = new Set(hosts.map((h) => h.family));
  const knowsAddresses = !behaviour.addressInfoNeedsIPv6 || hosts.some((h) => h.family === 6);
  if (!knowsAddresses && hosts.length > 0) {
    notes.push('glibc gets address flags and prefix lengths only on a host with an IPv6 address: rule 3 is off and IPv4 rule 9 sees only an exact match');
  }
  const labels = behaviour.kernel === 'linux' ? (model.kernelTable ?? behaviour.kernelLabels(table)) : behaviour.kernelLabels(table);
  const kernel = { kernel: behaviour.kernel, labels, linkLocalNeedsZone: behaviour.linkLocalNeedsZone };
  const facts = destinations.map((d) => {
    const chosen = selectSource(model, d, kernel);
    return destinationFacts(behaviour, table, d, chosen.source, { families, knowsAddresses }, chosen.why);
  });

  const unsorted = whyUnsorted(input.platform, table, facts);
  const compare = comparison(behaviour);
  const ordered = unsorted ? facts : sortWith(behaviour.sort, facts, (a, b) => (compare(a, b).first === a ? -1 : 1));
  if (input.platform === 'freebsd' && destinations.some((d, i) => d.text !== parseDestination(input.destinations[i]!, i).text)) {
    notes.push('FreeBSD getaddrinfo lists every IPv6 answer before every IPv4 one before it sorts; that is the order ties (and an unsorted list) keep');
  }
  if (!unsorted && input.platform === 'freebsd' && facts.length >= 3) {
    notes.push(
      "FreeBSD's qsort is not stable from 7 entries on and comp_dst never returns 0: with no socket type in the hints each address is 3 entries, so tied destinations may come out permuted (not predicted here)",
    );
  }

  const steps: SimulationStep[] = [];
  for (let i = 0; i + 1 < ordered.length; i++) {
    const a = ordered[i]!;
    const b = ordered[i + 1]!;
    if (unsorted) {
      steps.push({ a: a.dest.text, b: b.dest.text, rule: null, reason: `not sorted: ${unsorted}` });
      continue;
    }
    const d = compare(a, b);
    const reason =
      d.first === a
        ? d.reason
        : `${d.reason}; yet ${a.dest.text} comes first: the comparison is not transitive here and the sort never compared this pair directly`;
    steps.push({ a: a.dest.text, b: b.dest.text, rule: d.rule, reason });
  }
  const sources: Record<string, string | null> = {};
  for (const f of ordered) sources[f.dest.text] = f.source ? f.source.text : null;
  return {
    platform: input.platform,
    order: ordered.map((f) => f.dest.text),
    sources,
    steps,
    sorted: !unsorted,
    notes,
    facts: ordered,
    verification: behaviour.verification,
  };
}

/** The whole host (a host file): its interfaces, routes and tables, as `platform` sees them. */
export function simulateHost(host: HostFile, options: SimulateHostOptions): Simulation {
  const model = hostModelFromFile(host, options.platform);
  const policy = options.policy;
  // A policy replaces the table of its own dialect only: gai.conf for glibc, the kernel table for FreeBSD.
  const reads = options.platform === 'glibc' ? 'glibc' : options.platform === 'freebsd' ? 'freebsd' : null;
  if (policy && reads !== null && policy.system !== reads) {
    const { policy: _, ...rest } = options;
    const sim = simulateModel(model, rest);
    const what = policy.system === 'glibc' ? 'a gai.conf' : 'an ip6addrctl table';
    sim.notes.push(`the policy is ${what}, which ${options.platform} does not read: the host's own table is used`);
    return sim;
  }
  return simulateModel(model, options);
}
