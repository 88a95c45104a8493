// policylint's entry point. Picks the command from the first word and loads only that
// command's module, so `policylint FILE` never loads explain or convert. Every command's
// arguments go through the same table-driven parser (src/cli/option-table.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandIO } from './command.js';
import { UsageError } from './command.js';
import { COMMAND_NAMES, findCommand, type CommandEntry } from './command-index.js';
import { generalHelp } from './general-help.js';
import { commandHelp, parseCommandLine } from './option-table.js';
import { closest } from './suggest.js';
import { terminalLines } from './terminal-text.js';
import { VERSION } from './version.js';

/**
 * Which command a command line runs. A command word wins over a file of that name
 * (`./show` lints a file called show). A first word close to a command (`lnt`) that is not
 * an existing file is taken as a typo: a usage error with a suggestion, not a missing file.
 * An existing file of that name is linted, as the user asked.
 */
function pickCommand(argv: readonly string[], io: CommandIO): { entry: CommandEntry; rest: readonly string[] } {
  const first = argv[0];
  const named = first === undefined ? undefined : findCommand(first);
  if (named) return { entry: named, rest: argv.slice(1) };
  if (first !== undefined && !first.startsWith('-')) {
    const near = closest(first, COMMAND_NAMES);
    if (near && !existsSync(resolve(io.cwd, first))) {
      throw new UsageError(
        `policylint: unknown command "${first}"; did you mean \`policylint ${near}\`? (no file "${first}" exists either; to lint a file by that name, write ./${first})`,
      );
    }
  }
  return { entry: findCommand('lint')!, rest: argv };
}

async function dispatch(argv: readonly string[], io: CommandIO): Promise<number> {
  const first = argv[0];
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(generalHelp());
    return 0;
  }
  const { entry, rest } = pickCommand(argv, io);
  const { command } = await entry.load();
  const args = parseCommandLine(command.spec, rest);
  if (args.help) {
    io.stdout(commandHelp(command.spec));
    return 0;
  }
  return command.run(args, io);
}

export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  // Every stderr line may quote a file's name, content or config keys: escaped in one place.
  // io itself stays the prototype: a spread would read its lazy isTTY (see run.ts) at once.
  const safeIO: CommandIO = Object.create(io, { stderr: { value: (text: string) => io.stderr(terminalLines(text)), enumerable: true } });
  try {
    return await dispatch(argv, safeIO);
  } catch (error) {
    if (error instanceof UsageError) {
      safeIO.stderr(error.message.replace(/\n+$/, '') + '\n');
      return error.exitCode;
    }
    safeIO.stderr(`policylint: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    safeIO.stderr('(this is a bug; please report it with the input that caused it)\n');
    if (io.env.POLICYLINT_DEBUG) io.stderr(String((error as Error)?.stack) + '\n'); // asked for: several lines
    return 2;
  }
}
