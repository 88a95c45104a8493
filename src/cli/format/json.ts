// ESLint-like JSON: one object per file (schema/lint-results.schema.json). Each object has a
// `version` of its shape; ESLint's own fields are unchanged, so ESLint-format tools still read it.
import type { LintResult } from '../../lint/lint.js';

export const LINT_JSON_VERSION = 1;

function messageJson(m: LintResult['messages'][number]) {
  return {
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
  };
}

/** JSON.stringify(value, null, 2) of a value nested `depth` levels down (strings hold no raw newline). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * Write the report message by message through `write`: exactly the text of
 * JSON.stringify(results, null, 2) and a newline, without building it whole (a 500k-row
 * table's report can be hundreds of megabytes; test/json-output.test.ts compares the two).
 */
export function writeJson(results: readonly LintResult[], write: (text: string) => void): void {
  if (results.length === 0) {
    write('[]\n');
    return;
  }
  write('[\n');
  results.forEach((r, i) => {
    const head = nested(
      { version: LINT_JSON_VERSION, filePath: r.filePath, dialect: r.dialect, errorCount: r.errorCount, warningCount: r.warningCount, infoCount: r.infoCount },
      1,
    );
    write(`  ${head.slice(0, -4)},\n    "messages": `);
    if (r.messages.length === 0) write('[]');
    else {
      write('[\n');
      r.messages.forEach((m, j) => write(`      ${nested(messageJson(m), 3)}${j < r.messages.length - 1 ? ',' : ''}\n`));
      write('    ]');
    }
    write(`\n  }${i < results.length - 1 ? ',' : ''}\n`);
  });
  write(']\n');
}
