// Without ::1/128, localhost's IPv6 address shares ::/0's precedence and label.
import { isRow } from '../model/ast.js';
import { lookup } from '../model/effective-table.js';
import type { Rule } from './rule.js';
import { prefixText } from '../model/address.js';

export const rule: Rule = {
  meta: {
    id: 'missing-loopback',
    defaultSeverity: 'warning',
    description: 'No ::1/128 row: ::1 takes the covering row\'s precedence and label instead of 50 and 0.',
    fixable: 'no',
    dialects: ['ip6addrctl'],
    phase: 'policy',
  },
  check(context) {
    const { policy, table } = context;
    const rows = policy.entries.filter(isRow);
    if (!policy.installable || rows.length === 0 || rows.some((r) => r.prefix.length === 128 && r.prefix.address === 1n)) return;
    const v = lookup(table, 1n);
    const now = v.labelRow ? `${prefixText(v.labelRow)}'s precedence ${v.precedence} and label ${v.label}` : 'precedence 0 and no label (no row matches)';
    context.report({
      message: `No \`::1/128\` row: ::1 gets ${now} instead of precedence 50 and its own label 0, so a name that resolves to ::1 and other addresses no longer puts ::1 first (rule 6). Add \`::1/128 50 0\`.`,
      span: rows[0]!.span,
    });
  },
};
