// missing-stock-row: a row of FreeBSD's default table that the file leaves out, where that changes a realistic order.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('missing-stock-row', {
  valid: [
    // stock
    {
      code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n',
      dialect: 'ip6addrctl',
    },
    // stock without teredo
    { code: '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n', dialect: 'ip6addrctl' },
  ],
  invalid: [
    // sample
    {
      code: '::1/128 50 0\n::/0 40 1\n2002::/16 30 2\n::/96 20 3\n::ffff:0:0/96 10 4\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "No `fc00::/7` row: its addresses take the covering row's precedence and label: a ULA+IPv4 host now tries 3fff:0:2::1 from its ULA (fails without NAT66) before 198.51.100.7 (rule 6: precedence 40 vs 10). Add `fc00::/7 3 13` as FreeBSD's default table has it.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 13,
          severity: 'warning',
        },
      ],
      output: '::1/128 50 0\n::/0 40 1\n2002::/16 30 2\n::/96 20 3\n::ffff:0:0/96 10 4\nfc00::/7 3 13\n',
    },
  ],
});
