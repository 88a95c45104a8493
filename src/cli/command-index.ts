// The command words: what `policylint WORD` runs, in the order help lists them. Each
// command's module (and so its dependencies) loads only when that command runs; lint is
// loaded with the entry, because it is the hot path and a dynamic import costs a turn.
import type { CommandModule } from './command.js';
import type { CommandSpec } from './option-table.js';
import * as lintModule from './commands/lint.js';

export interface CommandEntry {
  readonly name: string;
  /** The command's spec.summary, here too so the command list loads no command module. */
  readonly summary: string;
  /** How the command list shows it. */
  readonly synopsis: string;
  readonly load: () => Promise<{ readonly command: CommandModule }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'lint', synopsis: '[lint] [FILE|DIR|GLOB...]', summary: lintModule.LINT_SPEC.summary, load: async () => lintModule },
  {
    name: 'explain',
    synopsis: 'explain [options] DEST...',
    summary: 'Simulate RFC 6724 address selection: the order a resolver returns, each source, and the deciding rules',
    load: () => import('./commands/explain.js'),
  },
  {
    name: 'convert',
    synopsis: 'convert FILE --to DIALECT',
    summary: 'Convert a policy to another dialect, checked to mean exactly the same',
    load: () => import('./commands/convert.js'),
  },
  {
    name: 'doctor',
    synopsis: 'doctor [NAME|ADDRESS...]',
    summary: 'Read this machine, predict the address order for names, compare with the real resolver, and propose a proven fix',
    load: () => import('./commands/doctor.js'),
  },
  {
    name: 'generate',
    synopsis: 'generate --ula P --gua P --to D',
    summary: "Write the smallest complete policy that lets a site's ULA and global prefixes reach each other over IPv6",
    load: () => import('./commands/generate.js'),
  },
  { name: 'diff', synopsis: 'diff A B', summary: 'Show the address ranges where two policies differ', load: () => import('./commands/diff.js') },
  { name: 'defaults', synopsis: 'defaults --platform P', summary: "Print a system's built-in policy table", load: () => import('./commands/defaults.js') },
  {
    name: 'show',
    synopsis: 'show FILE...',
    summary: 'Print the table the system will really use for each file (ip6addrctl show layout)',
    load: () => import('./commands/show.js'),
  },
  { name: 'rules', synopsis: 'rules', summary: 'List the rule catalog', load: () => import('./commands/rules.js') },
  { name: 'help', synopsis: 'help [COMMAND]', summary: 'Show the help of policylint or of one command', load: () => import('./commands/help.js') },
  { name: 'completion', synopsis: 'completion bash|zsh|fish', summary: 'Print a shell completion script', load: () => import('./commands/completion.js') },
];

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

export function findCommand(word: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === word);
}

/** Every command's table, for completion and the man page (loads every command module). */
export async function loadAllSpecs(): Promise<CommandSpec[]> {
  // One at a time: these share chunks, and Jest's ESM loader trips over parallel imports of them.
  const specs: CommandSpec[] = [];
  for (const c of COMMANDS) specs.push((await c.load()).command.spec);
  return specs;
}
