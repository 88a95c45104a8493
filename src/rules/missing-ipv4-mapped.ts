// IPv4 destinations are looked up as ::ffff:a.b.c.d. Without a ::ffff:0:0/96 row they
// fall into a covering row (usually ::/0) and share its label and precedence with IPv6.
import { formatIPv4, IPV4_MAPPED_BASE } from '../model/address.js';
import { isRow } from '../model/ast.js';
import { lookup } from '../model/effective-table.js';
import type { Rule } from './rule.js';
import { prefixText } from '../model/address.js';

const EXAMPLE_V4 = IPV4_MAPPED_BASE | 0xc6336407n; // 198.51.100.7

export const rule: Rule = {
  meta: {
    id: 'missing-ipv4-mapped',
    defaultSeverity: 'warning',
    description: 'No ::ffff:0:0/96 row: IPv4 falls into the covering row and shares its label and precedence with IPv6.',
    fixable: 'no',
    dialects: ['ip6addrctl'],
    phase: 'policy',
  },
  check(context) {
    const { policy, table } = context;
    const rows = policy.entries.filter(isRow);
    if (!policy.installable || rows.length === 0) return;
    if (rows.some((r) => r.prefix.length === 96 && r.prefix.address >> 32n === 0xffffn)) return;
    const v = lookup(table, EXAMPLE_V4);
    const where = v.labelRow
      ? `the covering row ${prefixText(v.labelRow)} (precedence ${v.precedence}, label ${v.label}), the same values as the IPv6 destinations it covers, so rules 5 and 6 cannot tell IPv4 from IPv6`
      : 'no row at all: precedence 0 and no label, so IPv4 destinations sort after every matched one';
    context.report({
      message: `No \`::ffff:0:0/96\` row: IPv4 destinations such as ${formatIPv4(0xc6336407)} are looked up as ::ffff:${formatIPv4(0xc6336407)} and get ${where}. Add \`::ffff:0:0/96 35 4\` (or 100 to prefer IPv4).`,
      span: rows[0]!.span,
    });
  },
};
