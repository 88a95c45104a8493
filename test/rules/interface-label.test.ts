// interface-label: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('interface-label', {
  valid: [{ code: 'ip addrlabel add prefix fd00::/8 label 5\n', dialect: 'addrlabel' }],
  invalid: [
    {
      code: 'ip addrlabel add prefix fd00::/8 dev eth0 label 5\n',
      dialect: 'addrlabel',
      errors: [
        {
          message: '`dev eth0`: this label applies on eth0 only; policy tables elsewhere have no per-interface rows, so it is read as applying everywhere.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 50,
          severity: 'warning',
        },
      ],
    },
  ],
});
