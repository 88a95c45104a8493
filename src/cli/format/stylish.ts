// Human output: `file:line:col  severity  message  rule-id`, a code frame, a summary.
import type { LintResult, LintMessage } from '../../lint/lint.js';
import { paint } from './color.js';
import { plural } from '../plural.js';
import { terminalFrame, terminalText } from '../terminal-text.js';

export interface StylishOptions {
  readonly color: boolean;
}

/** Start offsets of the source's lines, computed once per file (not once per message). */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** n copies of a one-character string, made once per length (a large table's frames ask for the same few widths 100k times). */
function repeated(cache: string[], c: string, n: number): string {
  let out = cache[n];
  if (out === undefined) {
    out = c.repeat(n);
    cache[n] = out;
  }
  return out;
}
const SPACES: string[] = [];
const CARETS: string[] = [];

function codeFrame(source: string, starts: readonly number[], m: LintMessage, color: boolean): string {
  const from = starts[m.line - 1] ?? source.length;
  const next = starts[m.line];
  const line = source.slice(from, next === undefined ? source.length : next - 1);
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const shown = text.length > 160 ? text.slice(Math.max(0, m.column - 60), Math.max(0, m.column - 60) + 160) : text;
  const shift = text.length > 160 ? Math.max(0, m.column - 60) : 0;
  const printable = terminalFrame(shown);
  const gutter = String(m.line).padStart(5);
  const width = Math.max(1, m.endLine === m.line ? m.endColumn - m.column : 1);
  const caret = `      | ${repeated(SPACES, ' ', Math.max(0, m.column - 1 - shift))}${paint(color, 'red', repeated(CARETS, '^', Math.min(width, 160)))}`;
  return `${paint(color, 'dim', `${gutter} | `)}${printable}\n${caret}`;
}

/**
 * Write the report line by line through `write` (a 500k-row table's report is tens of
 * megabytes: built whole, it and its lines were a good part of the lint's peak memory).
 */
export function writeStylish(results: readonly LintResult[], options: StylishOptions, write: (text: string) => void): void {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
  }
  const total = errors + warnings + infos;
  if (total === 0) return;
  let safeFixes = 0;
  let unsafeFixes = 0;
  for (const r of results) {
    const starts = r.messages.length > 0 ? lineStarts(r.source) : [];
    const filePath = terminalText(r.filePath);
    for (const m of r.messages) {
      const sev =
        m.severity === 'error'
          ? paint(options.color, 'red', 'error')
          : m.severity === 'warning'
            ? paint(options.color, 'yellow', 'warning')
            : paint(options.color, 'cyan', 'info');
      write(`${filePath}:${m.line}:${m.column}  ${sev}  ${terminalText(m.message)}  ${paint(options.color, 'dim', m.ruleId)}\n`);
      write(`${codeFrame(r.source, starts, m, options.color)}\n`);
      if (m.fix?.safety === 'safe') safeFixes++;
      else if (m.fix) unsafeFixes++;
    }
  }
  write('\n');
  write(`${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info)\n`);
  if (safeFixes + unsafeFixes > 0) {
    const parts = [
      safeFixes > 0 ? `${safeFixes} fixable with --fix` : '',
      unsafeFixes > 0 ? `${unsafeFixes} with --fix --unsafe-fixes (${unsafeFixes === 1 ? 'changes' : 'change'} behaviour)` : '',
    ].filter(Boolean);
    write(`${parts.join(', ')}; preview with --fix-dry-run\n`);
  }
}
