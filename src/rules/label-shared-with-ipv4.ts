// An IPv6 prefix with the IPv4-mapped row's label. Rule 5 compares a destination with a
// source of its own family, so this never pairs IPv4 with IPv6; what it does is give
// these IPv6 addresses a label other IPv6 prefixes do not have, so IPv6 paths to and
// from them fail rule 5 and lose to IPv4, whose pairs always match. Almost always a
// copy-paste slip or a misunderstanding of labels.
import { IPV4_MAPPED_BASE } from '../model/address.js';
import { lookup } from '../model/effective-table.js';
import type { Rule } from './rule.js';
import { prefixText } from '../model/address.js';
import { valueLines } from './support/value-lines.js';
import { within } from '../model/address-spaces.js';

const MAPPED = { prefix: IPV4_MAPPED_BASE, length: 96 };

export const rule: Rule = {
  meta: {
    id: 'label-shared-with-ipv4',
    defaultSeverity: 'warning',
    description: 'An IPv6 prefix carrying the label of the IPv4-mapped row, which isolates it from other IPv6 prefixes under rule 5.',
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
          `${prefixText(line)} has label ${line.label}, the label of IPv4 (${prefixText(v4.labelRow)}). Rule 5 only compares a destination with a source of its own family, so this does not make IPv4 and IPv6 match; ` +
          'it gives these IPv6 addresses a label the other IPv6 prefixes do not share, so IPv6 paths between them and other IPv6 addresses fail rule 5 and lose to IPv4 pairs, which always match. ' +
          'Give the prefix the label of the IPv6 prefixes it talks to (or use precedence to rank it).',
        span: line.entry.span,
      });
    }
  },
};
