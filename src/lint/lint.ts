// The linting API: text in, result out. It never throws: a bug becomes a message.
import type { Dialect, Policy } from '../model/ast.js';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../model/config.js';
import type { Fix, Severity, TextEdit } from '../model/diagnostic.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { withProvenFixes } from './prove-fix.js';
import { fitMessage, flat } from './fit-message.js';
import { readPolicy } from '../dialects/registry.js';
import { effectiveTable, type EffectiveTable } from '../model/effective-table.js';
import { RULES, type RuleId } from '../rules/catalog.js';
import type { Diagnostic } from '../rules/diagnostic.js';
import { rule as internalError } from '../rules/internal-error.js';
import { renderFindings } from '../rules/render-finding.js';
import { docsUrl, type Report, type Rule } from '../rules/rule.js';

export interface LintMessage {
  readonly ruleId: RuleId;
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
  readonly config?: ResolvedConfig<RuleId>;
  /** The CLI read a file that is not UTF-8 byte for byte: the offset of the first bad byte (invalid-utf8). */
  readonly invalidUtf8At?: number;
  /** How the text was decoded from the file (FreeBSD counts bytes): utf8 unless said. */
  readonly encoding?: 'utf8' | 'latin1';
}

const reporterFor = (rule: Rule<RuleId>, out: Diagnostic[]) => (f: Report) => {
  // Optional fields set one by one, not spread from a temporary object each: a large table
  // reports 130k findings (issue 13).
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    ruleId: rule.meta.id,
    severity: f.severity ?? rule.meta.defaultSeverity,
    message: flat(f.message),
    span: f.span,
  };
  if (f.fix) d.fix = f.fix;
  if (f.details !== undefined) d.details = f.details;
  if (f.fixAdvice !== undefined) d.fixAdvice = flat(f.fixAdvice);
  if (f.fixLater) d.fixLater = f.fixLater;
  out.push(d);
};

/** One policy-phase rule's check on a read policy (the RuleTester runs rules alone through this). */
export function runPolicyRule(
  rule: Rule<RuleId>,
  policy: Policy,
  config: ResolvedConfig<RuleId>,
  table: EffectiveTable = effectiveTable(policy),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (rule.check && rule.meta.dialects.includes(policy.dialect)) rule.check({ policy, table, config, report: reporterFor(rule, out) });
  return out;
}

/** One source-phase rule's check on the raw text. */
export function runSourceRule(rule: Rule<RuleId>, text: string, options: Pick<LintOptions, 'dialect' | 'invalidUtf8At'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!rule.checkSource) return out;
  rule.checkSource({
    text,
    dialect: options.dialect,
    ...(options.invalidUtf8At !== undefined ? { invalidUtf8At: options.invalidUtf8At } : {}),
    report: reporterFor(rule, out),
  });
  return out;
}

/**
 * One policy-phase rule on a text as lint reports it: its fixes proven, its messages in their
 * final one-line form (the RuleTester runs rules alone through this).
 */
export function lintWithRule(rule: Rule<RuleId>, text: string, dialect: Dialect, config: ResolvedConfig<RuleId>): Diagnostic[] {
  const readOptions = config.glibcVersion ? { glibcVersion: config.glibcVersion } : {};
  const read = (t: string) => readPolicy(dialect, t, readOptions).policy;
  const policy = read(text);
  const table = effectiveTable(policy);
  const found = withProvenFixes(policy, table, config, runPolicyRule(rule, policy, config, table), {
    read,
    count: (p) => runPolicyRule(rule, p, config).length,
  });
  return found.map((d) => ({ ...d, message: fitMessage(d.message) }));
}

function runRules(policy: Policy, config: ResolvedConfig<RuleId>, only?: string, table: EffectiveTable = effectiveTable(policy)): Diagnostic[] {
  return RULES.filter((rule) => config.rules[rule.meta.id] !== 'off' && (only === undefined || rule.meta.id === only)).flatMap((rule) =>
    runPolicyRule(rule, policy, config, table),
  );
}

function toMessage(d: Diagnostic, severity: Severity): LintMessage {
  // The keys in this order (JSON output shows them so); optional ones set, not spread.
  const m: { -readonly [K in keyof LintMessage]: LintMessage[K] } = {
    ruleId: d.ruleId,
    severity,
    message: fitMessage(d.message),
    line: d.span.start.line,
    column: d.span.start.column,
    endLine: d.span.end.line,
    endColumn: d.span.end.column,
  } as LintMessage;
  if (d.fix) m.fix = d.fix;
  if (d.details !== undefined) m.details = d.details;
  m.docsUrl = docsUrl(d.ruleId);
  m.offset = d.span.start.offset;
  m.endOffset = d.span.end.offset;
  return m;
}

