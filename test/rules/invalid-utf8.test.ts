// invalid-utf8: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('invalid-utf8', {
  valid: [{ code: '::/0 40 1\n', dialect: 'ip6addrctl' }],
  invalid: [
    {
      code: '::/0 40 1 # café\n',
      dialect: 'ip6addrctl',
      invalidUtf8At: 15,
      errors: [
        {
          message:
            'Not UTF-8 (byte 0xe9 at byte offset 15): both parsers read bytes, so it only matters inside a field; policylint reads the file byte for byte and writes the same bytes back.',
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 17,
          severity: 'warning',
        },
      ],
    },
  ],
});
