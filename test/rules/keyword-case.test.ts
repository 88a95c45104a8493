// keyword-case: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('keyword-case', {
  valid: [{ code: 'label ::/0 1\n', dialect: 'gai' }],
  invalid: [
    {
      code: 'Precedence ::/0 40\n',
      dialect: 'gai',
      errors: [
        {
          message: "`Precedence` is not a keyword: glibc's keywords are case-sensitive, so it silently ignores this line. Write `precedence`.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          severity: 'error',
        },
      ],
      output: 'precedence ::/0 40\n',
    },
  ],
});
