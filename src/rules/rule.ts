// What a rule is: one module, its metadata, and how it reports: a policy-level `check`, a
// source-level `checkSource`, or `messages` that the readers (or the engine) report by id.
import type { Dialect, Policy, Span } from '../model/ast.js';
import type { ResolvedConfig } from '../model/config.js';
import type { Fix, Severity } from '../model/diagnostic.js';
import type { EffectiveTable } from '../model/effective-table.js';

export type Fixable = 'no' | 'safe' | 'unsafe';

export interface RuleMeta<Id extends string = string> {
  /** Stable id, used in output, config and disable comments. */
  readonly id: Id;
  readonly defaultSeverity: Severity;
  /** One line: what the rule finds. */
  readonly description: string;
  readonly fixable: Fixable;
  readonly dialects: readonly Dialect[];
  /** reader: reported while reading a line (the real parser's behaviour); policy: from the AST and effective table. */
  readonly phase: 'reader' | 'policy';
}

/** What a check reports; the engine adds the rule id and the default severity. */
export interface Report {
  readonly message: string;
  readonly span: Span;
  readonly severity?: Severity;
  readonly fix?: Fix;
  /** The full reasoning (impacts per scenario), for JSON output. */
  readonly details?: unknown;
  /** The sentence offering the fix: it joins the message only once the fix is proven (src/lint/prove-fix.ts). */
  readonly fixAdvice?: string;
  /** An unsafe fix made only if it can be offered (LaterFix); instead of `fix`. */
  readonly fixLater?: LaterFix;
}

/**
 * An unsafe fix, and the advice that offers it (in place of `fixAdvice`), made only when it
 * may be offered: an unsafe fix must be proven, each proof reads the whole file again, and
 * past the proof budget every one is withheld (src/lint/prove-fix.ts). A large table's 130k
 * findings built 130k fixes only to withhold them all (issue 13); ESLint's fix functions
 * are lazy for the same reason.
 */
export type LaterFix = () => { readonly fix: Fix; readonly fixAdvice?: string };

export interface RuleContext {
  readonly policy: Policy;
  readonly table: EffectiveTable;
  readonly config: ResolvedConfig;
  report(finding: Report): void;
}

/** The raw file text, before any reader sees it (byte order mark, encoding). */
export interface SourceContext {
  readonly text: string;
  readonly dialect: Dialect;
  /** Offset of the first byte that is not UTF-8 (the text then holds one char per byte), if any. */
  readonly invalidUtf8At?: number;
  report(finding: Report): void;
}

export interface Rule<Id extends string = string> {
  readonly meta: RuleMeta<Id>;
  readonly check?: (context: RuleContext) => void;
  readonly checkSource?: (context: SourceContext) => void;
  /** Message builders by message id (ESLint's messageId): for findings reported outside this file. */
  readonly messages?: { readonly [messageId: string]: (data: never) => string };
}

export const DOCS_BASE = 'https://github.com/policylint/policylint/blob/main/docs/rules/';
export const docsUrl = (id: string) => `${DOCS_BASE}${id}.md`;
