// `policylint generate --ula P --gua P --to gai|ip6addrctl`: the smallest complete table that
// lets a site's ULA and global prefixes reach each other over IPv6, every other row the
// system's default, proven by re-simulation (src/convert/generate-policy.ts). What the
// table costs elsewhere is said on stderr and in the file's comments.
import { resolve } from 'node:path';
import { GenerateError, generatePolicy, type GenerateDialect, type Preference } from '../../convert/generate-policy.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import { writeOutputFile } from '../safe-write.js';

const list = (value: unknown): string[] => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String));

export const command: CommandModule = {
  spec: {
    name: 'generate',
    summary: "Write the smallest complete policy that lets a site's ULA and global prefixes reach each other over IPv6",
    usage: 'generate --ula PREFIX [--ula PREFIX]... --gua PREFIX [--gua PREFIX]... --to DIALECT [options]',
    description:
      "The site prefixes share label 14 (RFC 6724 rule 5 then matches between them) and get precedence 45, above ::/0's 40 (rule 6); every other row is the system's default, written again so the file is complete. The table is re-simulated on hosts and names numbered in the site's own prefixes before it is written: the site's ULA hosts must then reach its global services over IPv6, no ULA source may be used towards the internet, and any other scenario that gets worse is printed as a cost.",
    positionals: [],
    options: [
      { name: 'ula', type: 'string', multiple: true, valueName: 'PREFIX', complete: 'none', describe: 'a site ULA prefix, e.g. fd12:3456:789a::/48' },
      {
        name: 'gua',
        type: 'string',
        multiple: true,
        valueName: 'PREFIX',
        complete: 'none',
        describe: 'a site global prefix the ULA hosts must reach, e.g. 2001:db8:1::/48',
      },
      {
        name: 'prefer',
        type: 'string',
        choices: ['ipv6', 'ipv4'],
        default: 'ipv6',
        valueName: 'FAMILY',
        describe: 'which family every other destination prefers (ipv4: precedence 100 for ::ffff:0:0/96, the site still above it)',
      },
      {
        name: 'to',
        type: 'string',
        choices: ['gai', 'ip6addrctl'],
        required: true,
        valueName: 'DIALECT',
        describe: 'gai (glibc /etc/gai.conf) or ip6addrctl (FreeBSD /etc/ip6addrctl.conf)',
      },
      { name: 'output', alias: 'o', type: 'string', valueName: 'FILE', describe: 'Write here (atomically) instead of standard output' },
    ],
    examples: [
      ['policylint generate --ula fd00:1::/48 --gua 2001:db8:1::/48 --to gai', 'A gai.conf that lets the ULA hosts reach the site over IPv6'],
      ['policylint generate --ula fd00:1::/48 --gua 2001:db8:1::/48 --to ip6addrctl -o /etc/ip6addrctl.conf', 'The FreeBSD table, written atomically'],
    ],
  },
  run: (argv, io) => runGenerate(argv, io),
};

async function runGenerate(argv: Record<string, unknown>, io: CommandIO): Promise<number> {
  const to = argv.to as GenerateDialect;
  const prefer = (argv.prefer ?? 'ipv6') as Preference;
  let generated;
  try {
    generated = generatePolicy({ ula: list(argv.ula), gua: list(argv.gua), prefer, to });
  } catch (e) {
    if (e instanceof GenerateError) throw new UsageError(`policylint generate: ${e.message} (see policylint help generate)`);
    throw e;
  }
  for (const cost of generated.proof.costs) {
    io.stderr(`policylint generate: warning: ${cost}; give --gua only the subnets that hold services if hosts are numbered in the rest\n`);
  }
  if (typeof argv.output !== 'string') {
    io.stdout(generated.text);
    return 0;
  }
  await writeOutputFile(argv.output, resolve(io.cwd, argv.output), generated.text, io);
  return 0;
}
