// What the policy changes against its platform's default table that no more specific rule
// explains, where a realistic host then tries IPv4 first, meets a tie, or sends from a ULA
// or a tunnel towards the internet. Anchored on the line whose removal undoes it, else on
// the file.
import type { Rule } from './rule.js';
import { prefixText } from '../model/address.js';
import { lookup } from '../model/effective-table.js';
import { worst } from '../impact/changes.js';
import { claimsOf, headline, impactDetails, impactOf } from './support/impact.js';
import { lineText, reportLineClaims } from './support/line-claims.js';

export const rule: Rule = {
  meta: {
    id: 'behaviour-change',
    defaultSeverity: 'warning',
    description:
      "A change against the platform's default table that makes a realistic host try IPv4 first, tie, or send from a ULA or tunnel towards the internet.",
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const setup = impactOf(context);
    const base = setup.baselinePlatform;
    reportLineClaims(context, 'behaviour-change', (line) => {
      // What the line sets that the default table does not: label and/or precedence.
      const was = lookup(setup.baseline, line.prefix);
      const parts = [
        line.label !== undefined && line.label !== was.label ? `label ${line.label} (default ${was.label})` : '',
        line.precedence !== undefined && line.precedence !== was.precedence ? `precedence ${line.precedence} (default ${was.precedence})` : '',
      ].filter(Boolean);
      return {
        what: `\`${lineText(line)}\` gives ${prefixText(line)} ${parts.join(' and ') || 'its own row'}`,
        advice: 'Remove it unless that is the intent.',
      };
    });
    const span = context.policy.entries[0]?.span;
    for (const { cause, changes } of claimsOf(context, 'behaviour-change')) {
      if (cause.kind !== 'file' || !span) continue;
      context.report({
        message: `Compared with ${base}'s default table, ${headline(changes)}. Compare with \`policylint defaults --platform ${base}\`.`,
        span,
        severity: worst(changes.map((c) => c.severity)) ?? 'warning',
        details: impactDetails(changes),
      });
    }
  },
};
