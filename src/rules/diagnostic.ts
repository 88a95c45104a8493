// A finding with its message built: what lint, convert and the formatters handle. It lives
// here, not in src/model, because its id is a catalog id (RuleId is derived from the catalog).
import type { Span } from '../model/ast.js';
import type { Fix, Severity } from '../model/diagnostic.js';
import type { RuleId } from './catalog.js';
import type { LaterFix } from './rule.js';

export interface Diagnostic {
  readonly ruleId: RuleId;
  /** The severity this finding has when the rule's severity is not configured. */
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fix?: Fix;
  /** The full reasoning (impacts per scenario, before and after, the deciding rule), for JSON output. */
  readonly details?: unknown;
  /** The sentence offering the fix: it joins the message only once the fix is proven (src/lint/prove-fix.ts). */
  readonly fixAdvice?: string;
  /** An unsafe fix not made yet (rule.ts LaterFix): withProvenFixes makes it or withholds it. */
  readonly fixLater?: LaterFix;
}
