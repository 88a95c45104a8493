import type { Span } from './ast.js';

export type Severity = 'error' | 'warning' | 'info';

/** A text edit on the source: replace [start, end) by `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Fix {
  /** safe: the real system's behaviour does not change; unsafe: it does (by intent). */
  readonly safety: 'safe' | 'unsafe';
  readonly description: string;
  readonly edits: readonly TextEdit[];
}

export interface Diagnostic {
  readonly ruleId: string;
  /** The severity this finding has when the rule's severity is not configured. */
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fix?: Fix;
  /** The full reasoning (scenarios, before and after, the deciding rule), for JSON output. */
  readonly details?: unknown;
  /** The sentence that offers the fix; it joins the message once the fix is proven (src/lint/prove-fix.ts). */
  readonly fixAdvice?: string;
}
