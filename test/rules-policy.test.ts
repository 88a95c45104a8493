// RuleTester cases for the policy-level rules: valid and invalid, with exact spans.
import { runRuleTests } from './support/rule-tester.js';

const STOCK = '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\n2002::/16 30 2\n2001::/32 5 5\nfc00::/7 3 13\n::/96 1 3\nfec0::/10 1 11\n3ffe::/16 1 12\n';
const withRow = (row: string) => STOCK + row + '\n';
const FULL_GAI_LABELS = 'label ::1/128 0\nlabel ::/0 1\nlabel 2002::/16 2\nlabel ::/96 3\nlabel ::ffff:0:0/96 4\nlabel fec0::/10 5\nlabel fc00::/7 6\nlabel 2001::/32 7\n';

runRuleTests('ula-gua-label-mismatch', {
  valid: [
    { code: STOCK, dialect: 'ip6addrctl' },
    { code: withRow('fd00::/64 37 1'), dialect: 'ip6addrctl' },
    { code: withRow('fd08:aaaa:bbbb::/48 45 14') + '2001:db8:1000::/36 45 14\n', dialect: 'ip6addrctl' },
    // RFC 6724 section 10.6: a ULA label of its own is ULA-to-ULA on purpose.
    { code: withRow('fd11:1111:1111::/48 45 14'), dialect: 'ip6addrctl' },
    { code: '', dialect: 'gai' },
    { code: FULL_GAI_LABELS.replace('label fc00::/7 6', 'label fc00::/7 1'), dialect: 'gai', config: { sitePrefixes: { ula: ['fd08:aaaa:bbbb::/48'] } } },
  ],
  invalid: [
    {
      code: STOCK.replace('fc00::/7 3 13', 'fc00::/7 37 13'),
      dialect: 'ip6addrctl',
      errors: [{ line: 6, column: 1, endColumn: 15, severity: 'warning', includes: ['rule 5', 'label 13', 'label 1', 'matches on label 4', 'to 37 does not help'] }],
      output: STOCK.replace('fc00::/7 3 13', 'fc00::/7 37 1'),
    },
    {
      code: withRow('fd08:aaaa:bbbb::/48 45 14') + '2001:db8:1000::/36 45 15\n',
      dialect: 'ip6addrctl',
      errors: [{ line: 10, column: 1, includes: ['fd08:aaaa:bbbb::1 (label 14', '2001:db8:1000::1 (label 15'] }],
    },
    {
      code: '',
      dialect: 'gai',
      config: { sitePrefixes: { ula: ['fd08:aaaa:bbbb::/48'], gua: ['2001:db8:1000::/36'] } },
      errors: [{ line: 1, column: 1, severity: 'error', includes: ['label 6 from fc00::/7', 'label 1 from ::/0', "glibc's getaddrinfo"] }],
    },
  ],
});

runRuleTests('ula-below-ipv4', {
  valid: [{ code: STOCK, dialect: 'ip6addrctl' }, { code: withRow('fd00::/64 37 1'), dialect: 'ip6addrctl' }],
  invalid: [
    {
      code: STOCK.replace('fc00::/7 3 13', 'fc00::/7 30 13'),
      dialect: 'ip6addrctl',
      errors: [{ line: 6, column: 1, includes: ['precedence 30', 'has 35', 'rule 6'] }],
      output: STOCK.replace('fc00::/7 3 13', 'fc00::/7 45 13'),
    },
  ],
});

runRuleTests('duplicate-prefix', {
  valid: [{ code: STOCK, dialect: 'ip6addrctl' }, { code: 'label ::/0 1\nprecedence ::/0 40\n', dialect: 'gai' }],
  invalid: [
    { code: '::/0 40 1\n::0/0 40 1\n', dialect: 'ip6addrctl', errors: [{ line: 2, column: 1, endColumn: 6, severity: 'warning', includes: ['EEXIST', "line 1's 40 1"] }], output: '::/0 40 1\n' },
    { code: '::/0 40 1\n2001:db8::/32 1 1\n2001:db8::1/32 50 9\n', dialect: 'ip6addrctl', errors: [{ line: 3, column: 1, severity: 'error' }] },
    { code: 'label fc00::/7 1\nlabel fc00::/7 6\n', dialect: 'gai', errors: [{ line: 2, column: 7, includes: ['always wins'] }] },
  ],
});

runRuleTests('host-bits-set', {
  valid: [{ code: '2001:db8::/32 40 1\n', dialect: 'ip6addrctl' }],
  invalid: [
    { code: '::/0 40 1\n2001:db8::1/32 45 2\n', dialect: 'ip6addrctl', errors: [{ line: 2, column: 1, endColumn: 15, includes: ['masks them off'] }], output: '::/0 40 1\n2001:db8::/32 45 2\n' },
    { code: 'scopev4 169.254.1.1/16 2\n', dialect: 'gai', errors: [{ line: 1, column: 9 }], output: 'scopev4 169.254.0.0/16 2\n' },
  ],
});

runRuleTests('ipv4-compatible-prefix', {
  valid: [{ code: '::ffff:10.0.0.0/104 40 1\n', dialect: 'ip6addrctl' }, { code: '::/96 1 3\n', dialect: 'ip6addrctl' }],
  invalid: [{ code: '::/0 40 1\n::10.0.0.0/104 45 4\n', dialect: 'ip6addrctl', errors: [{ line: 2, column: 1, severity: 'error', includes: ['::ffff:10.0.0.0/104'] }], output: '::/0 40 1\n::ffff:10.0.0.0/104 45 4\n' }],
});

