// The impact of a policy: its platform, the baseline it is judged against, the scenarios
// (the catalogue plus its own prefixes) and its goals, and the graded changes between
// any two tables of it.
import { builtinEffectiveTable, type EffectiveTable } from '../model/effective-table.js';
import type { Platform } from '../model/builtin-tables.js';
import type { PrefixRange } from '../model/address-spaces.js';
import type { SimPlatform } from '../simulate/resolver-profiles.js';
import { changesBetween, type GradedChange } from './changes.js';
import { inferGoals, NO_GOALS, type Goals, type WrittenLine } from './goals.js';
import { knownTableOf, stockTableOf } from './stock-tables.js';
import { cachedOutcome, sameInputs, type Outcome } from './outcomes.js';
import { MAX_OWN_PREFIXES, scenariosFor, type OwnPrefixes, type Scenario } from './scenario-catalogue.js';

export interface ImpactSetup {
  readonly platform: SimPlatform;
  readonly baselinePlatform: Platform;
  readonly baseline: EffectiveTable;
  readonly scenarios: readonly Scenario[];
  /** Identifies the scenario list, for the outcome cache. */
  readonly key: string;
  /** The platform and the scenario list, for the outcome cache. */
  readonly cacheKey: string;
  readonly goals: Goals;
  /** The system's own table the file is, if any: then nothing in it is the author's change. */
  readonly stock: Platform | null;
}

export interface ImpactInput {
  readonly system: 'glibc' | 'freebsd';
  readonly table: EffectiveTable;
  readonly lines: readonly WrittenLine[];
  readonly own: OwnPrefixes;
  /** A platform's built-in table to compare with instead of the system's own default. */
  readonly baseline?: Platform;
  readonly sitePrefixesGiven: boolean;
}

const prefixKey = (p: PrefixRange) => `${p.prefix}/${p.length}`;
const scenarioLists = new Map<string, readonly Scenario[]>();

export function impactSetup(input: ImpactInput): ImpactSetup {
  const baselinePlatform: Platform = input.baseline ?? input.system;
  const baseline = builtinEffectiveTable(baselinePlatform);
  const key = `${input.own.ula.slice(0, MAX_OWN_PREFIXES).map(prefixKey).join(',')}|${input.own.gua.slice(0, MAX_OWN_PREFIXES).map(prefixKey).join(',')}`;
  // The same list for every file with the same first own prefixes (most files have none).
  let scenarios = scenarioLists.get(key);
  if (!scenarios) scenarioLists.set(key, (scenarios = scenariosFor(input.own)));
  return {
    platform: input.system,
    cacheKey: `${input.system}|${key}`,
    baselinePlatform,
    baseline,
    scenarios,
    // The scenarios depend only on the first few own prefixes (scenariosFor caps them).
    key,
    // A platform's own table adopted whole states no goal of the author's.
    // (Site prefixes in the config are an intent of their own, stock table or not.)
    goals: knownTableOf(input.table)
      ? { ...NO_GOALS, ulaToGua: input.sitePrefixesGiven }
      : inferGoals(input.lines, input.table, baseline, input.sitePrefixesGiven),
    stock: stockTableOf(input.table),
  };
}

export function outcome(setup: ImpactSetup, table: EffectiveTable, index: number): Outcome {
  return cachedOutcome(setup.platform, table, setup.scenarios, setup.cacheKey, index);
}

/** What changes, scenario by scenario (or only in the scenarios given), when `before` is replaced by `after`. */
export function changes(setup: ImpactSetup, before: EffectiveTable, after: EffectiveTable, only?: readonly number[]): GradedChange[] {
  // A scenario whose looked-up values are the same under both tables cannot change: not simulated.
  const candidates = (only ?? [...setup.scenarios.keys()]).filter((i) => !sameInputs(before, after, setup.scenarios[i]!));
  return changesBetween(
    setup.scenarios,
    (i) => outcome(setup, before, i),
    (i) => outcome(setup, after, i),
    setup.goals,
    candidates,
  );
}
