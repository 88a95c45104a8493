// missing-prefix-length: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('missing-prefix-length', {
  valid: [{ code: 'label ::1/128 0\n', dialect: 'gai' }],
  invalid: [
    {
      code: 'label ::1 0\n',
      dialect: 'gai',
      errors: [
        {
          message:
            '`::1` has no /LEN: glibc 2.41+ reads it as /128, but older glibc (2.36-2.38, and 2.39/2.40 without the BZ #32465 fix) reads an uninitialised pointer: on 2.36 the line is silently dropped. Write `::1/128`.',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 10,
          severity: 'error',
        },
      ],
      output: 'label ::1/128 0\n',
    },
    {
      code: 'scopev4 169.254.0.0 2\n',
      dialect: 'gai',
      errors: [
        {
          message:
            '`169.254.0.0` has no /LEN: glibc 2.41+ reads it as /32, but older glibc (2.36-2.38, and 2.39/2.40 without the BZ #32465 fix) reads an uninitialised pointer: on 2.36 a first scopev4 line like this crashes getaddrinfo (SIGSEGV) in every program that resolves a name with two or more addresses. Write `169.254.0.0/32`.',
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 20,
          severity: 'error',
        },
      ],
      output: 'scopev4 169.254.0.0/32 2\n',
    },
  ],
});
