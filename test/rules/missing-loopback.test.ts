// missing-loopback: no ::1/128 row: info at most, where localhost's order changes.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('missing-loopback', {
  valid: [
    // no ::1, ipv4 100
    {
      code: '::/0 40 1\n::ffff:0:0/96 100 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
  ],
  invalid: [
    // no ::1
    {
      code: '::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "No `::1/128` row: ::1 takes its covering row's precedence and label, so a GUA+IPv4 host now tries 127.0.0.1 before ::1 (rule 6: precedence 35 vs 1). Add `::1/128 50 0` as FreeBSD's default table has it.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 10,
          severity: 'info',
        },
      ],
      output: '::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n::1/128 50 0\n',
    },
  ],
});
