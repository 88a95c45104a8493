// `policylint defaults --platform P [--to DIALECT]`: a system's built-in table, ready to
// be a starting point (src/model/builtin-tables.ts has the values and where they come from).
import { convertPolicy } from '../../convert/convert.js';
import { builtinSource } from '../../dialects/builtin-sources.js';
import { CONVERT_DIALECTS, readPolicy } from '../../dialects/registry.js';
import { PLATFORMS, type Platform } from '../../model/builtin-tables.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import { dialectOption } from '../policy-input.js';

export const command: CommandModule = {
  spec: {
    name: 'defaults',
    summary: "Print a system's built-in policy table",
    positionals: [],
    options: [
      { name: 'platform', type: 'string', choices: PLATFORMS, required: true, valueName: 'PLATFORM', describe: 'Whose table' },
      { name: 'to', type: 'string', choices: CONVERT_DIALECTS, valueName: 'DIALECT', describe: "Dialect to print (default: the platform's own)" },
    ],
    examples: [
      ['policylint defaults --platform freebsd', "FreeBSD's built-in table, as an ip6addrctl.conf"],
      ['policylint defaults --platform freebsd --to gai', 'The same table as a gai.conf, a starting point for Linux'],
    ],
  },
  run: (argv, io) => runDefaults(argv, io),
};

async function runDefaults(argv: Record<string, unknown>, io: CommandIO): Promise<number> {
  const platform = argv.platform;
  if (typeof platform !== 'string' || !(PLATFORMS as readonly string[]).includes(platform)) {
    throw new UsageError(`policylint defaults: --platform must be one of ${PLATFORMS.join(', ')}`);
  }
  const natural = builtinSource(platform as Platform);
  const to = dialectOption(argv.to, 'to') ?? natural.dialect;
  if (to === natural.dialect) {
    io.stdout(natural.text);
    return 0;
  }
  const result = convertPolicy(readPolicy(natural.dialect, natural.text), to);
  for (const w of result.warnings) io.stderr(`policylint: warning: ${w}\n`);
  if (!result.check.equivalent) {
    io.stderr(`policylint: the ${to} form of the ${platform} table does not mean the same\n`);
    return 1;
  }
  io.stdout(result.output);
  return 0;
}
