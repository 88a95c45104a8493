// label-shared-with-ipv4: an IPv6 prefix with IPv4's label, where its hosts then lose IPv6 to the internet on rule 5.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('label-shared-with-ipv4', {
  valid: [
    // full
    {
      code: 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\n',
      dialect: 'gai',
    },
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
  ],
  invalid: [
    // site gua label 4
    {
      code: 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\nlabel 2001:db8:1000::/36 4\n',
      dialect: 'gai',
      errors: [
        {
          message:
            "`label 2001:db8:1000::/36 4` gives IPv6 addresses IPv4's label 4, so rule 5 no longer pairs them with other IPv6 addresses: a 2001:db8:1000::10+IPv4 host now tries 198.51.100.7 before 3fff:0:2::1 (rule 5: labels 4/4 match, 4/1 do not). Give the prefix the label of the IPv6 prefixes it talks to.",
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 27,
          severity: 'warning',
        },
      ],
      output:
        'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\n',
    },
  ],
});
