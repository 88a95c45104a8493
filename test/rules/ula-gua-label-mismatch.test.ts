// ula-gua-label-mismatch: the flagship: a ULA source and global destinations with different labels lose to IPv4 on rule 5; fixes in the file's own dialect and prefixes (a gai.conf without labels gets the whole default table, fc00::/7 edited in place).
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('ula-gua-label-mismatch', {
  valid: [
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // wifibox
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd00::/64 37 1\n',
      dialect: 'ip6addrctl',
    },
    // cross-site
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd08:aaaa:bbbb::/48 45 14\n2001:db8:1000::/36 45 14\n',
      dialect: 'ip6addrctl',
    },
    // rfc6724 10.6
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd11:1111:1111::/48 45 14\n',
      dialect: 'ip6addrctl',
    },
    // empty
    { code: '', dialect: 'gai' },
  ],
  invalid: [
    // classic
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 37 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "Rule 5: a fd00::1+IPv4 host reaching 2001:db8::1 fails the label match (13 vs 1) while IPv4 matches (4), so FreeBSD's libc tries 198.51.100.7 first whatever the precedences. Raising it to 37 does not help. Give fc00::/7 label 1: `fc00::/7 37 1`.",
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 15,
          severity: 'warning',
        },
      ],
      output: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 37 1\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
    },
    // site rows mismatched
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd08:aaaa:bbbb::/48 45 14\n2001:db8:1000::/36 45 15\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "Rule 5: a fd08:aaaa:bbbb::1+IPv4 host reaching 2001:db8:1000::1 fails the label match (14 vs 15) while IPv4 matches (4), so FreeBSD's libc tries 198.51.100.7 first whatever the precedences. Give fd08:aaaa:bbbb::/48 label 15: `fd08:aaaa:bbbb::/48 45 15`.",
          line: 10,
          column: 1,
          endLine: 10,
          endColumn: 26,
          severity: 'warning',
        },
      ],
      output:
        '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd08:aaaa:bbbb::/48 45 15\n2001:db8:1000::/36 45 15\n',
    },
    // config site prefixes, empty gai
    {
      code: '',
      dialect: 'gai',
      config: { sitePrefixes: { ula: ['fd08:aaaa:bbbb::/48'], gua: ['2001:db8:1000::/36'] } },
      errors: [
        {
          message:
            "Rule 5: a fd08:aaaa:bbbb::1+IPv4 host reaching 2001:db8:1000::1 fails the label match (6 vs 1) while IPv4 matches (4), so glibc's getaddrinfo tries 198.51.100.7 first whatever the precedences. Give fd08:aaaa:bbbb::/48 label 1: `label fd08:aaaa:bbbb::/48 1` in a full label table.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
        },
      ],
      output:
        'label ::1/128 0\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\nlabel ::/0 1\nlabel fd08:aaaa:bbbb::/48 1\n',
    },
    // gai ula precedence raised
    {
      code: 'precedence ::1/128 50\nprecedence ::/0 40\nprecedence 2002::/16 30\nprecedence ::/96 20\nprecedence ::ffff:0:0/96 10\nprecedence fc00::/7 45\n',
      dialect: 'gai',
      errors: [
        {
          message:
            "Rule 5: a fd00::1+IPv4 host reaching 2001:db8::1 fails the label match (6 vs 1) while IPv4 matches (4), so glibc's getaddrinfo tries 198.51.100.7 first whatever the precedences. Raising it to 45 does not help. Give fc00::/7 label 1: `label fc00::/7 1` in a full label table.",
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 23,
          severity: 'warning',
        },
      ],
      output:
        'precedence ::1/128 50\nprecedence ::/0 40\nprecedence 2002::/16 30\nprecedence ::/96 20\nprecedence ::ffff:0:0/96 10\nprecedence fc00::/7 45\nlabel ::1/128 0\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 1\nlabel 2001::/32 7\nlabel ::/0 1\n',
    },
    // gai full labels + config
    {
      code: 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\n',
      dialect: 'gai',
      config: { sitePrefixes: { ula: ['fd08:aaaa:bbbb::/48'] } },
      errors: [
        {
          message:
            "Rule 5: a fd08:aaaa:bbbb::1+IPv4 host reaching 2001:db8::1 fails the label match (6 vs 1) while IPv4 matches (4), so glibc's getaddrinfo tries 198.51.100.7 first whatever the precedences. Give fd08:aaaa:bbbb::/48 label 1: `label fd08:aaaa:bbbb::/48 1`.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 16,
          severity: 'error',
        },
      ],
      output:
        'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\nlabel fd08:aaaa:bbbb::/48 1\n',
    },
  ],
});
