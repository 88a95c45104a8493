// ignored-text: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('ignored-text', {
  valid: [
    { code: '::/0 40 1 # fine\n', dialect: 'ip6addrctl' },
    // A blank before a CRLF's \r: nothing after the label is ignored.
    { code: '::/0 40 1 \r\n', dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: '::/0 40 1 junk\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message: 'ip6addrctl ignores everything after the label: `junk` has no effect. Remove it, or start it with # to make it a comment.',
          line: 1,
          column: 11,
          endLine: 1,
          endColumn: 15,
          severity: 'info',
        },
      ],
      output: '::/0 40 1 # junk\n',
    },
    {
      code: 'label ::/0 1 extra\n',
      dialect: 'gai',
      errors: [
        {
          message: 'glibc reads only the keyword and two values: `extra` is ignored. Remove it, or put it after a #.',
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 19,
          severity: 'info',
        },
      ],
      output: 'label ::/0 1 # extra\n',
    },
  ],
});
