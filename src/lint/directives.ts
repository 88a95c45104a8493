// Inline configuration comments:
//   # policylint-disable-next-line RULE[, RULE] -- reason
//   # policylint-disable-line RULE[, RULE]      (trailing, on the line itself)
//   # policylint-disable RULE[, RULE]           (the whole file)
// No rule list means every rule. A directive that suppresses nothing is reported.
import type { CommentNode, Span } from '../model/ast.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { canonicalRuleId, RULE_ALIASES } from '../model/rule-aliases.js';

interface Directive {
  readonly kind: 'next-line' | 'line' | 'file';
  readonly rules: readonly string[] | null;
  readonly line: number;
  readonly span: Span;
  readonly used: Set<string>;
}

const PATTERN = /^#\s*policylint-(disable-next-line|disable-line|disable)(?=\s|$)([^]*)$/;

export function parseDirectives(comments: readonly CommentNode[], aliases: Readonly<Record<string, string>> = RULE_ALIASES): Directive[] {
  const out: Directive[] = [];
  for (const comment of comments) {
    const m = PATTERN.exec(comment.text.trim());
    if (!m) continue;
    const body = m[2]!.split(/\s--\s|\s--$/)[0]!.trim();
    // A renamed rule's old id disables the rule under its new id.
    const rules = body === '' ? null : body.split(/[\s,]+/).filter(Boolean).map((id) => canonicalRuleId(id, aliases));
    const kind = m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-line' ? 'line' : 'file';
    out.push({ kind, rules, line: comment.span.start.line, span: comment.span, used: new Set() });
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
export function applyDirectives(diagnostics: readonly Diagnostic[], directives: readonly Directive[], knownRules: ReadonlySet<string>): Diagnostic[] {
  const kept: Diagnostic[] = [];
  for (const diag of diagnostics) {
    const by = directives.filter((d) => applies(d, diag));
    if (by.length === 0) {
      kept.push(diag);
      continue;
    }
    for (const d of by) d.used.add(diag.ruleId);
  }
  for (const d of directives) {
    const names = d.rules ?? [];
    for (const name of names) {
      if (!knownRules.has(name)) {
        kept.push({ ruleId: 'unused-disable', severity: 'warning', message: `\`${name}\` is not a policylint rule, so this disable comment does nothing. Check the id with \`policylint rules\`.`, span: d.span });
      } else if (!d.used.has(name)) {
        kept.push({ ruleId: 'unused-disable', severity: 'warning', message: `Unused disable: no \`${name}\` problem is reported ${d.kind === 'file' ? 'in this file' : d.kind === 'line' ? 'on this line' : 'on the next line'}. Remove it.`, span: d.span });
      }
    }
    if (!d.rules && d.used.size === 0) {
      kept.push({ ruleId: 'unused-disable', severity: 'warning', message: `Unused disable: no problem is reported ${d.kind === 'file' ? 'in this file' : d.kind === 'line' ? 'on this line' : 'on the next line'}. Remove it.`, span: d.span });
    }
  }
  return kept;
}
