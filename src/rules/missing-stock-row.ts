// A row of FreeBSD's default table (rc.d ipv6_prefer) that the file leaves out, so its
// addresses fall to a covering row: without `fc00::/7 3 13` a ULA source shares ::/0's
// label and a ULA-only host tries global IPv6 first. Reported where that changes a
// realistic order (::/0, ::1 and ::ffff:0:0/96 have rules of their own).
import type { Rule } from './rule.js';
import { reportMissingRows } from './support/missing-row.js';

export const rule: Rule = {
  meta: {
    id: 'missing-stock-row',
    defaultSeverity: 'warning',
    description:
      "A row of FreeBSD's default table missing from an ip6addrctl.conf, where its addresses then take a covering row's values and a realistic order changes.",
    fixable: 'unsafe',
    dialects: ['ip6addrctl'],
    phase: 'policy',
  },
  check(context) {
    reportMissingRows(context, 'missing-stock-row', (prefix) => `No \`${prefix}\` row: its addresses take the covering row's precedence and label`);
  },
};
