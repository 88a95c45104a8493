// GitHub Actions workflow commands: annotations on the pull request's diff.
import type { LintResult } from '../../lint/lint.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(results: readonly LintResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const level = m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(r.filePath)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`policylint ${m.ruleId}`)}`,
      ];
      out.push(`::${level} ${props.join(',')}::${escapeData(m.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
