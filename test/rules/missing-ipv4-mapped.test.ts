// missing-ipv4-mapped: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('missing-ipv4-mapped', {
  valid: [
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n", dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: "::1/128 50 0\n::/0 40 1\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "No `::ffff:0:0/96` row: IPv4 destinations such as 198.51.100.7 are looked up as ::ffff:198.51.100.7 and get the covering row ::/0 (precedence 40, label 1), the same values as the IPv6 destinations it covers, so rules 5 and 6 cannot tell IPv4 from IPv6. Add `::ffff:0:0/96 35 4` (or 100 to prefer IPv4).", line: 1, column: 1, endLine: 1, endColumn: 13, severity: 'warning' },
      ],
    },
  ],
});
