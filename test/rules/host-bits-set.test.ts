// host-bits-set: bits beyond the length, which both systems ignore (info).
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('host-bits-set', {
  valid: [
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
  ],
  invalid: [
    // 300::/7
    {
      code: 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\nlabel 300::/7 6\n',
      dialect: 'gai',
      errors: [
        {
          message: '`300::/7` has bits set beyond /7: glibc ignores them when matching, so this line means `200::/7`. Write `200::/7`.',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 14,
          severity: 'info',
        },
      ],
      output:
        'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\nlabel 200::/7 6\n',
    },
  ],
});
