// invalid-number: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('invalid-number', {
  valid: [
    { code: '::/0 40 1\n', dialect: 'ip6addrctl' },
    { code: 'label ::/0 1\n', dialect: 'gai' },
  ],
  invalid: [
    {
      code: '::/0 forty 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message: 'Precedence `forty` is not a decimal number: atoi() reads it as 0, and install goes on without a warning. Write the precedence as digits.',
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 11,
          severity: 'error',
        },
      ],
      output: null,
    },
    {
      code: 'label ::/0 0x10\n',
      dialect: 'gai',
      errors: [
        {
          message: "label value `0x10` is not a decimal number: glibc's strtoul() check fails and glibc silently ignores this line. Write digits only.",
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 16,
          severity: 'error',
        },
      ],
      output: null,
    },
    {
      code: 'label ::/0 +5\n',
      dialect: 'gai',
      errors: [
        {
          message: 'label value `+5`: glibc reads it as 5, but FreeBSD and most tools would not. Write `5`.',
          line: 1,
          column: 12,
          endLine: 1,
          endColumn: 14,
          severity: 'warning',
        },
      ],
      output: 'label ::/0 5\n',
    },
  ],
});
