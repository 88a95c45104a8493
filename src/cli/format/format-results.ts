// Picks the formatter and writes the report.
import type { LintResult } from '../../lint/lint.js';
import type { CommandIO } from '../command.js';
import { writeStylish } from './stylish.js';
import { writeJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { VERSION } from '../version.js';
import { colorEnabled } from './color.js';

/**
 * Write the report in `format` through `write`. stylish and json are written piece by
 * piece (a 500k-row table's report is tens to hundreds of megabytes); sarif and github, whole.
 */
export function writeResults(format: string, results: readonly LintResult[], io: CommandIO, options: { color?: boolean }, write: (text: string) => void): void {
  if (format === 'json') writeJson(results, write);
  else if (format === 'sarif') write(formatSarif(results, io.cwd, VERSION));
  else if (format === 'github') write(formatGithub(results));
  else writeStylish(results, { color: colorEnabled(io.env, () => io.isTTY, options.color) }, write);
}
