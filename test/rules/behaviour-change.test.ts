// behaviour-change: a line (or the file) that makes a realistic host worse off against the platform's default, claimed by no more specific rule; its fix is withheld where removing the line re-creates the ULA/GUA mismatch.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('behaviour-change', {
  valid: [
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // glibc default
    { code: '', dialect: 'gai' },
    // ipv4-prefer stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 100 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
  ],
  invalid: [
    // cross-site
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd08:aaaa:bbbb::/48 45 14\n2001:db8:1000::/36 45 14\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            '`2001:db8:1000::/36 45 14` gives 2001:db8:1000::/36 label 14 (default 1) and precedence 45 (default 40): a 2001:db8:1000::10+IPv4 host now tries 198.51.100.7 before 3fff:0:2::1. No automatic fix: it would make a 2001:db8:1000::10+IPv4 host try IPv4 first for an internal ULA service (AAAA+A).',
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 25,
          severity: 'warning',
        },
      ],
      output: null,
    },
    // gua label 14 alone
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n2001:db8:1000::/36 40 14\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            '`2001:db8:1000::/36 40 14` gives 2001:db8:1000::/36 label 14 (default 1): a 2001:db8:1000::10+IPv4 host now tries 198.51.100.7 before 3fff:0:2::1 (rule 5: labels 4/4 match, 14/1 do not) (+1 more scenario). Remove it unless that is the intent.',
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 25,
          severity: 'warning',
        },
      ],
      output: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
    },
  ],
});
