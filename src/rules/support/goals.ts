// Whether a file's evident goal (src/impact/goals.ts) is met, in the scenarios that show it:
// a dual-stack host asking for a name with global AAAA and A records.
import { outcome } from '../../impact/policy-impact.js';
import { isIPv4Text } from '../../impact/scenario-catalogue.js';
import type { Outcome } from '../../impact/outcomes.js';
import type { RuleContext } from '../rule.js';
import { impactOf } from './impact.js';
import { valueLines, type ValueLine } from './value-lines.js';
import { IPV4_MAPPED_BASE } from '../../model/address.js';
import { within } from '../../model/address-spaces.js';
import { lookup } from '../../model/effective-table.js';

export interface GoalCheck {
  readonly goal: 'prefer-ipv6' | 'prefer-ipv4';
  /** The line that states the goal. */
  readonly line: ValueLine | undefined;
  /** Scenario index, host and outcome under the file, for each dual-stack host that misses the goal. */
  readonly missed: readonly {
    readonly index: number;
    readonly hostId: string;
    readonly hostName: string;
    readonly outcome: Outcome;
    readonly baseline: Outcome;
  }[];
  /** The GUA+IPv4 host, whose miss defeats the goal (a ULA-only host's miss is rule 5's doing). */
  readonly defeated: boolean;
  /** Nothing got closer to the goal than the baseline already was. */
  readonly noOp: boolean;
}

const DUAL_STACK_HOSTS = ['gua-v4', 'ula-gua-v4', 'ula-v4'];

export function checkGoal(context: RuleContext): GoalCheck | null {
  const setup = impactOf(context);
  if (setup.stock) return null;
  const goal = setup.goals.preferIPv6 ? 'prefer-ipv6' : setup.goals.preferIPv4 ? 'prefer-ipv4' : null;
  if (!goal) return null;
  const wantsV4 = goal === 'prefer-ipv4';
  const lines = valueLines(context.policy).filter((l) => l.precedence !== undefined);
  const line = wantsV4
    ? lines.find((l) => within(l, { prefix: IPV4_MAPPED_BASE, length: 96 }) || (l.prefix === IPV4_MAPPED_BASE && l.length === 96))
    : // The line that moved: ::/0 (or 2000::/3) raised, else IPv4 lowered.
      (lines.find((l) => l.length <= 3 && l.precedence !== lookup(setup.baseline, l.prefix).precedence) ??
      lines.find((l) => within(l, { prefix: IPV4_MAPPED_BASE, length: 96 })));
  const missed: GoalCheck['missed'][number][] = [];
  let improved = false;
  setup.scenarios.forEach((s, index) => {
    if (s.set.id !== 'gua-v4' || !DUAL_STACK_HOSTS.includes(s.host.id)) return;
    const now = outcome(setup, context.table, index);
    const before = outcome(setup, setup.baseline, index);
    const meets = (o: Outcome) => o.first !== null && isIPv4Text(o.first) === wantsV4;
    if (!meets(now)) missed.push({ index, hostId: s.host.id, hostName: s.host.name, outcome: now, baseline: before });
    if (meets(now) && !meets(before)) improved = true;
  });
  return { goal, line, missed, defeated: missed.some((m) => m.hostId === 'gua-v4'), noOp: !improved };
}
