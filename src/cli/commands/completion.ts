// `policylint completion bash|zsh|fish`: a completion script from every command's table.
import { loadAllSpecs } from '../command-index.js';
import type { CommandModule } from '../command.js';
import { completionScript, SHELLS, type Shell } from '../completion-scripts.js';

export const command: CommandModule = {
  spec: {
    name: 'completion',
    summary: 'Print a shell completion script',
    positionals: [{ name: 'shell', display: 'SHELL', describe: 'bash, zsh or fish', required: true, choices: SHELLS }],
    options: [],
    examples: [
      ['eval "$(policylint completion bash)"', 'Complete commands, options and their values in this bash (put it in ~/.bashrc)'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh expansion the user types, not a template.
      ['policylint completion zsh > "${fpath[1]}/_policylint"', 'Install for zsh'],
      ['policylint completion fish > ~/.config/fish/completions/policylint.fish', 'Install for fish'],
    ],
  },
  run: async (argv, io) => {
    io.stdout(completionScript(argv.shell as Shell, await loadAllSpecs()));
    return 0;
  },
};
