// `policylint convert FILE --to DIALECT`: translate a policy and prove the translation
// means the same (exact check over all addresses and every table); refuse to write one
// that does not. What the target dialect cannot express (a gai.conf scopev4 table that
// changes IPv4 scopes) is said range by range, and written only with --force.
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { checkTranslation, onlyInexpressible, planTranslation, writeTranslation, type TranslationPlan } from '../../convert/convert.js';
import { DIALECT_TEXT } from '../../convert/inexpressible.js';
import { CONVERT_DIALECTS, type ConvertDialect } from '../../dialects/registry.js';
import { formatRegion, formatScopeRegion } from '../../convert/format-differences.js';
import { dialectOption, printDiagnostics, readPolicyInput } from '../policy-input.js';
import { readSnapshot, reportWrite, WriteRefused, writeFileSafely } from '../safe-write.js';
import { ioReason, limitsFrom, LIMIT_OPTIONS, type InputFile, type InputLimits } from '../input.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import { collectGarbage, LARGE_INPUT } from '../collect-garbage.js';

export const command: CommandModule = {
  spec: {
    name: 'convert',
    summary: 'Convert a policy to another dialect, checked to mean exactly the same',
    positionals: [{ name: 'file', display: 'FILE', describe: 'Policy file; - reads standard input', required: true }],
    options: [
      { name: 'to', type: 'string', choices: CONVERT_DIALECTS, required: true, valueName: 'DIALECT', describe: 'Dialect to write' },
      { name: 'from', type: 'string', choices: CONVERT_DIALECTS, valueName: 'DIALECT', describe: 'Dialect of FILE (default: from its name, else its content)' },
      { name: 'output', alias: 'o', type: 'string', valueName: 'FILE', describe: 'Write here (atomically) instead of standard output' },
      { name: 'in-place', type: 'boolean', default: false, describe: 'Allow writing over FILE (without -o: write to FILE)' },
      {
        name: 'force',
        type: 'boolean',
        default: false,
        describe: 'Convert even when FILE has errors (what the real system would use), or when the target cannot express part of it (scopev4)',
      },
      ...LIMIT_OPTIONS,
    ],
    examples: [
      ['policylint convert /etc/gai.conf --to ip6addrctl', 'Print the FreeBSD form of a glibc table, checked to mean the same'],
      ['policylint convert ip6addrctl.conf --to json -o policy.json', 'Write the JSON form to a file (atomically)'],
      ['policylint convert gai.conf --to gai --in-place', 'Rewrite a file in canonical layout'],
    ],
  },
  run: (argv, io) => runConvert(argv, io),
};

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

