// ula-below-ipv4: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('ula-below-ipv4', {
  valid: [
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n", dialect: 'ip6addrctl' },
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\nfd00::/64 37 1\n", dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 30 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "ULA destinations rank below IPv4 (RFC 6724 rule 6): fd00::1 has precedence 30 (fc00::/7), IPv4 such as 198.51.100.7 has 35 (::ffff:0:0/96). When both pairs match labels (rule 5), FreeBSD's libc tries IPv4 first. Raise the precedence of fc00::/7 above 35, e.g. 45.", line: 6, column: 1, endLine: 6, endColumn: 15, severity: 'warning' },
      ],
    output: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 45 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n",
    },
  ],
});
