// reload-enabled: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('reload-enabled', {
  valid: [
    { code: "reload no\n", dialect: 'gai' },
    { code: "reload yes\nreload no\n", dialect: 'gai' },
  ],
  invalid: [
    {
      code: "reload no\nreload yes\n",
      dialect: 'gai',
      errors: [
      { message: "`reload yes`: glibc checks gai.conf's modification time and takes a lock on every getaddrinfo call that sorts, and once on it stays on for the life of the process (deleting this line later does not turn it off in running programs; `reload no` does). Remove it unless programs must see gai.conf edits without a restart.", line: 2, column: 1, endLine: 2, endColumn: 11, severity: 'warning' },
      ],
    },
  ],
});
