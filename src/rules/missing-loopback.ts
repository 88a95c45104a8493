// Without ::1/128, localhost's IPv6 address takes its covering row's values. Reported
// where that changes the order a realistic host tries localhost's addresses in.
import type { Rule } from './rule.js';
import { reportMissingRows } from './support/missing-row.js';

export const rule: Rule = {
  meta: {
    id: 'missing-loopback',
    defaultSeverity: 'warning',
    description: "No ::1/128 row in an ip6addrctl.conf, where ::1 then takes the covering row's precedence and label and localhost's order changes.",
    fixable: 'unsafe',
    dialects: ['ip6addrctl'],
    phase: 'policy',
  },
  check(context) {
    reportMissingRows(context, 'missing-loopback', () => "No `::1/128` row: ::1 takes its covering row's precedence and label");
  },
};
