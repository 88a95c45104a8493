// deprecated-prefix: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('deprecated-prefix', {
  valid: [
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n", dialect: 'ip6addrctl' },
    { code: "::/96 20 3\n::/0 40 1\n", dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 50 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "2002::/16 is 6to4 space (2002::/16), deprecated by RFC 7526: a custom row for it changes nothing a current network uses, or revives a path that no longer works. Keep the stock row or remove this one.", line: 4, column: 1, endLine: 4, endColumn: 15, severity: 'warning' },
      ],
    },
  ],
});
