// redundant-entry: a row that changes no address (info); a deliberate override of a stock prefix is not reported.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('redundant-entry', {
  valid: [
    // ula fix
    {
      code: 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 1\nlabel 2001::/32 7\n',
      dialect: 'gai',
    },
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
  ],
  invalid: [
    // gua same as ::/0
    {
      code: 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\nlabel 2001:db8::/32 1\n',
      dialect: 'gai',
      errors: [
        {
          message: '2001:db8::/32 gives the same label as the row that covers it, ::/0: removing it changes no address. Remove it if it documents nothing.',
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 22,
          severity: 'info',
        },
      ],
      output:
        'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\n',
    },
    // row same as ::/0
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n2001:db8::/32 40 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            '2001:db8::/32 gives the same precedence and label as the row that covers it, ::/0: removing it changes no address. Remove it if it documents nothing.',
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 19,
          severity: 'info',
        },
      ],
      output: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
    },
  ],
});
