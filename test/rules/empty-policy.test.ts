// empty-policy: the cases moved from test/rules-policy.test.ts (exact messages and spans); re-graded by impact
// (messages one line of at most 300 characters).
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('empty-policy', {
  valid: [
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    { code: '', dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: '# all commented out\n# ::/0 40 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "No rows: rc.d flushes the kernel table and installs none from this non-empty file, so FreeBSD's libc does not sort getaddrinfo results at all (DNS order wins). Add rows (`policylint defaults --platform freebsd`), or delete the file so rc.d installs a built-in table.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
        },
      ],
    },
  ],
});
