// The shared shape of the rules about one line whose removal undoes a harmful change
// (src/impact/attribution.ts): what the line sets, what that changes, what to do.
import { worst } from '../../impact/changes.js';
import type { GradedChange } from '../../impact/changes.js';
import { isRow } from '../../model/ast.js';
import type { RuleContext } from '../rule.js';
import { claimsOf, headline, impactDetails } from './impact.js';
import { wholeLineRange } from './line-edits.js';
import { valueLineOf, type ValueLine } from './value-lines.js';

export interface LineVerdict {
  /** What the line does, starting with the line itself: "`2002::/16 50 2` raises 6to4". */
  readonly what: string;
  /** What to do instead: one short sentence. */
  readonly advice: string;
}

export function reportLineClaims(
  context: RuleContext,
  id: Parameters<typeof claimsOf>[1],
  verdict: (line: ValueLine, changes: readonly GradedChange[]) => LineVerdict | null,
): void {
  const { policy } = context;
  for (const { cause, changes } of claimsOf(context, id)) {
    if (cause.kind !== 'line') continue;
    const line = valueLineOf(cause.entry);
    const v = verdict(line, changes);
    if (!v) continue;
    context.report({
      message: `${v.what}: ${headline(changes)}.`,
      fixAdvice: v.advice,
      span: cause.entry.span,
      severity: worst(changes.map((c) => c.severity)) ?? 'warning',
      details: impactDetails(changes),
      fix: { safety: 'unsafe', description: 'remove the line', edits: [{ ...wholeLineRange(policy, cause.entry), text: '' }] },
    });
  }
}

/** A value line as written in the file, for messages. */
export function lineText(line: ValueLine): string {
  const e = line.entry;
  return isRow(e) ? `${e.prefix.text} ${e.precedence.text} ${e.label.text}` : `${e.kind} ${e.prefix.text} ${e.value.text}`;
}