async function runConvert(argv: Record<string, unknown>, io: CommandIO): Promise<number> {
  const file = argv.file;
  if (typeof file !== 'string' || file === '') throw new UsageError('policylint convert: missing FILE');
  const to = dialectOption(argv.to, 'to');
  if (!to) throw new UsageError('policylint convert: --to is required');
  const from = dialectOption(argv.from, 'from');
  const force = argv.force === true;
  const inPlace = argv.inPlace === true || argv['in-place'] === true;
  const output = typeof argv.output === 'string' ? argv.output : inPlace ? file : undefined;
  if (output !== undefined && file === '-' && inPlace && argv.output === undefined)
    throw new UsageError('policylint convert: --in-place needs a FILE, not standard input');
  if (output === '') throw new UsageError('policylint convert: -o needs a file name, not an empty string (leave out -o to print to standard output)');

  const translated = await readAndTranslate(file, { to, from, force, limits: limitsFrom(argv) }, io);
  if (typeof translated === 'number') return translated;
  // The source policy is gone by now: the output is written, and read back beside the source's meaning only.
  const { input } = translated;
  const result = checkTranslation(writeTranslation(translated.plan));
  for (const w of result.warnings) io.stderr(`policylint: warning: ${file}: ${w}\n`);
  if (result.unreadable) {
    io.stderr(`policylint: ${file}: the ${to} translation would not read back cleanly (${result.unreadable}); nothing written\n`);
    return 1;
  }
  if (onlyInexpressible(result)) {
    // The target cannot say it: a plain statement per range, and written only on request.
    for (const line of result.lost) io.stderr(`policylint: ${force ? 'warning: ' : ''}${file}: ${line}\n`);
    if (!force) {
      io.stderr(
        `policylint: ${file}: not converted: ${DIALECT_TEXT[to]} has no scopev4, so the IPv4 scopes above would change; nothing written. Remove the scopev4 lines, or use --force to convert without them.\n`,
      );
      return 1;
    }
  } else if (!result.check.equivalent) {
    io.stderr(`policylint: ${file}: the ${to} translation does not mean the same; nothing written. Differing address ranges:\n`);
    for (const region of result.check.regions) io.stderr(`  ${formatRegion(region)}\n`);
    for (const region of result.check.scopeRegions) io.stderr(`  ${formatScopeRegion(region)}\n`);
    return 1;
  }
  if (output === undefined) {
    // As bytes when the process takes them: a gai.conf output is made as bytes (issue 13).
    if (io.stdoutBytes) io.stdoutBytes(result.written.bytes);
    else io.stdout(result.output);
    return 0;
  }
  const outPath = resolve(io.cwd, output);
  const rewritesInput = file !== '-' && (await sameFile(resolve(io.cwd, file), outPath));
  if (rewritesInput && !inPlace) {
    throw new UsageError(`policylint convert: ${output} is the input file; add --in-place to overwrite it`);
  }
  try {
    const outcome = await writeFileSafely(outPath, result.written.bytes, rewritesInput ? { replacing: readSnapshot(input) } : {});
    reportWrite(output, outcome, io);
  } catch (e) {
    throw new UsageError(notWritten(output, rewritesInput, e));
  }
  return 0;
}

/** Read FILE and plan its translation (or say why not, with the exit code); only the plan and the input file are kept. */
async function readAndTranslate(
  file: string,
  { to, from, force, limits }: { to: ConvertDialect; from: ConvertDialect | undefined; force: boolean; limits: InputLimits },
  io: CommandIO,
): Promise<number | { plan: TranslationPlan; input: InputFile }> {
  const source = await readPolicyInput(file, io, { ...(from ? { from } : {}), limits, command: 'convert' });
  const errors = source.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0 || !source.policy.installable) {
    printDiagnostics(file, source, io);
    if (!force) {
      io.stderr(`policylint: ${file}: not converted: ${errors} error(s). --force converts what the real system would use.\n`);
      return 1;
    }
    io.stderr(
      source.semantics === 'glibc'
        ? `policylint: warning: ${file}: --force: glibc ignores the lines with errors; only the valid lines are converted\n`
        : source.dialect === 'ip6addrctl' && !source.policy.installable
          ? `policylint: warning: ${file}: --force: ip6addrctl install aborts on this file and installs nothing; the result is an empty table\n`
          : `policylint: warning: ${file}: --force: the lines with errors are left out\n`,
    );
  }
  // A large source's model is collected once its meaning is taken: see collect-garbage.ts.
  return { plan: planTranslation(source, to, source.input.size >= LARGE_INPUT ? { dropped: collectGarbage } : {}), input: source.input };
}

function notWritten(output: string, rewritesInput: boolean, error: unknown): string {
  if (!(error instanceof WriteRefused)) return `policylint: ${output}: cannot write: ${ioReason(error)}; nothing was written`;
  switch (error.kind) {
    case 'changed':
      return rewritesInput
        ? `policylint: ${output}: changed since policylint read it; nothing was written (run convert again)`
        : `policylint: ${output}: changed while policylint was writing it (${error.reason}); nothing was written (run convert again)`;
    case 'not-a-file':
      return `policylint: ${output}: ${error.reason}; convert -o writes only regular files (leave out -o to print to standard output), so nothing was written`;
    default:
      return `policylint: ${output}: cannot write: ${error.reason}; nothing was written`;
  }
}
