// An IPv6 prefix with the IPv4-mapped row's label "matches" IPv4 sources under rule 5:
// an IPv4 source and such an IPv6 destination count as the same kind of path.
import { IPV4_MAPPED_BASE } from '../address.js';
import { lookup } from '../effective.js';
import type { Rule } from './types.js';
import { prefixText, valueLines, within } from './support/rows.js';

const MAPPED = { prefix: IPV4_MAPPED_BASE, length: 96 };

export const rule: Rule = {
  meta: {
    id: 'label-shared-with-ipv4',
    defaultSeverity: 'warning',
    description: 'An IPv6 prefix carrying the label of the IPv4-mapped row, which makes rule 5 pair it with IPv4 sources.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const { table } = context;
    const v4 = lookup(table, IPV4_MAPPED_BASE | 0xc6336407n);
    if (!v4.labelRow || v4.labelRow.length < 96) return; // IPv4 has no row of its own: missing-ipv4-mapped says so
    for (const line of valueLines(context.policy)) {
      if (line.label === undefined || line.label !== v4.label) continue;
      if (within(line, MAPPED) || within(MAPPED, line)) continue;
      context.report({
        message:
          `${prefixText(line)} has label ${line.label}, the label of IPv4 (${prefixText(v4.labelRow)}): under rule 5 an IPv4 source "matches" these IPv6 destinations and an IPv6 source in them matches IPv4 destinations, ` +
          'so address selection treats them as one kind of path. Give the IPv6 prefix a label of its own.',
        span: line.entry.span,
      });
    }
  },
};
