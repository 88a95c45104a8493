// missing-catch-all: an ip6addrctl.conf without ::/0, where unmatched global destinations then lose to IPv4 (glibc adds ::/0 itself: never reported).
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('missing-catch-all', {
  valid: [
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // gai without /0
    { code: 'label ::1/128 0\nlabel ::ffff:0:0/96 4\n', dialect: 'gai' },
  ],
  invalid: [
    // no ::/0
    {
      code: '::1/128 50 0\n::ffff:0:0/96 35 4\nfc00::/7 3 13\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "No `::/0` row: the kernel gives unmatched destinations precedence 0 and no label, so they fail rule 5: a GUA+IPv4 host now tries 198.51.100.7 before 3fff:0:2::1 (rule 5: no policy row matches 3fff:0:2::1) (+1 more scenario). Add `::/0 40 1` as FreeBSD's default table has it.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
          severity: 'warning',
        },
      ],
      output: '::1/128 50 0\n::ffff:0:0/96 35 4\nfc00::/7 3 13\n::/0 40 1\n',
    },
  ],
});
