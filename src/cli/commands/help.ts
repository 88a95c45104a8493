// `policylint help [COMMAND]`: the same text as `policylint COMMAND --help`.
import { COMMAND_NAMES, findCommand } from '../command-index.js';
import { UsageError, type CommandModule } from '../command.js';
import { generalHelp } from '../general-help.js';
import { commandHelp } from '../option-table.js';
import { didYouMean } from '../suggest.js';

export const command: CommandModule = {
  spec: {
    name: 'help',
    summary: 'Show the help of policylint or of one command',
    positionals: [{ name: 'command', display: 'COMMAND', describe: 'The command to explain', choices: COMMAND_NAMES }],
    options: [],
    examples: [
      ['policylint help', 'The command list'],
      ['policylint help lint', "lint's options and examples (the same as policylint lint --help)"],
    ],
  },
  run: async (argv, io) => {
    const name = argv.command;
    if (typeof name !== 'string') {
      io.stdout(generalHelp());
      return 0;
    }
    const entry = findCommand(name);
    // parseCommandLine already checked the word against the list; this guards direct calls.
    if (!entry) throw new UsageError(`policylint help: no command "${name}"${didYouMean(name, COMMAND_NAMES)}`);
    io.stdout(commandHelp((await entry.load()).command.spec));
    return 0;
  },
};
