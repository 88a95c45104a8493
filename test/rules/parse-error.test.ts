// parse-error: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('parse-error', {
  valid: [
    { code: 'label ::/0 1\n', dialect: 'gai' },
    { code: '::1/128 50 0\n', dialect: 'show' },
  ],
  invalid: [
    {
      code: 'label ::/0\n',
      dialect: 'gai',
      errors: [
        {
          message: '`label` line has no value: glibc 2.41+ ignores it; older glibc reads the missing value as 0. Write `label ::/0 VALUE`.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          severity: 'error',
        },
      ],
    },
    {
      code: 'label zzz/8 1\n',
      dialect: 'gai',
      errors: [
        {
          message: '`zzz` is not an IPv6 address (inet_pton fails): glibc silently ignores this line. Write an IPv6 prefix such as `2001:db8::/32`.',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 10,
          severity: 'error',
        },
      ],
    },
    {
      code: 'scopev4 2001:db8::/32 1\n',
      dialect: 'gai',
      errors: [
        {
          message:
            'scopev4 needs an IPv4 prefix (`169.254.0.0/16`) or an IPv4-mapped one (`::ffff:169.254.0.0/112`); `2001:db8::` is neither, so glibc silently ignores this line.',
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 19,
          severity: 'error',
        },
      ],
    },
    {
      code: '::/0 40\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            "Missing label: ip6addrctl's field scan runs past the end of the line and past all that fgets() ever stored, into memory never written; what install does from line 1 on depends on memory contents. Write PREFIX/LEN PRECEDENCE LABEL.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 8,
          severity: 'error',
        },
      ],
    },
    {
      code: '::/0 40 \n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            'Missing label: ip6addrctl\'s field scan reaches the end of the line: install stops with "parse failed at line 1" and installs nothing (rc.d flushed first: the table stays empty). Write PREFIX/LEN PRECEDENCE LABEL.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 9,
          severity: 'error',
        },
      ],
    },
    {
      code: '::/0\t\u000040 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            'Missing precedence and label: ip6addrctl\'s field scan stops at a NUL byte after the blank, which it takes for the end of the line: install stops with "parse failed at line 1" and installs nothing (rc.d flushed first: the table stays empty). Write PREFIX/LEN PRECEDENCE LABEL.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          severity: 'error',
        },
      ],
    },
    {
      code: '2001:\u0000db8::/32 40 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            'The prefix ends at a NUL byte: strdup() stops there, so the copy ip6addrctl parses has no / and it gives up before getaddrinfo: install stops with "parse failed at line 1" and installs nothing (rc.d flushed first: the table stays empty). Remove the NUL byte.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 15,
          severity: 'error',
        },
      ],
    },
    {
      code: 'hello\n',
      dialect: 'show',
      errors: [
        {
          message: 'Not a row of `ip6addrctl show` output (PREFIX/LEN PREC LABEL USE): line ignored.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          severity: 'error',
        },
      ],
    },
    {
      code: 'x 1 2\n',
      dialect: 'netsh',
      errors: [
        {
          message: 'Not a `netsh interface ipv6 add prefixpolicy PREFIX PRECEDENCE LABEL` command or `show prefixpolicies` row: line ignored.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          severity: 'error',
        },
      ],
    },
    {
      code: 'prefix zz label 1\n',
      dialect: 'addrlabel',
      errors: [{ message: '`zz` is not an IPv6 address: line ignored.', line: 1, column: 1, endLine: 1, endColumn: 18, severity: 'error' }],
    },
  ],
});
