// `policylint show FILE...`: the table the system will really use for each file, in the
// layout of `ip6addrctl show` (src/convert/shown-table.ts computes it). Exit 0 when every
// file installs, 1 otherwise (aborted, undefined, depends on the host), 2 for usage.
import { dirname, resolve } from 'node:path';
import type { Dialect } from '../../model/ast.js';
import { ConfigError, DEFAULT_CONFIG, glibcVersionProblem, type ResolvedConfig } from '../../model/config.js';
import { terminalBlock } from '../terminal-text.js';
import { findConfigFile, loadConfigFile, searchBounds } from '../config-file.js';
import { policyFileDialect } from '../policy-input.js';
import { readGaiConf } from '../../dialects/gai-reader.js';
import { readIp6addrctl } from '../../dialects/ip6addrctl-reader.js';
import { RULE_IDS } from '../../rules/catalog.js';
import { formatShownTable, shownGaiTable, shownIp6addrctlTable, shownTableJson, type ShownTable } from '../../convert/shown-table.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import { LIMIT_OPTIONS, limitsFrom, readInput, type InputFile } from '../input.js';
import { interfacesOption } from './lint.js';

export const command: CommandModule = {
  spec: {
    name: 'show',
    summary: 'Print the table the system will really use for each file (ip6addrctl show layout)',
    positionals: [{ name: 'files', display: 'FILE', describe: 'Policy files; - reads standard input', variadic: true }],
    options: [
      { name: 'format', alias: 'f', type: 'string', choices: ['text', 'json'], default: 'text', valueName: 'FORMAT', describe: 'Output format' },
      { name: 'dialect', type: 'string', choices: ['gai', 'ip6addrctl'], valueName: 'DIALECT', describe: 'Dialect when the file name and content do not tell' },
      {
        name: 'interfaces',
        type: 'string',
        valueName: 'LIST',
        describe: 'FreeBSD target host interfaces in index order from 1, e.g. lo0,em0 (decides %name zones)',
      },
      { name: 'config', alias: 'c', type: 'string', valueName: 'FILE', describe: 'Use this config file instead of searching for .policylint.json' },
      { name: 'glibc-version', type: 'string', valueName: 'VERSION', describe: 'glibc whose gai.conf parsing applies, e.g. 2.36' },
      ...LIMIT_OPTIONS,
    ],
    examples: [
      ['policylint show /etc/ip6addrctl.conf', 'What `ip6addrctl show` will print after rc.d installs the file'],
      ['policylint show --interfaces lo0,em0 ip6addrctl.conf', 'The same, for a host with these interfaces (decides %name zones)'],
      ['policylint show --format json /etc/gai.conf', "glibc's merged tables, as JSON"],
    ],
  },
  run: (argv, io) => runShow(argv, io),
};

async function configFor(file: string, configPath: string | undefined, io: CommandIO): Promise<ResolvedConfig> {
  try {
    if (configPath) return await loadConfigFile(resolve(io.cwd, configPath), RULE_IDS);
    const found = findConfigFile(file === '-' ? io.cwd : dirname(resolve(io.cwd, file)), searchBounds(io.env));
    for (const note of found.notes) io.stderr(note + '\n');
    return found.path ? await loadConfigFile(found.path, RULE_IDS) : DEFAULT_CONFIG;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`policylint show: ${error.message}`);
    throw error;
  }
}

export function showFile(name: string, input: InputFile, dialect: Dialect, config: ResolvedConfig): ShownTable {
  if (dialect === 'gai') return shownGaiTable(name, readGaiConf(input.text, config.glibcVersion ? { glibcVersion: config.glibcVersion } : {}).policy);
  const interfaces = config.interfaces ?? null;
  const run = readIp6addrctl(input.text, { encoding: input.encoding, interfaces }).install!;
  return shownIp6addrctlTable(name, run, interfaces);
}

async function runShow(argv: Record<string, unknown>, io: CommandIO): Promise<number> {
  const files = (argv.files as string[] | undefined) ?? [];
  if (files.length === 0) throw new UsageError('policylint show: no files given (use - for standard input)');
  const interfaces = interfacesOption(argv.interfaces as string | undefined, 'policylint show');
  const glibcVersion = argv.glibcVersion as string | undefined;
  const versionProblem = glibcVersion === undefined ? null : glibcVersionProblem(glibcVersion);
  if (versionProblem) throw new UsageError(`policylint show: --glibc-version: ${versionProblem}, got "${glibcVersion}"`);
  const tables: ShownTable[] = [];
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : file;
    let input: InputFile;
    try {
      input = await readInput(file, io, limitsFrom(argv));
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(`policylint show: ${error.message}`);
      throw error;
    }
    const dialect = (argv.dialect as Dialect | undefined) ?? policyFileDialect(name, input.text);
    if (!dialect) throw new UsageError(`policylint show: ${name}: cannot tell whether this is a gai.conf or an ip6addrctl.conf; pass --dialect`);
    const found = await configFor(file, argv.config as string | undefined, io);
    const config = { ...found, ...(interfaces ? { interfaces } : {}), ...(glibcVersion ? { glibcVersion } : {}) };
    tables.push(showFile(name, input, dialect, config));
  }
  if (argv.format === 'json') io.stdout(JSON.stringify(tables.map(shownTableJson), null, 2) + '\n');
  else io.stdout(terminalBlock(tables.map((t) => (tables.length > 1 ? `==> ${t.filePath} <==\n` : '') + formatShownTable(t)).join('\n')));
  return tables.every((t) => t.outcome === 'installed') ? 0 : 1;
}
