// zone-in-prefix: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('zone-in-prefix', {
  valid: [{ code: 'label fe80::/64 5\n', dialect: 'gai' }],
  invalid: [
    {
      code: 'label fe80::%eth0/64 5\n',
      dialect: 'gai',
      errors: [
        {
          message:
            "Zone `%eth0` in a prefix: glibc's inet_pton rejects it, so glibc silently ignores this line. Remove the zone (policy rows apply on every interface).",
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 18,
          severity: 'error',
        },
      ],
      output: 'label fe80::/64 5\n',
    },
  ],
});
