// nul-byte: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('nul-byte', {
  valid: [
    { code: "label ::/0 1\n", dialect: 'gai' },
  ],
  invalid: [
    {
      code: "label ::/0 1\u0000 junk\n",
      dialect: 'gai',
      errors: [
      { message: "NUL byte: glibc reads the line as a C string, so everything after it on this line is invisible. Remove the NUL byte.", line: 1, column: 13, endLine: 1, endColumn: 14, severity: 'error' },
      ],
    },
    {
      code: "::/0 40\u0000 1\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "NUL byte in an entry: ip6addrctl's C string handling stops at it and then scans past it (undefined behaviour): ip6addrctl install stops with \"parse failed at line 1\" and installs nothing from this file (rc.d flushes first, so the table is left empty and libc stops sorting). Remove the NUL byte.", line: 1, column: 8, endLine: 1, endColumn: 9, severity: 'error' },
      ],
    },
  ],
});
