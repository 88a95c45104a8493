// IPv4 destinations are looked up as ::ffff:a.b.c.d. Without a ::ffff:0:0/96 row they
// fall into a covering row (usually ::/0) and share its label and precedence with IPv6:
// rule 6 then ties IPv4 with global IPv6. Reported where that changes a realistic order.
import type { Rule } from './rule.js';
import { reportMissingRows } from './support/missing-row.js';

export const rule: Rule = {
  meta: {
    id: 'missing-ipv4-mapped',
    defaultSeverity: 'warning',
    description: 'No ::ffff:0:0/96 row in an ip6addrctl.conf, where IPv4 then shares a covering row with IPv6 and the order changes.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl'],
    phase: 'policy',
  },
  check(context) {
    reportMissingRows(context, 'missing-ipv4-mapped', () => 'No `::ffff:0:0/96` row: IPv4 destinations share their covering row with IPv6');
  },
};
