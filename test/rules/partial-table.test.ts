// partial-table: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('partial-table', {
  valid: [
    { code: "label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\n", dialect: 'gai' },
    { code: "# nothing\n", dialect: 'gai' },
  ],
  invalid: [
    {
      code: "precedence ::ffff:0:0/96 100\n",
      dialect: 'gai',
      errors: [
      { message: "This `precedence` line replaces glibc's whole default precedence table, so these defaults are gone: ::1/128 (50, now 40), 2002::/16 (30, now 40), ::/96 (20, now 40) (with the implicit ::/0 row glibc adds). Restate the defaults you still want (`policylint defaults --platform glibc --to gai` prints them).", line: 1, column: 1, endLine: 1, endColumn: 29, severity: 'warning' },
      ],
    output: "precedence ::ffff:0:0/96 100\nprecedence ::1/128 50\nprecedence 2002::/16 30\nprecedence ::/96 20\n",
    },
    {
      code: "scopev4 ::ffff:10.0.0.0/104 5\n",
      dialect: 'gai',
      errors: [
      { message: "This `scopev4` line replaces glibc's whole default scopev4 table, so these defaults are gone: 169.254.0.0/16 (2, now 14), 127.0.0.0/8 (2, now 14). Restate the defaults you still want (`policylint defaults --platform glibc --to gai` prints them).", line: 1, column: 1, endLine: 1, endColumn: 30, severity: 'warning' },
      ],
    output: "scopev4 ::ffff:10.0.0.0/104 5\nscopev4 169.254.0.0/16 2\nscopev4 127.0.0.0/8 2\n",
    },
  ],
});
