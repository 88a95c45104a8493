// `policylint [lint] FILE...`: the default command.
import { dirname, resolve } from 'node:path';
import type { Dialect } from '../../model/ast.js';
import { ConfigError, DEFAULT_CONFIG, parseInterfaceList, type ResolvedConfig } from '../../model/config.js';
import { findConfigFile, loadConfigFile, searchBounds } from '../config-file.js';
import { policyFileDialect } from '../policy-input.js';
import { PLATFORMS, type Platform } from '../../model/builtin-tables.js';
import { lintAndFix, lintText, type LintResult } from '../../lint/lint.js';
import { RULE_IDS, type RuleId } from '../../rules/catalog.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import type { CommandSpec, OptionSpec } from '../option-table.js';
import { decodeBytes, LIMIT_OPTIONS, readInput, type InputFile } from '../input.js';
import { unifiedDiff } from '../unified-diff.js';
import { writeFixedFile } from '../write-fixed.js';
import { stdoutWriter } from '../byte-output.js';

/** Texts longer than this (characters) skip the buffer: it would grow to three bytes a character. */
const LONG_TEXT = 16 * 1024;
import { writeResults } from '../format/format-results.js';
import { discoverFiles, systemPolicyFiles } from '../discover.js';
import { plural } from '../plural.js';
import { findRcConf, rcConfNote } from '../rc-conf-note.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

export const LINT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: FORMATS, default: 'stylish', valueName: 'FORMAT', describe: 'Output format' },
  { name: 'dialect', type: 'string', choices: ['gai', 'ip6addrctl'], valueName: 'DIALECT', describe: 'Dialect when the file name and content do not tell' },
  { name: 'config', alias: 'c', type: 'string', valueName: 'FILE', describe: 'Use this config file instead of searching for .policylint.json' },
  { name: 'fix', type: 'boolean', default: false, describe: 'Apply safe fixes to the files' },
  { name: 'unsafe-fixes', type: 'boolean', default: false, describe: 'With --fix: also apply fixes that change behaviour' },
  { name: 'fix-dry-run', type: 'boolean', default: false, describe: 'Print the fixes as a unified diff; change nothing' },
  { name: 'quiet', alias: 'q', type: 'boolean', default: false, describe: 'Report errors only' },
  { name: 'max-warnings', type: 'number', valueName: 'N', complete: 'none', describe: 'Exit 1 when there are more warnings than this' },
  {
    name: 'color',
    type: 'boolean',
    negatable: true,
    describe: 'Colour the stylish output (default: when standard output is a terminal; NO_COLOR and FORCE_COLOR are honoured)',
  },
  { name: 'stdin-filename', type: 'string', valueName: 'NAME', describe: 'Name to report (and detect the dialect from) for standard input' },
  {
    name: 'interfaces',
    type: 'string',
    valueName: 'LIST',
    describe: 'FreeBSD target host interfaces in index order from 1, e.g. lo0,em0 (decides %name zones)',
  },
  {
    name: 'baseline',
    type: 'string',
    choices: PLATFORMS,
    valueName: 'PLATFORM',
    describe: "The built-in table findings are judged against (default: the file's own system's; docs/impact.md)",
  },
  {
    name: 'rc-conf',
    type: 'string',
    valueName: 'FILE',
    describe: 'FreeBSD rc.conf that decides whether an ip6addrctl.conf is installed at boot (default: etc/rc.conf of the same config repository)',
  },
  ...LIMIT_OPTIONS,
];

