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
        "No rows: rc.d flushes the kernel table and installs none from this non-empty file, so FreeBSD's libc does not sort getaddrinfo results at all (DNS order wins). " +
        'Add rows (`policylint defaults --platform freebsd`), or delete the file so rc.d installs a built-in table.',
      span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
  },
};
