// duplicate-prefix: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('duplicate-prefix', {
  valid: [
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n", dialect: 'ip6addrctl' },
    { code: "label ::/0 1\nprecedence ::/0 40\n", dialect: 'gai' },
  ],
  invalid: [
    {
      code: "::/0 40 1\n::0/0 40 1\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "`::0/0` repeats the prefix of line 1: the kernel refuses it with EEXIST (ip6addrctl prints a warning, exit status 0) and keeps line 1's 40 1. Remove this line.", line: 2, column: 1, endLine: 2, endColumn: 6, severity: 'warning' },
      ],
    output: "::/0 40 1\n",
    },
    {
      code: "::/0 40 1\n2001:db8::/32 1 1\n2001:db8::1/32 50 9\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "`2001:db8::1/32` repeats the prefix of line 2: the kernel refuses it with EEXIST (ip6addrctl prints a warning, exit status 0) and keeps line 2's 1 1. Remove the line you do not mean; as written this one never applies.", line: 3, column: 1, endLine: 3, endColumn: 15, severity: 'error' },
      ],
    output: "::/0 40 1\n2001:db8::/32 1 1\n",
    },
    {
      code: "label fc00::/7 1\nlabel fc00::/7 6\n",
      dialect: 'gai',
      errors: [
      { message: "`fc00::/7` repeats the prefix of line 1: glibc keeps both but sorts them stably, so line 1's value 1 always wins. Remove the line you do not mean; as written this one never applies.", line: 2, column: 7, endLine: 2, endColumn: 15, severity: 'error' },
      ],
    output: "label fc00::/7 1\n",
    },
  ],
});
