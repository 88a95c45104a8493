// embedded-scope-id: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('embedded-scope-id', {
  valid: [{ code: 'fe80::/10 1 1\n', dialect: 'ip6addrctl' }],
  invalid: [
    {
      code: 'fe80:3::/64 1 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            '`fe80:3::/64` carries interface index 3 in its second group, the KAME kernel-internal form of a link-local address. Addresses that programs and libc see have 0 there, so this row never matches them. Write the prefix without it (e.g. `fe80::/10`).',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 12,
          severity: 'warning',
        },
      ],
    },
  ],
});
