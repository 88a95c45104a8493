// missing-catch-all: the cases moved from test/rules-policy.test.ts (exact messages and spans); the rule is
// being rewritten for another issue, and its cases with it.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('missing-catch-all', {
  valid: [
    { code: "::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n", dialect: 'ip6addrctl' },
    { code: "", dialect: 'gai' },
  ],
  invalid: [
    {
      code: "::1/128 50 0\n::ffff:0:0/96 35 4",
      dialect: 'ip6addrctl',
      errors: [
      { message: "No `::/0` row: destinations that match no row get precedence 0 and no label (-1) from the kernel, so they sort after every matched destination (rule 6) and never match a source label (rule 5). Add `::/0 40 1`.", line: 1, column: 1, endLine: 1, endColumn: 13, severity: 'warning' },
      ],
    output: "::1/128 50 0\n::ffff:0:0/96 35 4\n::/0 40 1\n",
    },
    {
      code: "label fc00::/7 1\n",
      dialect: 'gai',
      errors: [
      { message: "The label table has no /0 row, so glibc appends `label ::/0 1` behind the scenes. Write it out, so the file says what happens (FreeBSD would not add it).", line: 1, column: 1, endLine: 1, endColumn: 17, severity: 'info' },
      ],
    output: "label fc00::/7 1\nlabel ::/0 1\n",
    },
  ],
});
