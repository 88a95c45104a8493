// nul-byte: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('nul-byte', {
  valid: [{ code: 'label ::/0 1\n', dialect: 'gai' }],
  invalid: [
    {
      code: 'label ::/0 1\u0000 junk\n',
      dialect: 'gai',
      errors: [
        {
          message: 'NUL byte: glibc reads the line as a C string, so everything after it on this line is invisible. Remove the NUL byte.',
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 14,
          severity: 'error',
        },
      ],
    },
    {
      code: '::/0 40\u0000 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "NUL byte in an entry: ip6addrctl's strdup() and atoi() stop at it, but its field scan (SKIP_WORD) goes on past it; here it installs `::/0 40 1`. Remove the NUL byte.",
          line: 1,
          column: 8,
          endLine: 1,
          endColumn: 9,
          severity: 'warning',
        },
      ],
    },
    {
      code: '2001:\u0000db8::/32 40 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "NUL byte in an entry: ip6addrctl's strdup() and atoi() stop at it, but its field scan (SKIP_WORD) goes on past it; here the line fails (see the other message). Remove the NUL byte.",
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 7,
          severity: 'warning',
        },
      ],
    },
  ],
});
