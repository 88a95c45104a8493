// no-effect: a file whose own rows change no scenario against the platform's default (info).
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('no-effect', {
  valid: [
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // glibc default
    { code: '', dialect: 'gai' },
    // prefer v4
    { code: 'precedence ::ffff:0:0/96 100\n', dialect: 'gai' },
  ],
  invalid: [
    // row same as ::/0
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n2001:db8:dead::/48 40 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "This file's 1 row of its own change no order or source for any scenario policylint checks (`policylint explain --scenarios`): hosts behave as with freebsd's default table.",
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 24,
          severity: 'info',
        },
      ],
    },
  ],
});
