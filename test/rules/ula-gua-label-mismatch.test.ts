// ula-gua-label-mismatch: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('ula-gua-label-mismatch', {
  valid: [
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n", dialect: 'ip6addrctl' },
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd00::/64 37 1\n", dialect: 'ip6addrctl' },
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd08:aaaa:bbbb::/48 45 14\n2001:db8:1000::/36 45 14\n", dialect: 'ip6addrctl' },
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd11:1111:1111::/48 45 14\n", dialect: 'ip6addrctl' },
    { code: "", dialect: 'gai' },
    { code: "label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 1\nlabel 2001::/32 7\n", dialect: 'gai', config: {"sitePrefixes":{"ula":["fd08:aaaa:bbbb::/48"]}} },
  ],
  invalid: [
    {
      code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 37 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "Label mismatch (RFC 6724 rule 5): a host whose IPv6 source is fd00::1 (label 13 from fc00::/7) reaching 2001:db8::1 (label 1 from ::/0) fails rule 5, while the IPv4 pair 192.0.2.10 -> 198.51.100.7 matches on label 4: FreeBSD's libc puts 198.51.100.7 first whatever the precedences, because rule 5 is decided before precedence (rule 6). Raising the precedence of fc00::/7 to 37 does not help. (policylint explain: rule 5: source fd00::1 has label 13, 2001:db8::1 has label 1; the IPv4 pair matches on label 4.) Fix: give the ULA prefix and the global prefixes it talks to the same label, with precedence above ::/0's, e.g. `fd08:aaaa:bbbb::/48 45 14` and `2001:db8:1000::/36 45 14`.", line: 6, column: 1, endLine: 6, endColumn: 15, severity: 'warning' },
      ],
    output: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 37 1\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n",
    },
    {
      code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd08:aaaa:bbbb::/48 45 14\n2001:db8:1000::/36 45 15\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "Label mismatch (RFC 6724 rule 5): a host whose IPv6 source is fd08:aaaa:bbbb::1 (label 14 from fd08:aaaa:bbbb::/48) reaching 2001:db8:1000::1 (label 15 from 2001:db8:1000::/36) fails rule 5, while the IPv4 pair 192.0.2.10 -> 198.51.100.7 matches on label 4: FreeBSD's libc puts 198.51.100.7 first whatever the precedences, because rule 5 is decided before precedence (rule 6). (policylint explain: rule 5: source fd08:aaaa:bbbb::1 has label 14, 2001:db8:1000::1 has label 15; the IPv4 pair matches on label 4.) Fix: give the ULA prefix and the global prefixes it talks to the same label, with precedence above ::/0's, e.g. `fd08:aaaa:bbbb::/48 45 14` and `2001:db8:1000::/36 45 14`.", line: 10, column: 1, endLine: 10, endColumn: 26, severity: 'warning' },
      ],
    output: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd08:aaaa:bbbb::/48 45 15\n2001:db8:1000::/36 45 15\n",
    },
    {
      code: "",
      dialect: 'gai',
      config: {"sitePrefixes":{"ula":["fd08:aaaa:bbbb::/48"],"gua":["2001:db8:1000::/36"]}},
      errors: [
      { message: "Label mismatch (RFC 6724 rule 5): a host whose IPv6 source is fd08:aaaa:bbbb::1 (label 6 from fc00::/7) reaching 2001:db8:1000::1 (label 1 from ::/0) fails rule 5, while the IPv4 pair 192.0.2.10 -> 198.51.100.7 matches on label 4: glibc's getaddrinfo puts 198.51.100.7 first whatever the precedences, because rule 5 is decided before precedence (rule 6). (policylint explain: rule 5: source fd08:aaaa:bbbb::1 has label 6, 2001:db8:1000::1 has label 1; the IPv4 pair matches on label 4.) Fix: give the ULA prefix and the global prefixes it talks to the same label, with precedence above ::/0's, e.g. `fd08:aaaa:bbbb::/48 45 14` and `2001:db8:1000::/36 45 14` (in gai.conf: `label ... 14` and `precedence ... 45` lines in complete tables).", line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error' },
      ],
    output: null,
    },
  ],
});
