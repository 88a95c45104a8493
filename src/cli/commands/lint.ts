// `policylint [lint] FILE...`: the default command.
import { dirname, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { Dialect } from '../../model/ast.js';
import { ConfigError, DEFAULT_CONFIG, parseInterfaceList, type ResolvedConfig } from '../../model/config.js';
import { findConfigFile, loadConfigFile } from '../config-file.js';
import { policyFileDialect } from '../policy-input.js';
import { lintAndFix, lintText, type LintResult } from '../../lint/lint.js';
import { RULE_IDS, type RuleId } from '../../rules/catalog.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import { addOptions, type OptionSpec } from '../option-table.js';
import { decodeBytes, DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, readInput, type InputFile } from '../input.js';
import { unifiedDiff } from '../unified-diff.js';
import { writeFixedFile } from '../write-fixed.js';
import { formatResults } from '../format/format-results.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

export const LINT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: FORMATS, default: 'stylish', describe: 'Output format' },
  { name: 'dialect', type: 'string', choices: ['gai', 'ip6addrctl'], describe: 'Dialect when the file name and content do not tell' },
  { name: 'config', alias: 'c', type: 'string', describe: 'Use this config file instead of searching for .policylint.json' },
  { name: 'fix', type: 'boolean', default: false, describe: 'Apply safe fixes to the files' },
  { name: 'unsafe-fixes', type: 'boolean', default: false, describe: 'With --fix: also apply fixes that change behaviour' },
  { name: 'fix-dry-run', type: 'boolean', default: false, describe: 'Print the fixes as a unified diff; change nothing' },
  { name: 'quiet', alias: 'q', type: 'boolean', default: false, describe: 'Report errors only' },
  { name: 'max-warnings', type: 'number', describe: 'Exit 1 when there are more warnings than this' },
  { name: 'max-bytes', type: 'number', default: DEFAULT_MAX_BYTES, describe: 'Refuse files larger than this' },
  { name: 'max-lines', type: 'number', default: DEFAULT_MAX_LINES, describe: 'Refuse files with more lines than this' },
  { name: 'interfaces', type: 'string', describe: 'FreeBSD target host interfaces in index order from 1, e.g. lo0,em0 (decides %name zones)' },
  { name: 'stdin-filename', type: 'string', describe: 'Name to report (and detect the dialect from) for standard input' },
];

export const command: CommandModule = {
  command: 'lint [files..]',
  describe: 'Lint policy files (the default command)',
  builder: (y: Argv) => addOptions(y.positional('files', { type: 'string', array: true, describe: 'Files to lint; - reads standard input' }), LINT_OPTIONS),
  run: async (argv, io) => runLint(argv, io),
};

interface LintArgs {
  files?: string[];
  format: (typeof FORMATS)[number];
  dialect?: Dialect;
  config?: string;
  fix: boolean;
  unsafeFixes: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  maxWarnings?: number;
  maxBytes: number;
  maxLines: number;
  stdinFilename?: string;
  interfaces?: string;
}

function configFor(path: string, args: LintArgs, cache: Map<string, ResolvedConfig<RuleId>>, io: CommandIO): ResolvedConfig<RuleId> {
  try {
    if (args.config) return loadConfigFile(resolve(io.cwd, args.config), RULE_IDS);
    const dir = path === '-' ? io.cwd : dirname(resolve(io.cwd, path));
    const found = findConfigFile(dir);
    if (!found) return DEFAULT_CONFIG;
    let cfg = cache.get(found);
    if (!cfg) cache.set(found, (cfg = loadConfigFile(found, RULE_IDS)));
    return cfg;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`policylint: ${error.message}`);
    throw error;
  }
}

function detect(input: InputFile, args: LintArgs, reportedName: string): Dialect {
  const dialect = args.dialect ?? policyFileDialect(reportedName, input.text);
  if (!dialect) throw new UsageError(`${reportedName}: cannot tell whether this is a gai.conf or an ip6addrctl.conf; name it *gai.conf or *ip6addrctl.conf, or pass --dialect`);
  return dialect;
}

/** The fixed text of a file that is not UTF-8, linted with the bad byte's offset in it. */
function lintFixedBytes(output: string, input: InputFile, options: Parameters<typeof lintText>[1]): LintResult {
  const at = decodeBytes(input.path, Buffer.from(output, 'latin1')).invalidUtf8At;
  return lintText(output, at !== undefined ? { ...options, invalidUtf8At: at } : options);
}

/** `--interfaces lo0,em0`, checked; undefined when not given. */
export function interfacesOption(value: string | undefined, command: string): string[] | undefined {
  if (value === undefined) return undefined;
  const list = parseInterfaceList(value);
  if (typeof list === 'string') throw new UsageError(`${command}: --interfaces: ${list}`);
  return list;
}

export async function runLint(raw: Record<string, unknown>, io: CommandIO): Promise<number> {
  const args = raw as unknown as LintArgs;
  const files = args.files ?? [];
  if (files.length === 0) throw new UsageError('policylint: no files given (use - for standard input); see policylint --help');
  if (args.unsafeFixes && !args.fix && !args.fixDryRun) throw new UsageError('policylint: --unsafe-fixes needs --fix or --fix-dry-run');
  if (args.fix && files.includes('-')) throw new UsageError('policylint: --fix cannot write to standard input; use --fix-dry-run');
  const interfaces = interfacesOption(args.interfaces, 'policylint');
  const configs = new Map<string, ResolvedConfig<RuleId>>();
  const results: LintResult[] = [];
  let ioFailure = false;
  for (const file of files) {
    try {
      const reportedName = file === '-' ? args.stdinFilename ?? '<stdin>' : file;
      const limits = { maxBytes: args.maxBytes, maxLines: args.maxLines };
      const input = await readInput(file, io, limits, reportedName);
      const found = configFor(file === '-' ? args.stdinFilename ?? '-' : file, args, configs, io);
      const config = interfaces ? { ...found, interfaces } : found;
      const dialect = detect(input, args, reportedName);
      const options = { filePath: reportedName, dialect, config, encoding: input.encoding };
      // invalid-utf8 (src/rules/invalid-utf8.ts) builds its message from the first bad byte.
      const asRead = input.invalidUtf8At !== undefined ? { ...options, invalidUtf8At: input.invalidUtf8At } : options;
      if (args.fix || args.fixDryRun) {
        const fixed = lintAndFix(input.text, { ...asRead, unsafe: args.unsafeFixes });
        if (args.fixDryRun) {
          io.stdout(unifiedDiff(reportedName, input.text, fixed.output));
        } else if (fixed.output !== input.text) {
          await writeFixedFile(resolve(io.cwd, file), input, fixed.output);
        }
        results.push(args.fixDryRun || input.encoding === 'utf8' ? (args.fixDryRun ? lintText(input.text, asRead) : fixed.result) : lintFixedBytes(fixed.output, input, options));
      } else {
        results.push(lintText(input.text, asRead));
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(error.message + '\n');
      ioFailure = true;
    }
  }
  const shown = args.quiet ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error'), warningCount: 0, infoCount: 0 })) : results;
  const output = formatResults(args.format, shown, io);
  if (output && !(args.fixDryRun && args.format === 'stylish')) io.stdout(output);
  if (ioFailure) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`policylint: ${warnings} warnings is more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