runRuleTests('embedded-scope-id', {
  valid: [{ code: 'fe80::/10 1 1\n', dialect: 'ip6addrctl' }],
  invalid: [{ code: 'fe80:3::/64 1 1\n', dialect: 'ip6addrctl', errors: [{ line: 1, column: 1, includes: ['interface index 3'] }] }],
});

runRuleTests('empty-policy', {
  valid: [{ code: STOCK, dialect: 'ip6addrctl' }, { code: '', dialect: 'ip6addrctl' }],
  invalid: [{ code: '# all commented out\n# ::/0 40 1\n', dialect: 'ip6addrctl', errors: [{ line: 1, column: 1, severity: 'error', includes: ['does not sort'] }] }],
});

runRuleTests('missing-catch-all', {
  valid: [{ code: STOCK, dialect: 'ip6addrctl' }, { code: '', dialect: 'gai' }],
  invalid: [
    { code: '::1/128 50 0\n::ffff:0:0/96 35 4', dialect: 'ip6addrctl', errors: [{ line: 1, column: 1, includes: ['precedence 0 and no label'] }], output: '::1/128 50 0\n::ffff:0:0/96 35 4\n::/0 40 1\n' },
    { code: 'label fc00::/7 1\n', dialect: 'gai', errors: [{ line: 1, column: 1, severity: 'info' }], output: 'label fc00::/7 1\nlabel ::/0 1\n' },
  ],
});

runRuleTests('missing-ipv4-mapped', {
  valid: [{ code: STOCK, dialect: 'ip6addrctl' }],
  invalid: [{ code: '::1/128 50 0\n::/0 40 1\n', dialect: 'ip6addrctl', errors: [{ line: 1, column: 1, includes: ['::/0 (precedence 40, label 1)'] }] }],
});

runRuleTests('missing-loopback', {
  valid: [{ code: STOCK, dialect: 'ip6addrctl' }],
  invalid: [{ code: '::/0 40 1\n::ffff:0:0/96 35 4\n', dialect: 'ip6addrctl', errors: [{ line: 1, column: 1, includes: ['precedence 40 and label 1'] }] }],
});

runRuleTests('partial-table', {
  valid: [{ code: FULL_GAI_LABELS, dialect: 'gai' }, { code: '# nothing\n', dialect: 'gai' }],
  invalid: [
    {
      code: 'precedence ::ffff:0:0/96 100\n',
      dialect: 'gai',
      errors: [{ line: 1, column: 1, includes: ['::1/128 (50, now 40)', '2002::/16 (30, now 40)', '::/96 (20, now 40)'] }],
      output: 'precedence ::ffff:0:0/96 100\nprecedence ::1/128 50\nprecedence 2002::/16 30\nprecedence ::/96 20\n',
    },
    { code: 'scopev4 ::ffff:10.0.0.0/104 5\n', dialect: 'gai', errors: [{ line: 1, column: 1, includes: ['169.254.0.0/16 (2, now 14)'] }] },
  ],
});

runRuleTests('label-shared-with-ipv4', {
  valid: [{ code: STOCK, dialect: 'ip6addrctl' }],
  invalid: [{ code: withRow('2001:db8::/32 40 4'), dialect: 'ip6addrctl', errors: [{ line: 10, column: 1, includes: ['label 4'] }] }],
});

runRuleTests('redundant-entry', {
  valid: [{ code: STOCK, dialect: 'ip6addrctl' }],
  invalid: [{ code: withRow('2001:db8::/32 40 1'), dialect: 'ip6addrctl', errors: [{ line: 10, column: 1, includes: ['::/0'] }], output: STOCK }],
});

runRuleTests('deprecated-prefix', {
  valid: [{ code: STOCK, dialect: 'ip6addrctl' }, { code: '::/96 20 3\n::/0 40 1\n', dialect: 'ip6addrctl' }],
  invalid: [{ code: STOCK.replace('2002::/16 30 2', '2002::/16 50 2'), dialect: 'ip6addrctl', errors: [{ line: 4, column: 1, includes: ['RFC 7526'] }] }],
});

runRuleTests('reload-enabled', {
  valid: [{ code: 'reload no\n', dialect: 'gai' }, { code: 'reload yes\nreload no\n', dialect: 'gai' }],
  invalid: [{ code: 'reload no\nreload yes\n', dialect: 'gai', errors: [{ line: 2, column: 1, endColumn: 11, includes: ['lock'] }] }],
});

runRuleTests('unused-disable', {
  valid: [{ code: '# policylint-disable-next-line missing-loopback\n::/0 40 1\n::ffff:0:0/96 35 4\n', dialect: 'ip6addrctl' }],
  invalid: [
    { code: '# policylint-disable-next-line duplicate-prefix -- not here\n::/0 40 1\n', dialect: 'ip6addrctl', errors: [{ line: 1, column: 1, includes: ['Unused disable'] }] },
    { code: '# policylint-disable no-such-rule\n', dialect: 'gai', errors: [{ line: 1, column: 1, includes: ['not a policylint rule'] }] },
  ],
});

runRuleTests('byte-order-mark', {
  valid: [{ code: 'label ::/0 1\n', dialect: 'gai' }],
  invalid: [{ code: '\uFEFFlabel ::/0 1\n', dialect: 'gai', errors: [{ line: 1, column: 1, endColumn: 2 }], output: 'label ::/0 1\n' }],
});
