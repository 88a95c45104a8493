// `policylint doctor [NAME|ADDRESS...]`: reads this machine (never needs root, changes
// nothing), predicts each name's order and sources, asks the real resolver, and says whether
// they agree, why, which programs the policy governs, and the smallest proven fix for this
// host's own prefixes (src/host/diagnose.ts). --dump-host writes the host file for
// `explain --host` and bug reports.
import { resolve } from 'node:path';
import type { HostFile } from '../../model/host-file.js';
import { diagnose, type DoctorReport } from '../../host/diagnose.js';
import { HostReadError, readThisHost } from '../../host/read-host.js';
import { NameError, resolveNames } from '../../host/resolve-names.js';
import { UsageError, type CommandIO, type CommandModule } from '../command.js';
import { writeOutputFile } from '../safe-write.js';

/** The version of doctor's JSON shape. */
const DOCTOR_JSON_VERSION = 1;

export const command: CommandModule = {
  spec: {
    name: 'doctor',
    summary: 'Read this machine, predict the address order for names, compare with the real resolver, and propose a proven fix',
    usage: 'doctor [options] [NAME|ADDRESS...]',
    description:
      "Linux: ip -j addr/route/addrlabel and /etc/gai.conf; FreeBSD: ifconfig, netstat -rn, ip6addrctl show and rc.conf's ip6addrctl settings. Reading needs no root and changes nothing. A name's original order comes from /etc/hosts, else the DNS answers (AAAA before A); the real order from getaddrinfo (Node's dns.lookup, order verbatim). Addresses given literally form one destination set, which is predicted but not observed (getaddrinfo sorts only a name's answers). Exit 0 when every prediction agrees and nothing needs fixing, 1 otherwise, 2 for usage or a machine that cannot be read.",
    positionals: [{ name: 'names', display: 'NAME|ADDRESS', variadic: true, describe: "names to resolve, or addresses in the resolver's order" }],
    options: [
      { name: 'format', type: 'string', choices: ['text', 'json'], default: 'text', valueName: 'FORMAT', describe: 'output format' },
      {
        name: 'dump-host',
        type: 'string',
        valueName: 'FILE',
        describe: 'also write the host file read from this machine (for explain --host and bug reports)',
      },
    ],
    examples: [
      ['policylint doctor www.example.com', 'Why this machine tries IPv4 or IPv6 first for a name, and what would fix it'],
      ['policylint doctor --dump-host host.json intranet.example', 'The same, and the host file to attach to a bug report'],
      ['policylint doctor --format json 2001:db8:1::20 192.0.2.20', 'Predict the order of two addresses (JSON)'],
    ],
  },
  run: (argv, io) => runDoctor(argv, io),
};

async function runDoctor(argv: Record<string, unknown>, io: CommandIO): Promise<number> {
  const words = (argv.names as string[] | undefined) ?? [];
  if (words.length === 0) throw new UsageError('policylint doctor: name at least one NAME or ADDRESS to check (see policylint help doctor)');
  let read;
  let names;
  try {
    read = await readThisHost();
    names = await resolveNames(words);
  } catch (e) {
    if (e instanceof HostReadError || e instanceof NameError) throw new UsageError(`policylint doctor: ${e.message}`);
    throw e;
  }
  if (typeof argv['dump-host'] === 'string') await dumpHost(argv['dump-host'], read.host, io);
  const report = diagnose({ host: read.host, platform: read.platform, policyFile: read.policyFile, names, ...(read.boot ? { boot: read.boot } : {}) });
  io.stdout(argv.format === 'json' ? `${JSON.stringify(reportJson(report), null, 2)}\n` : formatReport(report, read.platform));
  const clean = report.results.every((r) => r.agrees !== false) && report.fix === null && !report.findings.some((f) => f.severity === 'warning');
  return clean ? 0 : 1;
}

async function dumpHost(file: string, host: HostFile, io: CommandIO): Promise<void> {
  await writeOutputFile(file, resolve(io.cwd, file), `${JSON.stringify(host, null, 2)}\n`, io);
}

function reportJson(report: DoctorReport) {
  return {
    version: DOCTOR_JSON_VERSION,
    host: report.host,
    policyFile: report.policyFile,
    results: report.results.map((r) => ({
      name: r.name,
      addresses: r.addresses,
      predicted: r.predicted,
      observed: r.observed,
      agrees: r.agrees,
      why: r.why,
    })),
    findings: report.findings,
    fix: report.fix ? { dialect: report.fix.dialect, text: report.fix.text, command: report.fix.command } : null,
  };
}

function formatReport(report: DoctorReport, platform: string): string {
  const out: string[] = [];
  const empty = report.policyFile && platform !== 'freebsd' && report.host.gaiConf?.trim() === '' ? " (empty: glibc's built-in table)" : '';
  const policy = report.policyFile
    ? `${report.policyFile}${empty}`
    : platform === 'freebsd'
      ? "the kernel's table (no /etc/ip6addrctl.conf installed)"
      : "glibc's built-in table (no /etc/gai.conf)";
  out.push(`Host (${platform}), policy: ${policy}`);
  for (const i of report.host.interfaces) {
    if (i.addresses.length === 0) continue;
    out.push(
      `  ${i.name}${i.up === false ? ' (down)' : ''}: ${i.addresses.map((a) => a.address + (a.flags?.length ? ` [${a.flags.join(',')}]` : '')).join(', ')}`,
    );
  }
  const routes = report.host.routes.filter((r) => !r.to.startsWith('fe80:') && !r.to.startsWith('ff'));
  if (routes.length > 0) out.push(`  routes: ${routes.map((r) => `${r.to} ${r.dev ? `dev ${r.dev}` : 'reject'}${r.via ? ` via ${r.via}` : ''}`).join('; ')}`);
  for (const r of report.results) {
    out.push('', `${r.name}: ${r.addresses.join(', ')}`);
    out.push(`  predicted: ${r.predicted.order.map((d) => `${d} (from ${r.predicted.sources[d] ?? 'no usable source'})`).join(', ')}`);
    if (r.observed) out.push(`  observed:  ${r.observed.order.join(', ')} (getaddrinfo): ${r.agrees ? 'agrees' : 'DIFFERS'}`);
    for (const w of r.why) out.push(`  why: ${w}`);
  }
  out.push('', 'Findings:');
  for (const f of report.findings) out.push(`  ${f.severity}: ${f.message}`);
  if (report.fix) {
    out.push('', `Fix (${report.fix.dialect === 'gai' ? '/etc/gai.conf' : '/etc/ip6addrctl.conf'}; ${report.fix.command}):`, '', report.fix.text.trimEnd());
  }
  return `${out.join('\n')}\n`;
}
