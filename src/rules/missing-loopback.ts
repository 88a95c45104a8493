// Without ::1/128, localhost's IPv6 address takes its covering row's values, and a name
// that resolves to ::1 and 127.0.0.1 may come out IPv4 first. Info at most: a refused
// loopback connection falls back at once. Reported only where the order really changes.
import { isRow } from '../model/ast.js';
import { withFreebsdRows } from '../impact/counterfactual-tables.js';
import { changes } from '../impact/policy-impact.js';
import { describeChange } from '../impact/changes.js';
import type { Rule } from './rule.js';
import { impactDetails, impactOf } from './support/impact.js';
import { insertLinesAfter } from './support/line-edits.js';

const LOOPBACK_ROW = { prefix: 1n, length: 128, precedence: 50, label: 0 };

export const rule: Rule = {
  meta: {
    id: 'missing-loopback',
    defaultSeverity: 'info',
    description: "No ::1/128 row in an ip6addrctl.conf, where ::1 then takes the covering row's precedence and label and localhost's order changes.",
    fixable: 'unsafe',
    dialects: ['ip6addrctl'],
    phase: 'policy',
  },
  check(context) {
    const { policy, table } = context;
    const rows = policy.entries.filter(isRow);
    if (!policy.installable || rows.length === 0 || table.labels.exact(1n, 128)) return;
    const setup = impactOf(context);
    const localhost = setup.scenarios.flatMap((s, i) => (s.set.id === 'localhost' ? [i] : []));
    const changed = changes(setup, withFreebsdRows(table, [LOOPBACK_ROW]), table, localhost);
    if (changed.length === 0) return;
    context.report({
      message: `No \`::1/128\` row: ::1 takes its covering row's precedence and label, so ${describeChange(changed[0]!)}.`,
      span: rows[0]!.span,
      details: impactDetails(changed.map((c) => ({ ...c, severity: 'info' as const }))),
      fix: { safety: 'unsafe', description: 'add ::1/128 50 0', edits: [insertLinesAfter(policy, rows[rows.length - 1]!, ['::1/128 50 0'])] },
      fixAdvice: "Add `::1/128 50 0` as FreeBSD's default table has it.",
    });
  },
};
