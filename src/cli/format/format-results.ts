// Picks the formatter; each loads only when asked for.
import type { LintResult } from '../../lint/lint.js';
import type { CommandIO } from '../command.js';
import { formatStylish } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { VERSION } from '../version.js';
import { colorEnabled } from './color.js';

export function formatResults(format: string, results: readonly LintResult[], io: CommandIO, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, io.cwd, VERSION);
    case 'github':
      return formatGithub(results);
    default:
      return formatStylish(results, { color: colorEnabled(io.env, () => io.isTTY, options.color) });
  }
}
