// `policylint diff A B`: where two policies (any dialects) give addresses different
// (precedence, label), or IPv4 addresses a different scope (glibc's scopev4 table, or
// the fixed rule of a system without one), as address ranges. Exit 1 when they differ,
// 0 when equivalent.
import { CONVERT_DIALECTS } from '../../dialects/registry.js';
import { meaningOf } from '../../convert/equivalence.js';
import { writeDifferenceLines } from '../../convert/difference-lines.js';
import { modelOf } from '../../model/policy-meaning.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import { limitsFrom, LIMIT_OPTIONS } from '../input.js';
import { dialectOption, readPolicyInput } from '../policy-input.js';
import { terminalBlock, terminalText } from '../terminal-text.js';
import { stdoutWriter } from '../byte-output.js';

export const command: CommandModule = {
  spec: {
    name: 'diff',
    summary: 'Show the address ranges where two policies differ',
    positionals: [
      { name: 'a', display: 'A', describe: 'Old policy file (- for standard input)', required: true },
      { name: 'b', display: 'B', describe: 'New policy file', required: true },
    ],
    options: [
      { name: 'from-a', type: 'string', choices: CONVERT_DIALECTS, valueName: 'DIALECT', describe: 'Dialect of A' },
      { name: 'from-b', type: 'string', choices: CONVERT_DIALECTS, valueName: 'DIALECT', describe: 'Dialect of B' },
      ...LIMIT_OPTIONS,
    ],
    examples: [
      ['policylint diff /etc/gai.conf new.gai.conf', 'What changes for which addresses (exit 1 when anything does)'],
      ['policylint diff gai.conf ip6addrctl.conf', 'Compare across dialects: a glibc host and a FreeBSD host'],
    ],
  },
  run: (argv, io) => runDiff(argv, io),
};

async function runDiff(argv: Record<string, unknown>, io: CommandIO): Promise<number> {
  const [a, b] = [argv.a, argv.b];
  if (typeof a !== 'string' || typeof b !== 'string') throw new UsageError('policylint diff: needs two files, A and B');
  if (a === '-' && b === '-') throw new UsageError('policylint diff: only one of A and B can be standard input');
  // Each file's meaning only: its policy can go before the other is read (issue 13: 500k rows).
  const readModel = async (file: string, key: string) => {
    const from = dialectOption(argv[key], key);
    const policy = await readPolicyInput(file, io, { ...(from ? { from } : {}), limits: limitsFrom(argv), command: 'diff' });
    const errors = policy.diagnostics.filter((d) => d.severity === 'error').length;
    return { dialect: policy.dialect, errors, model: modelOf(policy.policy, policy.semantics) };
  };
  // The step functions are made once the policy is garbage: a collection then marks the tables only.
  const read = async (file: string, key: string) => {
    const { model, ...rest } = await readModel(file, key);
    return { ...rest, meaning: meaningOf(model) };
  };
  const before = await read(a, 'from-a');
  const after = await read(b, 'from-b');
  for (const [path, read] of [
    [a, before],
    [b, after],
  ] as const) {
    if (read.errors > 0)
      io.stderr(`policylint: warning: ${path}: ${read.errors} error(s); compared as the real system reads it (run \`policylint ${path}\`)\n`);
  }
  const labelsOnly = before.meaning.labelsOnly || after.meaning.labelsOnly;
  if (labelsOnly) io.stderr('policylint: note: a Linux kernel label table has no precedence: only labels are compared\n');
  // Each range is written as it is found, after the header; when none is, the header is dropped unsent.
  const out = stdoutWriter(io);
  out.text(terminalBlock(`--- ${a} (${before.dialect})\n+++ ${b} (${after.dialect})\n`)); // names the user gave: escaped for the terminal
  if (writeDifferenceLines(before.meaning, after.meaning, labelsOnly, out) > 0) {
    out.flush();
    return 1;
  }
  out.discard();
  io.stdout(
    `${terminalText(a)} and ${terminalText(b)} give every address the same ${labelsOnly ? 'label' : 'precedence and label'}, and every IPv4 address the same scope\n`,
  );
  return 0;
}
