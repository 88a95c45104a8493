// ula-below-ipv4: ULA below IPv4 against the platform's default (RFC 6724's values pasted into gai.conf), or despite ULA intent.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('ula-below-ipv4', {
  valid: [
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // glibc default
    { code: '', dialect: 'gai' },
    // wifibox
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd00::/64 37 1\n',
      dialect: 'ip6addrctl',
    },
  ],
  invalid: [
    // rfc6724 on glibc
    {
      code: 'precedence ::1/128 50\nprecedence ::/0 40\nprecedence ::ffff:0:0/96 35\nprecedence 2002::/16 30\nprecedence 2001::/32 5\nprecedence fc00::/7 3\nprecedence ::/96 1\nprecedence fec0::/10 1\nprecedence 3ffe::/16 1\n',
      dialect: 'gai',
      errors: [
        {
          message:
            "`precedence fc00::/7 3` puts ULA destinations below IPv4 (35), where glibc's default did not: a ULA+IPv4 host now tries 192.0.2.20 before fd00:1:0:2::20 (rule 6: precedence 35 vs 3) (+1 more scenario). Raise it above 35, e.g. 45.",
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 22,
          severity: 'warning',
        },
      ],
      output:
        'precedence ::1/128 50\nprecedence ::/0 40\nprecedence ::ffff:0:0/96 35\nprecedence 2002::/16 30\nprecedence 2001::/32 5\nprecedence fc00::/7 45\nprecedence ::/96 1\nprecedence fec0::/10 1\nprecedence 3ffe::/16 1\n',
    },
    // site ula below ipv4
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd08:aaaa:bbbb::/48 20 14\n2001:db8:1000::/36 45 14\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            'ULA destinations rank below IPv4 (rule 6): fd08:aaaa:bbbb::1 has precedence 20, IPv4 such as 198.51.100.7 has 35, so hosts sharing fd08:aaaa:bbbb::/48 reach each other over IPv4. Raise its precedence above 35, e.g. 45.',
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 26,
          severity: 'warning',
        },
      ],
      output:
        '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd08:aaaa:bbbb::/48 45 14\n2001:db8:1000::/36 45 14\n',
    },
  ],
});
