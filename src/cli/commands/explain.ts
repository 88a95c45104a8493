// `policylint explain`: which address a resolver tries first, from which source, and
// which RFC 6724 rule decided each step. `--scenarios` tabulates common hosts.
import { modelOf } from '../../model/policy-meaning.js';
import { printDiagnostics, readPolicyInput } from '../policy-input.js';
import type { DiagnosedPolicy } from '../../rules/render-finding.js';
import { limitsFrom, LIMIT_OPTIONS } from '../input.js';
import type { EffectiveTable } from '../../model/effective-table.js';
import {
  AddressInputError,
  formatScenarios,
  formatSimulation,
  isSimPlatform,
  parseHostAddress,
  runScenarios,
  simulate,
  simulationJson,
  SIM_PLATFORMS,
  type SimPlatform,
} from '../../simulate/index.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import { checkExplainValues } from '../explain-options.js';
import { formatImpactView, impactView, impactViewJson } from '../impact-view.js';
import { PLATFORMS, type Platform } from '../../model/builtin-tables.js';
import { hostPlatform, readHostFile, simulateHostFile } from './explain-host.js';

/** The version of explain's JSON shape (schema/explain.schema.json). */
const EXPLAIN_JSON_VERSION = 1;

interface LoadedPolicy {
  readonly table: EffectiveTable;
  readonly label: string;
  readonly dialect: 'gai' | 'ip6addrctl';
  readonly read: DiagnosedPolicy;
}

/** --policy through the one input path: the same limits, detection and reader diagnostics as lint. */
async function loadPolicy(argv: Record<string, unknown>, io: CommandIO, platform: SimPlatform | undefined): Promise<LoadedPolicy | undefined> {
  const file = argv.policy;
  if (file === undefined) return undefined;
  if (typeof file !== 'string' || file === '') throw new UsageError('explain: --policy needs a file name');
  const explicit = argv.dialect === 'gai' || argv.dialect === 'ip6addrctl' ? argv.dialect : undefined;
  const glibcVersion = typeof argv['glibc-version'] === 'string' ? argv['glibc-version'] : undefined;
  const read = await readPolicyInput(file, io, {
    limits: limitsFrom(argv),
    command: 'explain',
    ...(explicit ? { from: explicit } : {}),
    ...(glibcVersion ? { glibcVersion } : {}),
    // Only the two policy-file dialects are simulated; an unrecognised file follows the platform.
    choose: (detected) => (detected === 'gai' || detected === 'ip6addrctl' ? detected : platform === 'glibc' ? 'gai' : 'ip6addrctl'),
  });
  const dialect = read.dialect === 'gai' ? 'gai' : 'ip6addrctl';
  return { dialect, read, table: modelOf(read.policy, read.semantics).table, label: `policy ${file} (${dialect === 'gai' ? 'gai.conf' : 'ip6addrctl.conf'})` };
}

function baselineOption(value: unknown): Platform | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(PLATFORMS as readonly string[]).includes(value))
    throw new UsageError(`explain: --baseline must be one of ${PLATFORMS.join(', ')}`);
  return value as Platform;
}

function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function platformOption(value: unknown): SimPlatform | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isSimPlatform(value)) {
    throw new UsageError(`explain: unknown platform ${JSON.stringify(value)} (one of ${SIM_PLATFORMS.join(', ')})`);
  }
  return value;
}

function hostAddresses(argv: Record<string, unknown>) {
  try {
    return [...stringList(argv.source).map((s) => parseHostAddress(s)), ...stringList(argv.deprecated).map((s) => parseHostAddress(s, true))];
  } catch (e) {
    if (e instanceof AddressInputError) throw new UsageError(`explain: bad --source/--deprecated address ${e.message}`);
    throw e;
  }
}

async function run(argv: Record<string, unknown>, io: CommandIO): Promise<number> {
  checkExplainValues(argv);
  const explicitPlatform = platformOption(argv.platform);
  const policy = await loadPolicy(argv, io, explicitPlatform);
  const platform: SimPlatform = explicitPlatform ?? (policy?.dialect === 'ip6addrctl' ? 'freebsd' : 'glibc');
  const json = argv.format === 'json';
  // The reader's findings about the simulated policy, as lint would print them: what the real parser skipped or refused.
  if (policy && typeof argv.policy === 'string') printDiagnostics(argv.policy, policy.read, io, ['error', 'warning']);

  if (argv.scenarios) {
    const report = runScenarios({ platform, ...(policy ? { table: policy.table } : {}) });
    if (json) {
      const rows = report.rows.map((r) => ({
        host: r.host,
        cells: r.cells.map((c) => ({
          destinations: c.destinations,
          ...simulationJson(c.withPolicy),
          differsFromDefault: c.differs,
          defaultOrder: c.withDefault.order,
        })),
      }));
      const impact = policy ? impactViewJson(impactView(policy.read.policy, baselineOption(argv.baseline))) : undefined;
      io.stdout(JSON.stringify({ version: EXPLAIN_JSON_VERSION, platform, policy: policy !== undefined, rows, ...(impact ? { impact } : {}) }, null, 2) + '\n');
    } else io.stdout(formatScenarios(report) + (policy ? formatImpactView(impactView(policy.read.policy, baselineOption(argv.baseline))) : ''));
    return 0;
  }

  const destinations = stringList(argv.dest);
  if (destinations.length === 0) throw new UsageError('explain: give at least one destination address (or --scenarios)');
  const sim =
    typeof argv.host === 'string'
      ? await runHost(argv, io, argv.host, explicitPlatform, policy, destinations)
      : runShorthand(argv, platform, policy, destinations);
  io.stdout(
    json ? JSON.stringify({ version: EXPLAIN_JSON_VERSION, ...simulationJson(sim.simulation) }, null, 2) + '\n' : formatSimulation(sim.simulation, sim.label),
  );
  return 0;
}

