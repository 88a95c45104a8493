// What a resolver does in each scenario under a table: the order (for the resolver's
// order and its reverse, so a tie that the resolver's order decides shows), the source of
// each destination, and the rule that decided the first pair.
import { IPV4_MAPPED_BASE, parseIPv6 } from '../model/address.js';
import { lookup, type EffectiveTable } from '../model/effective-table.js';
import type { PrefixTable } from '../model/prefix-table.js';
import { parseDestination } from '../simulate/host.js';
import type { SimPlatform } from '../simulate/resolver-profiles.js';
import { simulate } from '../simulate/simulate.js';
import type { Scenario } from './scenario-catalogue.js';

export interface Outcome {
  /** The order when the resolver answers in the set's order (AAAA first). */
  readonly order: readonly string[];
  /** The order when it answers in the reverse order (A first). */
  readonly reversedOrder: readonly string[];
  readonly sources: Readonly<Record<string, string | null>>;
  /** The destination tried first, or null when the resolver's order decides (a tie). */
  readonly first: string | null;
  /** The RFC 6724 rule that decided the first pair (null: not sorted). */
  readonly rule: number | null;
  readonly reason: string;
  /** Each destination's precedence and label, and its source's label (what rules 5 and 6 compare). */
  readonly values: Readonly<Record<string, { readonly precedence: number; readonly label: number; readonly sourceLabel: number | null }>>;
}

export function outcomeOf(platform: SimPlatform, table: EffectiveTable, scenario: Scenario): Outcome {
  const base = { platform, table, sources: scenario.host.sources };
  const forward = simulate({ ...base, destinations: scenario.set.destinations });
  const step = forward.steps[0];
  // With two answers, a rule before rule 10 decides the same whatever order they came in:
  // only a tie (rule 10) or no sorting at all needs the reversed run.
  const decided = scenario.set.destinations.length === 2 && step?.rule !== undefined && step.rule !== null && step.rule < 10;
  const reversed = decided ? { order: [...forward.order] } : simulate({ ...base, destinations: [...scenario.set.destinations].reverse() });
  return {
    order: forward.order,
    reversedOrder: reversed.order,
    sources: forward.sources,
    first: forward.order[0] === reversed.order[0] ? forward.order[0]! : null,
    rule: step?.rule ?? null,
    reason: step?.reason ?? '',
    values: Object.fromEntries(forward.facts.map((f) => [f.dest.text, { precedence: f.precedence, label: f.dstLabel, sourceLabel: f.srcLabel }])),
  };
}

const cache = new WeakMap<object, Map<string, (Outcome | undefined)[]>>();

/**
 * Up to this many rows, a table's outcomes are cached by what it holds, so the same table
 * in many files (a config repository's hosts, `policylint hosts/`) is simulated once per run
 * (issue 6's 1,000-file budget); a larger table by its identity, since writing out its rows
 * would cost more than it saves.
 */
const SMALL_TABLE_ROWS = 64;
const contentKeys = new Map<string, object>();
const tableKeys = new WeakMap<EffectiveTable, object>();

/** Everything a simulation reads from a table, rows in the order given (the first of a prefix wins). */
function contentOf(table: EffectiveTable): string {
  const rows = (t: PrefixTable<number> | null) => (t ? t.rows.map((r) => `${r.prefix}/${r.length}=${r.value}:${r.origin}`).join(',') : '-');
  return `${table.system}|${table.sorts}|${table.noMatch.precedence},${table.noMatch.label}|${rows(table.labels)}|${rows(table.precedences)}|${rows(table.scopev4)}`;
}

/** The outcome cache's key for a table: its content for a small one, else the table itself. */
function cacheKeyOf(table: EffectiveTable): object {
  let key = tableKeys.get(table);
  if (key) return key;
  const size = table.labels.size + table.precedences.size + (table.scopev4?.size ?? 0);
  if (size > SMALL_TABLE_ROWS) key = table;
  else {
    const content = contentOf(table);
    key = contentKeys.get(content);
    if (!key) contentKeys.set(content, (key = {}));
  }
  tableKeys.set(table, key);
  return key;
}

/** One scenario's outcome under a table, computed once per table (or small table's content), platform, scenario list and index. */
export function cachedOutcome(platform: SimPlatform, table: EffectiveTable, scenarios: readonly Scenario[], key: string, index: number): Outcome {
  const tableKey = cacheKeyOf(table);
  let byKey = cache.get(tableKey);
  if (!byKey) cache.set(tableKey, (byKey = new Map()));
  let list = byKey.get(key);
  if (!list) byKey.set(key, (list = new Array(scenarios.length)));
  return (list[index] ??= outcomeOf(platform, table, scenarios[index]!));
}

/** Loopback, which every host also has (as ::1 and the mapped 127.0.0.1). */
const LOOPBACK = [parseIPv6('::1')!, IPV4_MAPPED_BASE | 0x7f000001n];

interface LookedUp {
  readonly address: bigint;
  readonly family: 4 | 6;
  /** A destination's precedence is read (rule 6); a source's never is, only its label. */
  readonly destination: boolean;
}

const addressesOf = new WeakMap<Scenario, readonly LookedUp[]>();

/** Every address a simulation of the scenario looks up in a table: the host's, loopback's, the names'. */
function scenarioAddresses(scenario: Scenario): readonly LookedUp[] {
  let list = addressesOf.get(scenario);
  if (!list) {
    const loopback = LOOPBACK.map((address, i) => ({ address, family: (i === 0 ? 6 : 4) as 4 | 6, destination: false }));
    list = [
      ...scenario.host.sources.map((s) => ({ address: s.address, family: s.family, destination: false })),
      ...loopback,
      ...scenario.set.destinations.map((d, i) => ({ ...parseDestination(d, i), destination: true })),
    ];
    addressesOf.set(scenario, list);
  }
  return list;
}

/**
 * Does the scenario come out the same under both tables without simulating it? It does when
 * every value a simulation reads from a table is the same for each of the scenario's
 * addresses: label and whether a label row matches (rule 5, source selection, FreeBSD's
 * no-policy case), a destination's precedence (rule 6), IPv4 scopes (glibc's scopev4), and
 * whether the table sorts at all. A cold start then simulates only the scenarios a file's lines can touch.
 * (test/outcomes.test.ts checks that equal inputs give equal outcomes on random tables.)
 */
export function sameInputs(a: EffectiveTable, b: EffectiveTable, scenario: Scenario): boolean {
  if (a === b) return true;
  if (a.system !== b.system || a.sorts !== b.sorts) return false;
  for (const x of scenarioAddresses(scenario)) {
    const va = lookup(a, x.address);
    const vb = lookup(b, x.address);
    if (va.label !== vb.label || (va.labelRow === undefined) !== (vb.labelRow === undefined)) return false;
    // Precedence only sorts destinations: a prefer-IPv4 line changes no IPv6-only scenario
    // through the host's and loopback's IPv4 addresses (issue 10's one-liner).
    if (x.destination && va.precedence !== vb.precedence) return false;
    if (x.family === 4 && a.scopev4 !== b.scopev4) {
      if (!a.scopev4 || !b.scopev4 || a.scopev4.match(x.address)?.value !== b.scopev4.match(x.address)?.value) return false;
    }
  }
  return true;
}
