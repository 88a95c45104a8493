// internal-error: valid and invalid cases, exact messages and spans, the rule run alone.
import type { ConvertDialect } from '../../src/dialects/registry.js';
import { runRuleTests } from '../support/rule-tester.js';

// No input is meant to make policylint fail; a dialect the registry does not know does.
const UNKNOWN_DIALECT = 'no-such-dialect' as ConvertDialect;

runRuleTests('internal-error', {
  valid: [{ code: '::/0 40 1\n', dialect: 'ip6addrctl' }],
  invalid: [
    {
      code: '::/0 40 1\n',
      dialect: UNKNOWN_DIALECT,
      errors: [{ message: /^policylint failed on this file \(a bug, please report it\): /, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error' }],
    },
  ],
});
