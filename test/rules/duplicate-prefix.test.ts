// duplicate-prefix: a repeated prefix: info when the values are the same, an error when the line the author meant never applies.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('duplicate-prefix', {
  valid: [
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
  ],
  invalid: [
    // same
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n::1/128 50 0\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "`::1/128` repeats the prefix of line 1: the kernel refuses it with EEXIST (ip6addrctl prints a warning, exit status 0) and keeps line 1's 50 0. Remove this line.",
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 8,
          severity: 'info',
        },
      ],
      output: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
    },
    // different
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n::1/128 60 0\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "`::1/128` repeats the prefix of line 1: the kernel refuses it with EEXIST (ip6addrctl prints a warning, exit status 0) and keeps line 1's 50 0. Remove the line you do not mean; as written this one never applies.",
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 8,
          severity: 'error',
        },
      ],
      output: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
    },
    // gai same
    {
      code: 'precedence ::1/128 50\nprecedence ::/0 40\nprecedence ::1/128 50\n',
      dialect: 'gai',
      errors: [
        {
          message: "`::1/128` repeats the prefix of line 1: glibc keeps both but sorts them stably, so line 1's value 50 always wins. Remove this line.",
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 19,
          severity: 'info',
        },
      ],
      output: 'precedence ::1/128 50\nprecedence ::/0 40\n',
    },
  ],
});
