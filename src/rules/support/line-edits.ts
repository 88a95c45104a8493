// Fix edits on whole source lines.
import type { Entry, Policy } from '../../model/ast.js';

/** The span and text of a whole source line, for fixes that delete or insert lines. */
export function wholeLineRange(policy: Policy, entry: Entry): { start: number; end: number } {
  const start = entry.span.start.offset - (entry.span.start.column - 1);
  let end = policy.source.indexOf('\n', entry.span.end.offset);
  end = end < 0 ? policy.source.length : end + 1;
  return { start, end };
}

/** An edit that inserts whole lines after the line of `entry` (adding a newline first at EOF). */
export function insertLinesAfter(policy: Policy, entry: Entry, lines: readonly string[]): { start: number; end: number; text: string } {
  const nl = policy.source.indexOf('\n', entry.span.end.offset);
  const at = nl < 0 ? policy.source.length : nl + 1;
  const body = lines.map((l) => l + policy.eol).join('');
  return { start: at, end: at, text: nl < 0 ? policy.eol + body : body };
}
