// What every finding shares, below the rule catalog: how severe it is and how to fix it. A
// finding with its message built, src/rules/diagnostic.ts's Diagnostic, lives with the catalog
// (its id is a RuleId).

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
