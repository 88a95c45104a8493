// `explain --scenarios --policy F`: the impact view. Every scenario of the catalogue
// (src/impact, docs/impact.md) whose outcome under the policy differs from the baseline,
// before and after, with the deciding rule and how much it matters: the same shape as a
// finding's `details.impacts` in `lint --format json`.
import type { Platform } from '../model/builtin-tables.js';
import type { Policy } from '../model/ast.js';
import { DEFAULT_CONFIG } from '../model/config.js';
import { effectiveTable } from '../model/effective-table.js';
import { describeChange, impactJson, type GradedChange } from '../impact/changes.js';
import { changes } from '../impact/policy-impact.js';
import { impactOf } from '../rules/support/impact.js';

export interface ImpactView {
  readonly baseline: Platform;
  readonly scenarios: number;
  readonly changes: readonly GradedChange[];
}

export function impactView(policy: Policy, baseline?: Platform): ImpactView {
  const config = baseline ? { ...DEFAULT_CONFIG, baseline } : DEFAULT_CONFIG;
  const table = effectiveTable(policy);
  const setup = impactOf({ policy, table, config, report: () => undefined });
  return { baseline: setup.baselinePlatform, scenarios: setup.scenarios.length, changes: changes(setup, setup.baseline, table) };
}

export function impactViewJson(view: ImpactView) {
  return { baseline: view.baseline, scenarios: view.scenarios, impacts: view.changes.map(impactJson) };
}

export function formatImpactView(view: ImpactView): string {
  const head = `\nImpact against ${view.baseline}'s default table (${view.scenarios} scenarios, docs/impact.md):\n`;
  if (view.changes.length === 0) return `${head}  no scenario changes\n`;
  const lines = view.changes.map((c) => {
    const grade = c.severity ?? 'no cost';
    const order = (o: readonly string[]) => o.join(', ');
    const aFirst = (o: { order: readonly string[]; reversedOrder: readonly string[] }) =>
      o.reversedOrder.join() === o.order.join() ? '' : ` (A answers first: ${order(o.reversedOrder)})`;
    return `  [${grade}] ${describeChange(c)}\n      ${c.scenario.set.name}: before ${order(c.before.order)}${aFirst(c.before)}; after ${order(c.after.order)}${aFirst(c.after)}`;
  });
  return `${head}${lines.join('\n')}\n`;
}
