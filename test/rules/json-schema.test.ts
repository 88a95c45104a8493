// json-schema: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('json-schema', {
  valid: [{ code: '{"format":"policylint-policy","version":1,"semantics":"freebsd","items":[{"prefix":"::/0","precedence":40,"label":1}]}', dialect: 'json' }],
  invalid: [
    {
      code: '{',
      dialect: 'json',
      errors: [{ message: /^Not valid JSON: /, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error' }],
    },
    {
      code: '{"format":"x"}',
      dialect: 'json',
      errors: [
        {
          message: 'Expected an object with "format": "policylint-policy", "version": 1 and an "items" array.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
        },
      ],
    },
    {
      code: '{"format":"policylint-policy","version":1,"semantics":"freebsd","items":[{"prefix":"::/0","precedence":40}]}',
      dialect: 'json',
      errors: [{ message: 'items[0]: "label" must be an integer; item ignored.', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error' }],
    },
  ],
});
