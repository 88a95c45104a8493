// GitHub Actions workflow commands: annotations on the pull request's diff. The commands go
// to the job's log, which a terminal may show: file names and messages are escaped for it
// (src/cli/terminal-text.ts) before the workflow-command escapes.
import type { LintResult } from '../../lint/lint.js';
import { terminalText } from '../terminal-text.js';

const escapeData = (s: string) => terminalText(s).replace(/%/g, '%25');
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
