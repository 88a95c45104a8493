// crlf-line-ending: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('crlf-line-ending', {
  valid: [{ code: '::/0 40 1\r\n::1/128 50 0\r\n', dialect: 'ip6addrctl' }],
  invalid: [
    {
      code: '::/0 40 1\r\n\r\n::1/128 50 0\r\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            'Blank line with a CRLF (\\r\\n) ending: to ip6addrctl the \\r is not blank, so it reads the line as an entry and fails: install stops with "parse failed at line 2" and installs nothing (rc.d flushed first: the table stays empty). Save the file with LF line endings.',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 2,
          severity: 'error',
        },
      ],
      output: '::/0 40 1\r\n\n::1/128 50 0\r\n',
    },
  ],
});
