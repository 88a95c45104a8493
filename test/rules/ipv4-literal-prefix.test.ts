// ipv4-literal-prefix: valid and invalid cases, exact messages and spans, the rule run alone.
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests('ipv4-literal-prefix', {
  valid: [{ code: 'label ::ffff:10.0.0.0/104 5\n', dialect: 'gai' }],
  invalid: [
    {
      code: 'label 10.0.0.0/8 5\n',
      dialect: 'gai',
      errors: [
        {
          message:
            '`10.0.0.0` is an IPv4 address: glibc reads label prefixes with inet_pton(AF_INET6), so glibc silently ignores this line. IPv4 is matched as IPv4-mapped IPv6: write `::ffff:10.0.0.0/104`.',
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 17,
          severity: 'error',
        },
      ],
      output: 'label ::ffff:10.0.0.0/104 5\n',
    },
    {
      code: '10.0.0.0/8 40 1\n',
      dialect: 'ip6addrctl',
      errors: [
        {
          message:
            '`10.0.0.0` is an IPv4 address; ip6addrctl resolves the prefix with getaddrinfo(AF_INET6), which rejects it: install stops with "parse failed at line 1" and installs nothing (rc.d flushed first: the table stays empty). IPv4 rows are IPv4-mapped IPv6 prefixes: write `::ffff:10.0.0.0/104`.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          severity: 'error',
        },
      ],
      output: '::ffff:10.0.0.0/104 40 1\n',
    },
  ],
});
