// host-bits-set: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('host-bits-set', {
  valid: [
    { code: "2001:db8::/32 40 1\n", dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: "::/0 40 1\n2001:db8::1/32 45 2\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "`2001:db8::1/32` has bits set beyond /32: the FreeBSD kernel masks them off, so this line means `2001:db8::/32`. Write `2001:db8::/32`.", line: 2, column: 1, endLine: 2, endColumn: 15, severity: 'warning' },
      ],
    output: "::/0 40 1\n2001:db8::/32 45 2\n",
    },
    {
      code: "scopev4 169.254.1.1/16 2\n",
      dialect: 'gai',
      errors: [
      { message: "`169.254.1.1/16` has bits set beyond /16: glibc ignores them when matching, so this line means `169.254.0.0/16`. Write `169.254.0.0/16`.", line: 1, column: 9, endLine: 1, endColumn: 23, severity: 'warning' },
      ],
    output: "scopev4 169.254.0.0/16 2\n",
    },
  ],
});
