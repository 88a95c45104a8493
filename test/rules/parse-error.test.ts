// parse-error: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('parse-error', {
  valid: [
    { code: "label ::/0 1\n", dialect: 'gai' },
    { code: "::1/128 50 0\n", dialect: 'show' },
  ],
  invalid: [
    {
      code: "label ::/0\n",
      dialect: 'gai',
      errors: [
      { message: "`label` line has no value: glibc 2.41+ ignores it; older glibc reads the missing value as 0. Write `label ::/0 VALUE`.", line: 1, column: 1, endLine: 1, endColumn: 11, severity: 'error' },
      ],
    },
    {
      code: "label zzz/8 1\n",
      dialect: 'gai',
      errors: [
      { message: "`zzz` is not an IPv6 address (inet_pton fails): glibc silently ignores this line. Write an IPv6 prefix such as `2001:db8::/32`.", line: 1, column: 7, endLine: 1, endColumn: 10, severity: 'error' },
      ],
    },
    {
      code: "scopev4 2001:db8::/32 1\n",
      dialect: 'gai',
      errors: [
      { message: "scopev4 needs an IPv4 prefix (`169.254.0.0/16`) or an IPv4-mapped one (`::ffff:169.254.0.0/112`); `2001:db8::` is neither, so glibc silently ignores this line.", line: 1, column: 9, endLine: 1, endColumn: 19, severity: 'error' },
      ],
    },
    {
      code: "::/0 40\n",
      dialect: 'ip6addrctl',
      errors: [
      { message: "Missing label: ip6addrctl needs PREFIX/LEN PRECEDENCE LABEL (with no blank after the last field it even reads past the end of the line): ip6addrctl install stops with \"parse failed at line 1\" and installs nothing from this file (rc.d flushes first, so the table is left empty and libc stops sorting). Add the missing fields, e.g. `::/0 40 1`.", line: 1, column: 1, endLine: 1, endColumn: 8, severity: 'error' },
      ],
    },
    {
      code: "hello\n",
      dialect: 'show',
      errors: [
      { message: "Not a row of `ip6addrctl show` output (PREFIX/LEN PREC LABEL USE): line ignored.", line: 1, column: 1, endLine: 1, endColumn: 6, severity: 'error' },
      ],
    },
    {
      code: "x 1 2\n",
      dialect: 'netsh',
      errors: [
      { message: "Not a `netsh interface ipv6 add prefixpolicy PREFIX PRECEDENCE LABEL` command or `show prefixpolicies` row: line ignored.", line: 1, column: 1, endLine: 1, endColumn: 6, severity: 'error' },
      ],
    },
    {
      code: "prefix zz label 1\n",
      dialect: 'addrlabel',
      errors: [
      { message: "`zz` is not an IPv6 address: line ignored.", line: 1, column: 1, endLine: 1, endColumn: 18, severity: 'error' },
      ],
    },
  ],
});
