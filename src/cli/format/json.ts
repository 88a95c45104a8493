// ESLint-like JSON: one object per file (schema/lint-results.schema.json). Each object has a
// `version` of its shape; ESLint's own fields are unchanged, so ESLint-format tools still read it.
import type { LintResult } from '../../lint/lint.js';

export const LINT_JSON_VERSION = 1;

export function formatJson(results: readonly LintResult[]): string {
  return (
    JSON.stringify(
      results.map((r) => ({
        version: LINT_JSON_VERSION,
        filePath: r.filePath,
        dialect: r.dialect,
        errorCount: r.errorCount,
        warningCount: r.warningCount,
        infoCount: r.infoCount,
        messages: r.messages.map((m) => ({
          ruleId: m.ruleId,
          severity: m.severity,
          message: m.message,
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          docsUrl: m.docsUrl,
          ...(m.details !== undefined ? { details: m.details } : {}),
          fix: m.fix
            ? { safety: m.fix.safety, description: m.fix.description, edits: m.fix.edits.map((e) => ({ range: [e.start, e.end], text: e.text })) }
            : null,
        })),
      })),
      null,
      2,
    ) + '\n'
  );
}
