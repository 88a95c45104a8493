// unknown-keyword: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('unknown-keyword', {
  valid: [{ code: 'precedence ::/0 40\n', dialect: 'gai' }],
  invalid: [
    {
      code: 'lable ::/0 1\n',
      dialect: 'gai',
      errors: [
        {
          message: 'Unknown keyword `lable`: glibc silently ignores this line. Did you mean `label`?',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          severity: 'error',
        },
      ],
      output: 'label ::/0 1\n',
    },
    {
      code: 'frobnicate ::/0 1\n',
      dialect: 'gai',
      errors: [
        {
          message:
            'Unknown keyword `frobnicate`: glibc silently ignores this line. gai.conf knows label, precedence, scopev4 and reload; start a comment with #.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          severity: 'error',
        },
      ],
      output: null,
    },
  ],
});
