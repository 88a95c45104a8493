// deprecated-prefix: a row that promotes 6to4 (or other gone space) over native IPv6; demotions and ::1 are not reported.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('deprecated-prefix', {
  valid: [
    // 6to4 demoted
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 1 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // ::1 row
    { code: 'precedence ::1/128 50\nprecedence ::/0 40\nprecedence 2002::/16 30\nprecedence ::/96 20\nprecedence ::ffff:0:0/96 10\n', dialect: 'gai' },
    // teredo raised gai
    {
      code: 'precedence ::1/128 50\nprecedence ::/0 40\nprecedence 2002::/16 30\nprecedence ::/96 20\nprecedence ::ffff:0:0/96 10\nprecedence 2001::/32 45\n',
      dialect: 'gai',
    },
  ],
  invalid: [
    // 6to4 raised
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 50 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            '`2002::/16 50 2` raises 6to4 space (2002::/16, deprecated by RFC 7526) from 30: a 6to4 host now tries 2002:c633:6401::1 before 198.51.100.7 (rule 6: precedence 50 vs 35). Only hosts that still use 6to4 see it; keep it at 30 or below.',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 15,
          severity: 'info',
        },
      ],
    },
  ],
});
