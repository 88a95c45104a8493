// A custom row for an address space that is gone or going (6to4, Teredo, site-local, 6bone,
// IPv4-compatible). Judged by impact: such space matters only to the few hosts that still
// use it, so a row that changes their order is info, and a row that demotes the space,
// changes nothing, or restates a stock row (::1 sits in ::/96 but is loopback) is not
// reported. Removing a demotion would raise the space again, so no fix is offered.
import { parseIPv6, prefixText } from '../model/address.js';
import { lookup } from '../model/effective-table.js';
import { changes } from '../impact/policy-impact.js';
import { describeChange } from '../impact/changes.js';
import type { Rule } from './rule.js';
import { deprecatedSpaceOf } from './support/deprecated-spaces.js';
import { impactDetails, impactOf } from './support/impact.js';
import { lineText } from './support/line-claims.js';
import { isStockRow } from './support/stock-rows.js';
import { valueLines } from './support/value-lines.js';

export const rule: Rule = {
  meta: {
    id: 'deprecated-prefix',
    defaultSeverity: 'info',
    description: 'A custom row for 6to4, Teredo, site-local, 6bone or IPv4-compatible space that moves it ahead for the hosts that still use it.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const { policy, table } = context;
    const setup = impactOf(context);
    for (const line of valueLines(policy).slice(0, 200)) {
      const space = deprecatedSpaceOf(line);
      if (!space || isStockRow(line)) continue;
      // Only a row that raises the space above the default's value, where its name now comes first.
      const was = lookup(setup.baseline, line.prefix).precedence;
      if (line.precedence === undefined || line.precedence <= was) continue;
      const promoted = changes(setup, setup.baseline, table).filter((c) => c.before.first !== c.after.first && inSpace(c.after.first, space));
      if (promoted.length === 0) continue;
      context.report({
        message: `\`${lineText(line)}\` raises ${space.name} space (${prefixText(space)}, ${space.why}) from ${was}: ${describeChange(promoted[0]!)}. Only hosts that still use ${space.name} see it; keep it at ${was} or below.`,
        span: line.entry.span,
        details: impactDetails(promoted.map((c) => ({ ...c, severity: 'info' as const }))),
      });
    }
  },
};

/** Is this destination (IPv4 text never is) inside the space? */
function inSpace(text: string | null, space: ReturnType<typeof deprecatedSpaceOf>): boolean {
  const v = text === null ? null : parseIPv6(text);
  return v !== null && deprecatedSpaceOf({ prefix: v, length: 128 }) === space;
}
