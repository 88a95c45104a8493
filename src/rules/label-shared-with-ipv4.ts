// An IPv6 prefix with the IPv4-mapped row's label. Rule 5 compares a destination with a
// source of its own family, so this never pairs IPv4 with IPv6; it gives these IPv6
// addresses a label other IPv6 prefixes lack, so IPv6 paths to and from them fail rule 5
// and lose to IPv4. Reported where that changes a realistic order.
import { IPV4_MAPPED_BASE } from '../model/address.js';
import { lookup } from '../model/effective-table.js';
import type { Rule } from './rule.js';
import { lineText, reportLineClaims } from './support/line-claims.js';

export const rule: Rule = {
  meta: {
    id: 'label-shared-with-ipv4',
    defaultSeverity: 'warning',
    description: "An IPv6 prefix carrying the IPv4-mapped row's label, which makes realistic IPv6 paths fail rule 5 and lose to IPv4.",
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const v4 = lookup(context.table, IPV4_MAPPED_BASE | 0xc6336407n).label;
    reportLineClaims(context, 'label-shared-with-ipv4', (line) => ({
      what: `\`${lineText(line)}\` gives IPv6 addresses IPv4's label ${v4}, so rule 5 no longer pairs them with other IPv6 addresses`,
      advice: 'Give the prefix the label of the IPv6 prefixes it talks to.',
    }));
  },
};
