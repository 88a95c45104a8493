// ESLint-like JSON: one object per file.
import type { LintResult } from '../../lint/lint.js';

export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
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
        fix: m.fix ? { safety: m.fix.safety, description: m.fix.description, edits: m.fix.edits.map((e) => ({ range: [e.start, e.end], text: e.text })) } : null,
      })),
    })),
    null,
    2,
  ) + '\n';
}
