// goal-defeated: a file that sets out to prefer IPv6 where the resolver then does not (error), or changes nothing towards it (info).
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('goal-defeated', {
  valid: [
    // prefer v4
    { code: 'precedence ::ffff:0:0/96 100\n', dialect: 'gai' },
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // ipv4 prefer stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 100 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
  ],
  invalid: [
    // prefer v6 ::/0 100
    {
      code: 'precedence ::/0 100\n',
      dialect: 'gai',
      errors: [
        {
          message:
            "`precedence ::/0 100` is meant to prefer IPv6, but it covers IPv4 (::ffff:0:0/96) too, so they tie at precedence 100 and the resolver's order decides: a GUA+IPv4 host may try 198.51.100.7 first. Give IPv6 a precedence above the other family's.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 20,
          severity: 'error',
        },
      ],
    },
    // no-op prefer v6
    {
      code: 'precedence ::ffff:0:0/96 10\nprecedence ::/0 100\n',
      dialect: 'gai',
      errors: [
        {
          message:
            '`precedence ::/0 100` changes no order towards IPv6: a GUA+IPv4 host already tried IPv6 first, and a ULA+IPv4 host still tries IPv4 first (rule 5: labels 4/4 match, 6/1 do not). Drop the line, or give the ULA the label of the global prefixes it talks to.',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 20,
          severity: 'info',
        },
      ],
    },
  ],
});