export function lintText(text: string, options: LintOptions): LintResult {
  const config: ResolvedConfig<RuleId> = options.config ?? DEFAULT_CONFIG;
  const filePath = options.filePath ?? '<text>';
  let diagnostics: Diagnostic[];
  try {
    const readOptions = {
      ...(config.glibcVersion ? { glibcVersion: config.glibcVersion } : {}),
      encoding: options.encoding ?? 'utf8',
      interfaces: config.interfaces ?? null,
    } as const;
    const { policy, findings } = readPolicy(options.dialect, text, readOptions);
    const source = RULES.flatMap((rule) => runSourceRule(rule, text, options));
    const read = (fixed: string) => readPolicy(options.dialect, fixed, readOptions).policy;
    const table = effectiveTable(policy);
    const policyFindings = withProvenFixes(policy, table, config, runRules(policy, config, undefined, table), {
      read,
      count: (p, id) => runRules(p, config, id).length,
    });
    const all = [...source, ...renderFindings(findings), ...policyFindings];
    diagnostics = applyDirectives(all, parseDirectives(policy.comments));
  } catch (error) {
    const where = { line: 1, column: 1, offset: 0 };
    const message = internalError.messages.crashed({ error: (error as Error)?.message ?? String(error) });
    diagnostics = [{ ruleId: 'internal-error', severity: internalError.meta.defaultSeverity, message, span: { start: where, end: where } }];
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

/**
 * Apply non-overlapping fixes; a fix whose edits overlap an earlier one waits for the next pass.
 * Linear in the number of edits (issue 13): the accepted edits stay sorted, an edit is checked
 * against its neighbours only, and the output is built once. A fix whose own edits overlap or
 * touch at one offset (where the order of applying them matters) takes the edit-by-edit path,
 * which is what this function always did.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number } {
  return applyFixesSorted(text, fixes) ?? applyFixesOneByOne(text, fixes);
}

/** Accepted edits sorted by start, pairwise apart (each ends at or before the next starts). */
function applyFixesSorted(text: string, fixes: readonly Fix[]): { output: string; applied: number } | null {
  const taken: TextEdit[] = [];
  /** The first index whose start is >= at (or, with strict, > at). */
  const firstFrom = (at: number, strict: boolean) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = taken[mid]!.start;
      if (s < at || (strict && s === at)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The old rule, against the accepted edits: [s, f) meets [ts, te) when s < te && ts < f, and an
  // empty edit also meets any edit that starts where it does. The accepted edits are apart, so
  // their ends rise with their starts: the one before the search point has the largest end.
  const overlaps = (e: TextEdit) => {
    if (e.end > e.start) {
      const i = firstFrom(e.end, false);
      return i > 0 && taken[i - 1]!.end > e.start;
    }
    const j = firstFrom(e.start, false);
    if (j < taken.length && taken[j]!.start === e.start) return true;
    return j > 0 && taken[j - 1]!.end > e.start;
  };
  let applied = 0;
  for (const fix of fixes) {
    if (fix.edits.some((e) => e.end < e.start)) return null;
    if (fix.edits.some(overlaps)) continue;
    for (const e of fix.edits) {
      // Insert in order; two edits at one start, or edits that overlap, need the old path.
      const i = firstFrom(e.start, true);
      if (i > 0 && (taken[i - 1]!.start === e.start || taken[i - 1]!.end > e.start)) return null;
      if (i < taken.length && (taken[i]!.start === e.start || e.end > taken[i]!.start)) return null;
      if (i === taken.length) taken.push(e);
      else taken.splice(i, 0, e);
    }
    applied++;
  }
  const parts: string[] = [];
  let at = 0;
  for (const e of taken) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return { output: parts.join(''), applied };
}

/** Edit by edit, each fix checked against every earlier one (quadratic; for the rare fixes above). */
function applyFixesOneByOne(text: string, fixes: readonly Fix[]): { output: string; applied: number } {
  const taken: { start: number; end: number }[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const overlaps = fix.edits.some((e) => taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start)));
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