function badDestination<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof AddressInputError) throw new UsageError(`explain: bad destination ${e.message}`);
    throw e;
  }
}

/** --source/--deprecated: one interface holding every address, a default route per family. */
function runShorthand(argv: Record<string, unknown>, platform: SimPlatform, policy: LoadedPolicy | undefined, destinations: string[]) {
  const sources = hostAddresses(argv);
  const simulation = badDestination(() => simulate({ platform, sources, destinations, ...(policy ? { table: policy.table } : {}) }));
  if (sources.length === 0) simulation.notes.push('no --source given: every destination is unusable (rule 1), so only rules 6 and 8 sort');
  return { simulation, label: policy?.label ?? 'built-in default table' };
}

/** --host HOST.json: the whole host; --policy replaces the table of its own dialect only. */
async function runHost(
  argv: Record<string, unknown>,
  io: CommandIO,
  file: string,
  explicitPlatform: SimPlatform | undefined,
  policy: LoadedPolicy | undefined,
  destinations: string[],
) {
  if (argv.source !== undefined || argv.deprecated !== undefined) {
    throw new UsageError('explain: --host describes the whole host: give its addresses there, not also with --source/--deprecated');
  }
  const host = await readHostFile(file, io, limitsFrom(argv));
  const platform = explicitPlatform ?? hostPlatform(host) ?? (policy?.dialect === 'ip6addrctl' ? 'freebsd' : 'glibc');
  const simulation = badDestination(() => simulateHostFile(file, host, { platform, destinations, ...(policy ? { policy: policy.table } : {}) }));
  return { simulation, label: `host ${file}${policy ? `, ${policy.label}` : ''}` };
}

export const command: CommandModule = {
  spec: {
    name: 'explain',
    summary: 'Simulate RFC 6724 address selection: the order a resolver returns, each source, and the deciding rules',
    usage: 'explain [--host HOST.json | --source ADDR/PLEN...] [--policy FILE] [options] DEST...',
    positionals: [{ name: 'dest', display: 'DEST', variadic: true, describe: "the name's addresses, in the resolver's original order" }],
    options: [
      {
        name: 'platform',
        type: 'string',
        choices: [...SIM_PLATFORMS],
        valueName: 'PLATFORM',
        describe: "whose behaviour to simulate (default: the policy's dialect, else glibc)",
      },
      { name: 'policy', type: 'string', valueName: 'FILE', describe: 'gai.conf or ip6addrctl.conf to use instead of the default table (- for stdin)' },
      {
        name: 'host',
        type: 'string',
        valueName: 'HOST.json',
        describe: 'the whole host: interfaces, addresses with flags, routes, kernel tables, gai.conf (docs/explain.md; - for stdin)',
      },
      {
        name: 'dialect',
        type: 'string',
        choices: ['gai', 'ip6addrctl'],
        valueName: 'DIALECT',
        describe: 'dialect of --policy (default: from its name or content)',
      },
      {
        name: 'glibc-version',
        type: 'string',
        valueName: 'VERSION',
        complete: 'none',
        describe: 'glibc version whose gai.conf parser to follow (default 2.41)',
      },
      // One value per flag (repeat the flag), so the destinations after it stay destinations.
      { name: 'source', type: 'string', multiple: true, valueName: 'ADDR/PLEN', complete: 'none', describe: 'a host address, in the order they were added' },
      { name: 'deprecated', type: 'string', multiple: true, valueName: 'ADDR/PLEN', complete: 'none', describe: 'a deprecated host address' },
      {
        name: 'scenarios',
        type: 'boolean',
        describe:
          'tabulate common hosts and destination sets instead; with --policy, also every scenario the policy changes against the baseline (the impact view)',
      },
      {
        name: 'baseline',
        type: 'string',
        choices: [...PLATFORMS],
        valueName: 'PLATFORM',
        describe: "with --scenarios --policy: the built-in table to compare with (default: the policy's own system's)",
      },
      { name: 'format', type: 'string', choices: ['text', 'json'], default: 'text', valueName: 'FORMAT', describe: 'output format' },
      ...LIMIT_OPTIONS,
    ],
    examples: [
      ['policylint explain --source fd00::10/64 --source 192.0.2.10/24 2001:db8::1 198.51.100.7', 'Why a ULA host tries IPv4 first (rule 5, label mismatch)'],
      ['policylint explain --policy /etc/gai.conf --source fd00::10/64 2001:db8::1', 'The same with your own table'],
      ['policylint explain --host host.json --platform freebsd 2001:db8::1 fe80::1%em0 198.51.100.7', 'A whole host: its interfaces, routes and tables'],
      ['policylint explain --scenarios --policy ip6addrctl.conf', 'Common hosts and destinations, with your table and without'],
    ],
  },
  run,
};
