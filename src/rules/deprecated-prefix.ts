// A row for an address space that is gone or going (6to4, Teredo, site-local, 6bone,
// IPv4-compatible) that promotes it: its addresses now win where the default table had
// native IPv6 or IPv4 first. Judged by impact: a row that demotes such space, or changes no
// realistic order, is not reported (removing a demotion would raise the space again).
import type { Rule } from './rule.js';
import { reportLineClaims, lineText } from './support/line-claims.js';
import { deprecatedSpaceOf } from './support/deprecated-spaces.js';
import { prefixText } from '../model/address.js';

export const rule: Rule = {
  meta: {
    id: 'deprecated-prefix',
    defaultSeverity: 'warning',
    description: 'A row for 6to4, Teredo, site-local, 6bone or IPv4-compatible space that makes a realistic host prefer it.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    reportLineClaims(context, 'deprecated-prefix', (line) => {
      const space = deprecatedSpaceOf(line)!;
      return {
        what: `\`${lineText(line)}\` raises ${space.name} space (${prefixText(space)}, ${space.why})`,
        advice: `Keep ${space.name} at the default table's values or below.`,
      };
    });
  },
};
