// ignored-text: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('ignored-text', {
  valid: [
    { code: "::/0 40 1 # fine\n", dialect: 'ip6addrctl' },
  ],
  invalid: [
    {
      code: "::/0 40 1 junk\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "ip6addrctl ignores everything after the label: `junk` has no effect. Remove it, or start it with # to make it a comment.", line: 1, column: 11, endLine: 1, endColumn: 15, severity: 'warning' },
      ],
    output: "::/0 40 1 # junk\n",
    },
  ],
});
