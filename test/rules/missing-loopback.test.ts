// missing-loopback: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('missing-loopback', {
  valid: [
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n", dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: "::/0 40 1\n::ffff:0:0/96 35 4\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "No `::1/128` row: ::1 gets ::/0's precedence 40 and label 1 instead of precedence 50 and its own label 0, so a name that resolves to ::1 and other addresses no longer puts ::1 first (rule 6). Add `::1/128 50 0`.", line: 1, column: 1, endLine: 1, endColumn: 10, severity: 'warning' },
      ],
    },
  ],
});
