// policylint's entry point. Picks the command from the first word and loads only that
// command's module, so `policylint FILE` never loads explain or convert.
import type { CommandIO, CommandModule } from './command.js';
import { UsageError } from './command.js';
import { VERSION } from './version.js';
// The lint path is the hot one: load it with the entry, in one chunk, not through
// chained dynamic imports (each hop costs module resolution and an idle turn).
import * as lintModule from './commands/lint.js';
import { parseWithTable } from './option-table.js';

const COMMANDS: Record<string, () => Promise<{ command: CommandModule }>> = {
  lint: async () => lintModule,
  rules: () => import('./commands/rules.js'),
  convert: () => import('./commands/convert.js'),
  diff: () => import('./commands/diff.js'),
  defaults: () => import('./commands/defaults.js'),
  explain: () => import('./commands/explain.js'),
  show: () => import('./commands/show.js'),
};

/** yargs drops a lone `-`; argv can never hold a NUL, so this stands in for it while parsing. */
const STDIN_STANDIN = '\u0000-';

function restoreStdin(value: unknown): unknown {
  if (value === STDIN_STANDIN) return '-';
  return Array.isArray(value) ? value.map(restoreStdin) : value;
}

const GENERAL_HELP = `policylint ${VERSION}: lint, convert and explain IPv6 address-selection policy tables
(FreeBSD /etc/ip6addrctl.conf, glibc /etc/gai.conf)

Usage:
  policylint [lint] FILE...            lint files (- for standard input)
  policylint convert FILE --to DIALECT convert between gai, ip6addrctl, json, ...
  policylint diff A B                  semantic difference of two policies
  policylint explain [options] DEST... which address is tried first, and why (RFC 6724)
  policylint defaults --platform P     print a platform's built-in table
  policylint show FILE...              the table the system really uses (ip6addrctl show layout)
  policylint rules                     list the rule catalog

Run 'policylint COMMAND --help' for a command's options.
`;

export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const first = argv[0];
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(GENERAL_HELP);
    return first === undefined ? 2 : 0;
  }
  const name = Object.hasOwn(COMMANDS, first) ? first : 'lint';
  const rest = (name === first ? argv.slice(1) : [...argv]).map((a) => (a === '-' ? STDIN_STANDIN : a));
  try {
    const { command } = await COMMANDS[name]!();
    // The lint fast path: parseArgs from the same option table, no yargs (it costs ~40 ms).
    if (name === 'lint' && !rest.some((a) => a === '--help' || a === '-h')) {
      const args = parseWithTable('lint', rest, lintModule.LINT_OPTIONS, 'files');
      for (const key of Object.keys(args)) args[key] = restoreStdin(args[key]);
      return await command.run(args, io);
    }
    const { default: yargs } = await import('yargs');
    let helpShown = false;
    // The module's own command string, with its name replaced by $0 ('explain [dest..]' -> '$0 [dest..]').
    const signature = command.command.replace(/^\S+/, '$0');
    const parser = yargs([...rest])
      .scriptName(`policylint ${name}`)
      .command(signature, command.describe, (y) => command.builder(y))
      .strict()
      .exitProcess(false)
      .showHelpOnFail(false)
      .version(false)
      .help('help')
      .alias('help', 'h')
      .wrap(Math.min(100, process.stdout.columns ?? 100))
      .fail((message, error) => {
        throw new UsageError(`policylint ${name}: ${message ?? error?.message}`);
      });
    const args = (await parser.parseAsync(rest, {}, (_err, _argv, output) => {
      if (output) {
        helpShown = true;
        io.stdout(output + '\n');
      }
    })) as Record<string, unknown>;
    if (helpShown) return 0;
    for (const key of Object.keys(args)) args[key] = restoreStdin(args[key]);
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.message.replace(/\n+$/, '') + '\n');
      return error.exitCode;
    }
    io.stderr(`policylint: internal error: ${(error as Error)?.message ?? String(error)}\n(this is a bug; please report it with the input that caused it)\n`);
    if (io.env.POLICYLINT_DEBUG) io.stderr(String((error as Error)?.stack) + '\n');
    return 2;
  }
}
