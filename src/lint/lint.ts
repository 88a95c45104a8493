// The linting API: text in, result out. It never throws: a bug becomes a message.
import type { Dialect, Policy } from '../model/ast.js';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../model/config.js';
import type { Diagnostic, Fix, Severity } from '../model/diagnostic.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { withProvenFixes } from './prove-fix.js';
import { readPolicy } from '../dialects/registry.js';
import { effectiveTable } from '../model/effective-table.js';
import { RULES, RULE_IDS } from '../rules/catalog.js';
import { docsUrl, type RuleContext } from '../rules/rule.js';

export interface LintMessage {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix?: Fix;
  /** The full reasoning behind the one-line message (impacts per scenario), for JSON output. */
  readonly details?: unknown;
  readonly docsUrl: string;
  /** Source offsets, for fixes and code frames. */
  readonly offset: number;
  readonly endOffset: number;
}

export interface LintResult {
  readonly filePath: string;
  readonly dialect: Dialect;
  readonly messages: readonly LintMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly source: string;
}

export interface LintOptions {
  readonly filePath?: string;
  readonly dialect: Dialect;
  readonly config?: ResolvedConfig;
  /** How the text was decoded from the file (FreeBSD counts bytes): utf8 unless said. */
  readonly encoding?: 'utf8' | 'latin1';
}

function runRules(policy: Policy, config: ResolvedConfig, only?: string): Diagnostic[] {
  const table = effectiveTable(policy);
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    if (!rule.check || !rule.meta.dialects.includes(policy.dialect) || config.rules[rule.meta.id] === 'off') continue;
    if (only !== undefined && rule.meta.id !== only) continue;
    const context: RuleContext = {
      policy,
      table,
      config,
      report: (f) => out.push({ ruleId: rule.meta.id, severity: f.severity ?? rule.meta.defaultSeverity, message: f.message, span: f.span, ...(f.fix ? { fix: f.fix } : {}), ...(f.details !== undefined ? { details: f.details } : {}), ...(f.fixAdvice !== undefined ? { fixAdvice: f.fixAdvice } : {}) }),
    };
    rule.check(context);
  }
  return out;
}

function bomFinding(text: string, dialect: Dialect): Diagnostic[] {
  if (!text.startsWith('\uFEFF')) return [];
  const what = dialect === 'gai' ? 'glibc reads it as part of the first word, so the first line is silently ignored' : 'ip6addrctl reads it as part of the first prefix or comment mark, so a first entry fails to parse';
  return [{
    ruleId: 'byte-order-mark',
    severity: 'error',
    message: `UTF-8 byte order mark at the start of the file: ${what}. Save the file as UTF-8 without BOM.`,
    span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } },
    fix: { safety: 'safe', description: 'remove the byte order mark', edits: [{ start: 0, end: 1, text: '' }] },
  }];
}

function toMessage(d: Diagnostic, severity: Severity): LintMessage {
  return {
    ruleId: d.ruleId,
    severity,
    message: d.message,
    line: d.span.start.line,
    column: d.span.start.column,
    endLine: d.span.end.line,
    endColumn: d.span.end.column,
    ...(d.fix ? { fix: d.fix } : {}),
    ...(d.details !== undefined ? { details: d.details } : {}),
    docsUrl: docsUrl(d.ruleId),
    offset: d.span.start.offset,
    endOffset: d.span.end.offset,
  };
}

export function lintText(text: string, options: LintOptions): LintResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const filePath = options.filePath ?? '<text>';
  let diagnostics: Diagnostic[];
  try {
    const readOptions = { ...(config.glibcVersion ? { glibcVersion: config.glibcVersion } : {}), encoding: options.encoding ?? 'utf8', interfaces: config.interfaces ?? null } as const;
    const { policy, diagnostics: readerFindings } = readPolicy(options.dialect, text, readOptions);
    const read = (fixed: string) => readPolicy(options.dialect, fixed, readOptions).policy;
    const policyFindings = withProvenFixes(policy, config, runRules(policy, config), { read, run: (p, id) => runRules(p, config, id) });
    const all = [...bomFinding(text, options.dialect), ...readerFindings, ...policyFindings];
    diagnostics = applyDirectives(all, parseDirectives(policy.comments), RULE_IDS);
  } catch (error) {
    const where = { line: 1, column: 1, offset: 0 };
    diagnostics = [{ ruleId: 'internal-error', severity: 'error', message: `policylint failed on this file (a bug, please report it): ${(error as Error)?.message ?? String(error)}`, span: { start: where, end: where } }];
  }
  const messages: LintMessage[] = [];
  for (const d of diagnostics) {
    const setting = config.rules[d.ruleId];
    if (setting === 'off') continue;
    messages.push(toMessage(d, setting ?? d.severity));
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const count = (s: Severity) => messages.filter((m) => m.severity === s).length;
  return { filePath, dialect: options.dialect, messages, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info'), source: text };
}

export interface FixOutcome {
  readonly output: string;
  readonly result: LintResult;
  readonly fixedCount: number;
}

/** Apply fixes (safe ones, and unsafe ones too when asked) until none apply, ESLint-style. */
export function lintAndFix(text: string, options: LintOptions & { unsafe: boolean }): FixOutcome {
  let output = text;
  let fixedCount = 0;
  for (let pass = 0; pass < 10; pass++) {
    const result = lintText(output, options);
    const fixes = result.messages.filter((m) => m.fix && (m.fix.safety === 'safe' || options.unsafe)).map((m) => m.fix!);
    const next = applyFixes(output, fixes);
    if (next.applied === 0) return { output, result, fixedCount };
    output = next.output;
    fixedCount += next.applied;
  }
  return { output, result: lintText(output, options), fixedCount };
}

/** Apply non-overlapping fixes; a fix whose edits overlap an earlier one waits for the next pass. */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number } {
  const taken: { start: number; end: number }[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const overlaps = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && e.start === t.start)));
    if (overlaps) continue;
    for (const e of fix.edits) {
      taken.push({ start: e.start, end: Math.max(e.end, e.start) });
      edits.push(e);
    }
    applied++;
  }
  edits.sort((a, b) => b.start - a.start);
  let output = text;
  for (const e of edits) output = output.slice(0, e.start) + e.text + output.slice(e.end);
  return { output, applied };
}
