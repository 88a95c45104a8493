// byte-order-mark: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('byte-order-mark', {
  valid: [{ code: 'label ::/0 1\n', dialect: 'gai' }],
  invalid: [
    {
      code: '﻿label ::/0 1\n',
      dialect: 'gai',
      errors: [
        {
          message:
            'UTF-8 byte order mark at the start of the file: glibc reads it as part of the first word, so the first line is silently ignored. Save the file as UTF-8 without BOM.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          severity: 'error',
        },
      ],
      output: 'label ::/0 1\n',
    },
  ],
});
