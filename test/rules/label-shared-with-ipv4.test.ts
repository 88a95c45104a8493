// label-shared-with-ipv4: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('label-shared-with-ipv4', {
  valid: [
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n", dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n2001:db8::/32 40 4\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "2001:db8::/32 has label 4, the label of IPv4 (::ffff:0:0/96). Rule 5 only compares a destination with a source of its own family, so this does not make IPv4 and IPv6 match; it gives these IPv6 addresses a label the other IPv6 prefixes do not share, so IPv6 paths between them and other IPv6 addresses fail rule 5 and lose to IPv4 pairs, which always match. Give the prefix the label of the IPv6 prefixes it talks to (or use precedence to rank it).", line: 10, column: 1, endLine: 10, endColumn: 19, severity: 'warning' },
      ],
    },
  ],
});
