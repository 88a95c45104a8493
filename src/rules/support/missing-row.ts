// The shared shape of the rules about a stock row a FreeBSD file leaves out: report what
// its absence changes (src/impact/attribution.ts) and offer to add it, in the file's layout.
import { prefixText } from '../../model/address.js';
import { isRow } from '../../model/ast.js';
import { worst } from '../../impact/changes.js';
import type { RuleContext } from '../rule.js';
import { insertLinesAfter } from './line-edits.js';
import { claimsOf, headline, impactDetails } from './impact.js';

export function reportMissingRows(context: RuleContext, id: Parameters<typeof claimsOf>[1], what: (row: string) => string): void {
  const { policy } = context;
  const rows = policy.entries.filter(isRow);
  for (const { cause, changes } of claimsOf(context, id)) {
    if (cause.kind !== 'missing-row') continue;
    const line = `${prefixText(cause.row)} ${cause.row.precedence} ${cause.row.label}`;
    context.report({
      message: `${what(prefixText(cause.row))}: ${headline(changes)}.`,
      fixAdvice: `Add \`${line}\` as FreeBSD's default table has it.`,
      span: rows[0]!.span,
      severity: worst(changes.map((c) => c.severity)) ?? 'warning',
      details: impactDetails(changes, { missing: line }),
      fix: { safety: 'unsafe', description: `add ${line}`, edits: [insertLinesAfter(policy, rows[rows.length - 1]!, [line])] },
    });
  }
}