export const LINT_SPEC: CommandSpec = {
  name: 'lint',
  summary: 'Lint policy files (the default command)',
  usage: '[lint] [options] [FILE|DIR|GLOB...]',
  description: [
    'A folder is searched (skipping .git and node_modules, not following folder symlinks) for files',
    'named gai.conf, ip6addrctl.conf, *[._-]gai.conf or *[._-]ip6addrctl.conf, as the pre-commit hook',
    "does; a quoted glob ('hosts/*/gai.conf', **, ?, [a-z]) is expanded the same way. A file named on",
    "the command line is linted whatever its name. With no file at all, the machine's own /etc/gai.conf",
    'and /etc/ip6addrctl.conf are linted. A first word that is a command is the command (./show lints a',
    'file called show); one that is close to a command and is not a file gets a "did you mean". -- ends',
    'the options: every word after it is a file.',
  ].join('\n'),
  positionals: [{ name: 'files', display: 'FILE', variadic: true, describe: 'Files, folders or quoted globs to lint; - reads standard input' }],
  options: LINT_OPTIONS,
  examples: [
    ['policylint', "Lint this machine's /etc/gai.conf and /etc/ip6addrctl.conf"],
    ['policylint /etc/ip6addrctl.conf', 'Lint one file'],
    ["policylint hosts/ 'sites/**/gai.conf'", 'Every policy file under hosts/, and the gai.conf files under sites/'],
    ['policylint --fix-dry-run --unsafe-fixes gai.conf', 'Show every fix, safe or not, as a diff; change nothing'],
    ['policylint --format sarif . > policylint.sarif', 'SARIF for GitHub code scanning'],
    ['cat gai.conf | policylint - --stdin-filename gai.conf', 'Lint standard input'],
  ],
};

export const command: CommandModule = {
  spec: LINT_SPEC,
  run: async (argv, io) => runLint(argv, io),
};

interface LintArgs {
  baseline?: Platform;
  files?: string[];
  format: (typeof FORMATS)[number];
  dialect?: Dialect;
  config?: string;
  fix: boolean;
  unsafeFixes: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  color?: boolean;
  maxWarnings?: number;
  maxBytes: number;
  maxLines: number;
  stdinFilename?: string;
  interfaces?: string;
  rcConf?: string;
}

async function configFor(
  path: string,
  args: LintArgs,
  cache: Map<string, ResolvedConfig<RuleId>>,
  io: CommandIO,
  noted: Set<string>,
): Promise<ResolvedConfig<RuleId>> {
  try {
    if (args.config) return await loadConfigFile(resolve(io.cwd, args.config), RULE_IDS);
    const dir = path === '-' ? io.cwd : dirname(resolve(io.cwd, path));
    const search = findConfigFile(dir, searchBounds(io.env));
    for (const note of search.notes) {
      if (noted.has(note)) continue; // once per run, not once per file
      noted.add(note);
      io.stderr(note + '\n');
    }
    if (!search.path) return DEFAULT_CONFIG;
    let cfg = cache.get(search.path);
    if (!cfg) cache.set(search.path, (cfg = await loadConfigFile(search.path, RULE_IDS)));
    return cfg;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`policylint: ${error.message}`);
    throw error;
  }
}

