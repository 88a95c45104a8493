// rc.d/ip6addrctl installs a readable, non-empty /etc/ip6addrctl.conf: it flushes the
// table first. A file with no rows leaves the table empty, and FreeBSD's libc does not
// sort getaddrinfo results at all with an empty table.
import { isRow } from '../model/ast.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'empty-policy',
    defaultSeverity: 'error',
    description: 'An ip6addrctl.conf with no rows but not empty: the table ends up empty and libc stops sorting.',
    fixable: 'no',
    dialects: ['ip6addrctl'],
    phase: 'policy',
  },
  check(context) {
    const { policy } = context;
    if (policy.source.length === 0 || !policy.installable || policy.entries.some(isRow)) return;
    context.report({
      message:
        'No rows: rc.d/ip6addrctl uses any non-empty /etc/ip6addrctl.conf, flushes the kernel table and installs this file\'s rows, none. ' +
        'With an empty table FreeBSD\'s libc does not sort getaddrinfo results at all. Add rows (`policylint defaults --platform freebsd --to ip6addrctl` prints the stock table), or delete the file so rc.d picks a built-in table (ipv6_prefer when rc.conf enables IPv6 on an interface, else ipv4_prefer).',
      span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
  },
};
