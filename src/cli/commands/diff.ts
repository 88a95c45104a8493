// `policylint diff A B`: where two policies (any dialects) give addresses different
// (precedence, label), as address ranges. Exit 1 when they differ, 0 when equivalent.
import type { Argv } from 'yargs';
import { CONVERT_DIALECTS } from '../../convert/dialects.js';
import { comparePolicies } from '../../convert/equivalence.js';
import { modelOf } from '../../convert/model.js';
import { formatRegion } from '../../convert/report.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import { dialectOption, readInput } from './convert.js';

export const command: CommandModule = {
  command: 'diff <a> <b>',
  describe: 'Show the address ranges where two policies differ',
  builder: (y: Argv) =>
    y
      .positional('a', { type: 'string', describe: 'Old policy file' })
      .positional('b', { type: 'string', describe: 'New policy file' })
      .option('from-a', { choices: CONVERT_DIALECTS, describe: 'Dialect of A' })
      .option('from-b', { choices: CONVERT_DIALECTS, describe: 'Dialect of B' }),
  run: (argv, io) => runDiff(argv, io),
};

async function runDiff(argv: Record<string, unknown>, io: CommandIO): Promise<number> {
  const [a, b] = [argv.a, argv.b];
  if (typeof a !== 'string' || typeof b !== 'string') throw new UsageError('policylint diff: needs two files, A and B');
  if (a === '-' && b === '-') throw new UsageError('policylint diff: only one of A and B can be standard input');
  const before = await readInput(a, dialectOption(argv.fromA ?? argv['from-a'], 'from-a'), io);
  const after = await readInput(b, dialectOption(argv.fromB ?? argv['from-b'], 'from-b'), io);
  for (const [path, read] of [[a, before], [b, after]] as const) {
    const errors = read.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) io.stderr(`policylint: warning: ${path}: ${errors} error(s); compared as the real system reads it (run \`policylint ${path}\`)\n`);
  }
  const result = comparePolicies(modelOf(before.policy, before.semantics), modelOf(after.policy, after.semantics));
  if (result.labelsOnly) io.stderr('policylint: note: a Linux kernel label table has no precedence: only labels are compared\n');
  if (result.equivalent) {
    io.stdout(`${a} and ${b} give every address the same ${result.labelsOnly ? 'label' : 'precedence and label'}\n`);
    return 0;
  }
  io.stdout(`--- ${a} (${before.dialect})\n+++ ${b} (${after.dialect})\n`);
  for (const region of result.regions) io.stdout(`${formatRegion(region, result.labelsOnly)}\n`);
  return 1;
}
