// value-out-of-range: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('value-out-of-range', {
  valid: [{ code: '::/0 40 1\n', dialect: 'ip6addrctl' }],
  invalid: [
    {
      code: '::/129 40 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            'Prefix length 129 is outside 0..128: ip6addrctl prints "invalid prefix length": install stops with "parse failed at line 1" and installs nothing (rc.d flushed first: the table stays empty). Use a length from 0 to 128.',
          line: 1,
          column: 3,
          endLine: 1,
          endColumn: 7,
          severity: 'error',
        },
      ],
    },
    {
      code: '::/0 40 -1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            'Label -1 means "no label" to the FreeBSD kernel: it refuses the row with EINVAL, ip6addrctl prints a warning and goes on, so this row is never installed. Use a label from 0 to 2147483647.',
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 11,
          severity: 'error',
        },
      ],
    },
    {
      code: '::/0 4294967296 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message: 'Precedence `4294967296` does not fit in an int: atoi() makes it 0. Use a value from 0 to 2147483647.',
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 16,
          severity: 'error',
        },
      ],
    },
  ],
});
