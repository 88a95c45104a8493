// Without ::/0, FreeBSD gives unmatched destinations precedence 0 and no label (-1), so
// they fail rule 5 and sort last. Reported where that changes a realistic order. (glibc
// appends ::/0 itself, so a gai.conf without one means what it says with one: not a finding.)
import type { Rule } from './rule.js';
import { reportMissingRows } from './support/missing-row.js';

export const rule: Rule = {
  meta: {
    id: 'missing-catch-all',
    defaultSeverity: 'warning',
    description: 'An ip6addrctl.conf without ::/0, where unmatched destinations then get no label and precedence 0 and lose to IPv4.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl'],
    phase: 'policy',
  },
  check(context) {
    reportMissingRows(
      context,
      'missing-catch-all',
      () => 'No `::/0` row: the kernel gives unmatched destinations precedence 0 and no label, so they fail rule 5',
    );
  },
};
