// unused-disable: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('unused-disable', {
  valid: [
    // A disable that suppresses a finding is used (a reader-phase rule, so the case does not hang on a policy rule's reach).
    { code: '# policylint-disable-next-line ignored-text\n::/0 40 1 junk\n', dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: '# policylint-disable-next-line duplicate-prefix -- not here\n::/0 40 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message: 'Unused disable: no `duplicate-prefix` problem is reported on the next line. Remove it.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 60,
          severity: 'warning',
        },
      ],
    },
    {
      code: '# policylint-disable no-such-rule\n',
      dialect: 'gai',
      errors: [
        {
          message: '`no-such-rule` is not a policylint rule, so this disable comment does nothing. Check the id with `policylint rules`.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 34,
          severity: 'warning',
        },
      ],
    },
  ],
});
