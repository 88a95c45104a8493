// partial-table: judged by impact: a dropped glibc default matters only where restoring it undoes a worse order; the prefer-IPv4 one-liner and deliberate ULA labels are valid; a fix that would undo a deliberate change is withheld.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('partial-table', {
  valid: [
    // full restated
    {
      code: 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\n',
      dialect: 'gai',
    },
    // prefer-ipv4 one-liner
    { code: 'precedence ::ffff:0:0/96 100\n', dialect: 'gai' },
    // ula label fix
    {
      code: 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 1\nlabel 2001::/32 7\n',
      dialect: 'gai',
    },
    // comments
    { code: '# nothing\n', dialect: 'gai' },
    // scopev4
    { code: 'scopev4 ::ffff:10.0.0.0/104 5\n', dialect: 'gai' },
    // labels without teredo
    { code: 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\n', dialect: 'gai' },
  ],
  invalid: [
    // yggdrasil
    {
      code: 'precedence 200::/7 1\n',
      dialect: 'gai',
      errors: [
        {
          message:
            "This `precedence` line replaces glibc's default precedence table, dropping ::ffff:0:0/96 10 (now 40): a GUA+IPv4 host tries 3fff:0:2::1 or 198.51.100.7 first, whichever the resolver lists first (both precedence 40) (+3 more scenarios). Restate `precedence ::ffff:0:0/96 10`.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 21,
          severity: 'warning',
        },
      ],
      output: 'precedence 200::/7 1\nprecedence ::ffff:0:0/96 10\n',
    },
    // label wipe
    {
      code: 'label 2002::/16 2\n',
      dialect: 'gai',
      errors: [
        {
          message:
            "This `label` line replaces glibc's default label table, dropping fc00::/7 6 (now 1): a ULA+IPv4 host now tries 3fff:0:2::1 from its ULA (fails without NAT66) before 198.51.100.7 (rule 6: precedence 40 vs 10). Restate `label fc00::/7 6`.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
          severity: 'warning',
        },
      ],
      output: 'label 2002::/16 2\nlabel fc00::/7 6\n',
    },
    // ula on ::/0 label by omission
    {
      code: 'label ::1/128 0\nlabel ::/0 1\nlabel ::ffff:0:0/96 4\n',
      dialect: 'gai',
      errors: [
        {
          message:
            "These 3 `label` lines replace glibc's default label table, dropping fc00::/7 6 (now 1): a ULA+IPv4 host now tries 3fff:0:2::1 from its ULA (fails without NAT66) before 198.51.100.7 (rule 6: precedence 40 vs 10). Restate `label fc00::/7 6`.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 16,
          severity: 'warning',
        },
      ],
      output: 'label ::1/128 0\nlabel ::/0 1\nlabel ::ffff:0:0/96 4\nlabel fc00::/7 6\n',
    },
  ],
});
