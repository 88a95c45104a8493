// ipv4-compatible-prefix: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('ipv4-compatible-prefix', {
  valid: [
    { code: '::ffff:10.0.0.0/104 40 1\n', dialect: 'ip6addrctl' },
    { code: '::/96 1 3\n', dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: '::/0 40 1\n::10.0.0.0/104 45 4\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            '`::10.0.0.0/104` is in the deprecated IPv4-compatible space ::/96, not the IPv4-mapped ::ffff:0:0/96: both FreeBSD and glibc look IPv4 addresses up as ::ffff:a.b.c.d, so this row never matches an IPv4 destination. Write `::ffff:10.0.0.0/104`.',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 15,
          severity: 'error',
        },
      ],
      output: '::/0 40 1\n::ffff:10.0.0.0/104 45 4\n',
    },
  ],
});
