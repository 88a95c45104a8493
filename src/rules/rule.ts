// What a rule is: one module, its metadata, and (for policy-level rules) a check.
import type { Dialect, Policy } from '../model/ast.js';
import type { ResolvedConfig } from '../model/config.js';
import type { Diagnostic, Fix, Severity } from '../model/diagnostic.js';
import type { EffectiveTable } from '../model/effective-table.js';
import type { Span } from '../model/ast.js';

export type Fixable = 'no' | 'safe' | 'unsafe';

export interface RuleMeta {
  /** Stable id, used in output, config and disable comments. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line: what the rule finds. */
  readonly description: string;
  readonly fixable: Fixable;
  readonly dialects: readonly Dialect[];
  /** reader: reported while reading a line (the real parser's behaviour); policy: from the AST and effective table. */
  readonly phase: 'reader' | 'policy';
}

export interface RuleContext {
  readonly policy: Policy;
  readonly table: EffectiveTable;
  readonly config: ResolvedConfig;
  report(finding: { message: string; span: Span; severity?: Severity; fix?: Fix; details?: unknown; fixAdvice?: string }): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  readonly check?: (context: RuleContext) => void;
}

export const DOCS_BASE = 'https://github.com/policylint/policylint/blob/main/docs/rules/';
export const docsUrl = (id: string) => `${DOCS_BASE}${id}.md`;

export type { Diagnostic };
