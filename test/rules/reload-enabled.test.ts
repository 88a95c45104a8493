// reload-enabled: the cases moved from test/rules-policy.test.ts (exact messages and spans); re-graded by impact
// (messages one line of at most 300 characters).
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('reload-enabled', {
  valid: [
    { code: 'reload no\n', dialect: 'gai' },
    { code: 'reload yes\nreload no\n', dialect: 'gai' },
  ],
  invalid: [
    {
      code: 'reload no\nreload yes\n',
      dialect: 'gai',
      errors: [
        {
          message:
            '`reload yes`: glibc stats gai.conf and takes a lock on every getaddrinfo call that sorts, and it stays on in running programs until they read `reload no`. No order changes; remove it unless programs must see gai.conf edits without a restart.',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 11,
          severity: 'info',
        },
      ],
    },
  ],
});