function detect(input: InputFile, args: LintArgs, reportedName: string): Dialect {
  const dialect = args.dialect ?? policyFileDialect(reportedName, input.text);
  if (!dialect)
    throw new UsageError(
      `${reportedName}: cannot tell whether this is a gai.conf or an ip6addrctl.conf; name it *gai.conf or *ip6addrctl.conf, or pass --dialect`,
    );
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

/**
 * --fix-dry-run without --unsafe-fixes shows only the safe fixes; when there are unsafe ones
 * too, say so, or an empty diff would read as "nothing to fix" right after the summary
 * said "preview with --fix-dry-run".
 */
function noteUnsafeFixesLeft(name: string, result: LintResult, diffShown: boolean, args: LintArgs, io: CommandIO): void {
  if (args.unsafeFixes) return;
  const unsafe = result.messages.filter((m) => m.fix?.safety === 'unsafe').length;
  if (unsafe === 0) return;
  const fixes = plural(unsafe, 'unsafe fix', 'unsafe fixes');
  io.stderr(
    diffShown
      ? `policylint: ${name}: ${fixes} (they change behaviour) not shown; add --unsafe-fixes to see them\n`
      : `policylint: ${name}: no safe fixes; ${fixes} (they change behaviour): see them with --fix-dry-run --unsafe-fixes\n`,
  );
}

export async function runLint(raw: Record<string, unknown>, io: CommandIO): Promise<number> {
  const args = raw as unknown as LintArgs;
  let ioFailure = false;
  let files: string[];
  if ((args.files ?? []).length === 0) {
    // The admin on a broken host types one word: lint the machine's own tables.
    const system = systemPolicyFiles(io.env);
    if (system.files.length === 0)
      throw new UsageError(
        `policylint: no files given, and this machine has neither ${system.looked.join(' nor ')}; name a file, folder or glob (- for standard input; see policylint --help)`,
      );
    io.stderr(`policylint: no files given; linting ${system.files.join(' and ')}\n`);
    files = system.files;
  } else {
    const found = discoverFiles(args.files!, io.cwd);
    for (const problem of found.problems) io.stderr(problem.message + '\n');
    ioFailure = found.problems.length > 0;
    files = found.files;
  }
  if (args.unsafeFixes && !args.fix && !args.fixDryRun) throw new UsageError('policylint: --unsafe-fixes needs --fix or --fix-dry-run');
  if (args.fix && files.includes('-')) throw new UsageError('policylint: --fix cannot write to standard input; use --fix-dry-run');
  const interfaces = interfacesOption(args.interfaces, 'policylint');
  const configs = new Map<string, ResolvedConfig<RuleId>>();
  const noted = new Set<string>();
  const results: LintResult[] = [];
  for (const file of files) {
    try {
      const reportedName = file === '-' ? (args.stdinFilename ?? '<stdin>') : file;
      const limits = { maxBytes: args.maxBytes, maxLines: args.maxLines };
      const input = await readInput(file, io, limits, reportedName);
      const found = await configFor(file === '-' ? (args.stdinFilename ?? '-') : file, args, configs, io, noted);
      const config = { ...found, ...(interfaces ? { interfaces } : {}), ...(args.baseline ? { baseline: args.baseline } : {}) };
      const dialect = detect(input, args, reportedName);
      const options = { filePath: reportedName, dialect, config, encoding: input.encoding };
      // invalid-utf8 (src/rules/invalid-utf8.ts) builds its message from the first bad byte.
      const asRead = input.invalidUtf8At !== undefined ? { ...options, invalidUtf8At: input.invalidUtf8At } : options;
      if (args.fix || args.fixDryRun) {
        const fixed = lintAndFix(input.text, { ...asRead, unsafe: args.unsafeFixes });
        const asIs = args.fixDryRun ? lintText(input.text, asRead) : input.encoding === 'utf8' ? fixed.result : lintFixedBytes(fixed.output, input, options);
        if (args.fixDryRun) {
          io.stdout(unifiedDiff(reportedName, input.text, fixed.output));
          noteUnsafeFixesLeft(reportedName, asIs, fixed.output !== input.text, args, io);
        } else if (fixed.output !== input.text) {
          await writeFixedFile(resolve(io.cwd, file), input, fixed.output, io);
        }
        results.push(asIs);
      } else {
        results.push(lintText(input.text, asRead));
      }
      const rcConf = dialect === 'ip6addrctl' ? (args.rcConf ?? (file === '-' ? null : findRcConf(file, io.cwd))) : null;
      const note = rcConf ? await rcConfNote(rcConf, reportedName, input.text, io, limits) : null;
      if (note) io.stderr(`${note}\n`);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(error.message + '\n');
      ioFailure = true;
    }
  }
  const shown = args.quiet
    ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error'), warningCount: 0, infoCount: 0 }))
    : results;
  if (!(args.fixDryRun && args.format === 'stylish')) {
    // Encoded into one reused buffer as it is made (stdoutWriter): a 500k-row table's report is
    // 57 MB, and joining it into chunks of text to encode cost more than making it. A long
    // text (a whole SARIF log) is sent as it is.
    const out = stdoutWriter(io);
    const write = (text: string) => {
      if (text.length <= LONG_TEXT) return out.text(text);
      out.flush();
      io.stdout(text);
    };
    writeResults(args.format, shown, io, args.color === undefined ? {} : { color: args.color }, write);
    out.flush();
  }
  if (ioFailure) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`policylint: ${plural(warnings, 'warning')} is more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
