// What a resolver does in each scenario under a table: the order (for the resolver's
// order and its reverse, so a tie that the resolver's order decides shows), the source of
// each destination, and the rule that decided the first pair.
import type { EffectiveTable } from '../model/effective-table.js';
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

const cache = new WeakMap<EffectiveTable, Map<string, (Outcome | undefined)[]>>();

/** One scenario's outcome under a table, computed once per table, platform, scenario list and index. */
export function cachedOutcome(platform: SimPlatform, table: EffectiveTable, scenarios: readonly Scenario[], key: string, index: number): Outcome {
  let byKey = cache.get(table);
  if (!byKey) cache.set(table, (byKey = new Map()));
  let list = byKey.get(key);
  if (!list) byKey.set(key, (list = new Array(scenarios.length)));
  return (list[index] ??= outcomeOf(platform, table, scenarios[index]!));
}
