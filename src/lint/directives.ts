// Inline configuration comments:
//   # policylint-disable-next-line RULE[, RULE] -- reason
//   # policylint-disable-line RULE[, RULE]      (trailing, on the line itself)
//   # policylint-disable RULE[, RULE]           (the whole file)
// No rule list means every rule. A directive that suppresses nothing is reported
// (unused-disable; its messages are built in src/rules/unused-disable.ts).
import type { CommentNode, Span } from '../model/ast.js';
import { isRuleId, type RuleId } from '../rules/catalog.js';
import type { Diagnostic } from '../rules/diagnostic.js';
import { rule as unusedDisable, type DisableScope } from '../rules/unused-disable.js';
import { canonicalRuleId, RULE_ALIASES } from '../model/rule-aliases.js';

interface Directive {
  readonly kind: DisableScope;
  /** The rules it names, or null for every rule. */
  readonly rules: readonly RuleId[] | null;
  /** Every name written, in order, known or not. */
  readonly names: readonly string[];
  readonly line: number;
  readonly span: Span;
  readonly used: Set<RuleId>;
}

const PATTERN = /^#\s*policylint-(disable-next-line|disable-line|disable)(?=\s|$)([^]*)$/;

export function parseDirectives(comments: readonly CommentNode[], aliases: Readonly<Record<string, string>> = RULE_ALIASES): Directive[] {
  const out: Directive[] = [];
  for (const comment of comments) {
    const m = PATTERN.exec(comment.text.trim());
    if (!m) continue;
    const body = m[2]!.split(/\s--\s|\s--$/)[0]!.trim();
    // A renamed rule's old id disables the rule under its new id.
    const names =
      body === ''
        ? null
        : body
            .split(/[\s,]+/)
            .filter(Boolean)
            .map((id) => canonicalRuleId(id, aliases));
    const kind = m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-line' ? 'line' : 'file';
    out.push({
      kind,
      rules: names ? names.filter(isRuleId) : null,
      names: names ?? [],
      line: comment.span.start.line,
      span: comment.span,
      used: new Set(),
    });
  }
  return out;
}

function applies(d: Directive, diag: Diagnostic): boolean {
  if (d.rules && !d.rules.includes(diag.ruleId)) return false;
  if (d.kind === 'file') return true;
  const target = d.kind === 'next-line' ? d.line + 1 : d.line;
  return diag.span.start.line === target;
}

/** Drop the diagnostics a directive disables; report directives that disabled nothing. */
export function applyDirectives(diagnostics: readonly Diagnostic[], directives: readonly Directive[]): Diagnostic[] {
  const kept: Diagnostic[] = [];
  for (const diag of diagnostics) {
    const by = directives.filter((d) => applies(d, diag));
    if (by.length === 0) {
      kept.push(diag);
      continue;
    }
    for (const d of by) d.used.add(diag.ruleId);
  }
  const { messages } = unusedDisable;
  const report = (d: Directive, message: string) =>
    kept.push({ ruleId: 'unused-disable', severity: unusedDisable.meta.defaultSeverity, message, span: d.span });
  for (const d of directives) {
    for (const name of d.names) {
      if (!isRuleId(name)) report(d, messages.unknownRule({ name }));
      else if (!d.used.has(name)) report(d, messages.unusedRule({ name, scope: d.kind }));
    }
    if (!d.rules && d.used.size === 0) report(d, messages.unusedAll({ scope: d.kind }));
  }
  return kept;
}
