// A file whose evident goal the resolver does not reach: `precedence ::/0 100` meant to
// prefer IPv6 also raises IPv4 (::ffff:0:0/96 falls into ::/0), so the two tie and the
// resolver's order decides; a file that raises IPv6 where it already came first changes
// nothing for its goal, and a ULA-only host still loses to IPv4 on rule 5.
import type { Rule } from './rule.js';
import { checkGoal } from './support/goals.js';
import { ruleBrief } from '../impact/changes.js';
import { isIPv4Text } from '../impact/scenario-catalogue.js';
import { lineText } from './support/line-claims.js';
import { impactDetails } from './support/impact.js';

export const rule: Rule = {
  meta: {
    id: 'goal-defeated',
    defaultSeverity: 'error',
    description: 'A file that sets out to prefer IPv6 (or IPv4) where the resolver then does not, or changes nothing towards it.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const check = checkGoal(context);
    if (!check || (!check.defeated && !check.noOp)) return;
    const span = check.line?.entry.span ?? context.policy.entries[0]?.span;
    if (!span) return;
    const what = check.line ? `\`${lineText(check.line)}\`` : 'This file';
    const wanted = check.goal === 'prefer-ipv6' ? 'IPv6' : 'IPv4';
    const details = {
      goal: check.goal,
      missed: check.missed.map((m) => ({
        host: m.hostId,
        order: m.outcome.order,
        orderIfAFirst: m.outcome.reversedOrder,
        rule: m.outcome.rule,
        reason: m.outcome.reason,
      })),
    };
    if (check.defeated) {
      const m = check.missed.find((x) => x.hostId === 'gua-v4')!;
      const [a, b] = m.outcome.order as [string, string];
      const why =
        m.outcome.first === null
          ? `it covers ${check.goal === 'prefer-ipv6' ? 'IPv4 (::ffff:0:0/96) too' : 'IPv6 too'}, so they tie at precedence ${m.outcome.values[a]?.precedence} and the resolver's order decides`
          : ruleBrief(m.outcome, a, b);
      context.report({
        message: `${what} is meant to prefer ${wanted}, but ${why}: ${m.hostName} may try ${isIPv4Text(a) === (wanted === 'IPv4') ? b : a} first. Give ${wanted} a precedence above the other family's.`,
        span,
        details,
      });
      return;
    }
    const ula = check.missed.find((m) => m.hostId === 'ula-v4');
    context.report({
      message:
        `${what} changes no order towards ${wanted}: a GUA+IPv4 host already tried ${wanted} first${ula && wanted === 'IPv6' ? `, and a ULA+IPv4 host still tries IPv4 first (${ruleBrief(ula.outcome, ula.outcome.order[0]!, ula.outcome.order[1]!)})` : ''}. ` +
        `Drop the line, or ${wanted === 'IPv6' ? 'give the ULA the label of the global prefixes it talks to' : 'raise ::ffff:0:0/96 above ::/0'}.`,
      span,
      severity: 'info',
      details: { ...details, ...impactDetails([]) },
    });
  },
};
