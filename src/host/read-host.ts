// Reads the live machine into a host file: runs the same read-only commands an admin would
// (no root needed, nothing changed) and reads the policy files. Linux: `ip -j addr`,
// `ip -j -6 route`, `ip -j -4 route`, `ip -j addrlabel`, /etc/gai.conf. FreeBSD: `ifconfig`,
// `netstat -rn`, `ip6addrctl show`, /etc/ip6addrctl.conf and rc.conf's settings.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { HostFile } from '../model/host-file.js';
import { readRcConf } from '../dialects/rc-conf.js';
import { ip6addrctlAtBoot, type Ip6addrctlBoot } from '../dialects/rc-ip6addrctl.js';
import { freebsdHostFile } from './freebsd-commands.js';
import { HostOutputError, linuxHostFile } from './linux-ip.js';

const run = promisify(execFile);

/** The machine could not be read: one line for the user (exit 2). */
export class HostReadError extends Error {}

export interface ReadHost {
  readonly host: HostFile;
  readonly platform: 'glibc' | 'musl' | 'freebsd';
  readonly policyFile: string | null;
  readonly boot?: Ip6addrctlBoot;
}

async function output(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(command, args, { timeout: 10_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } });
    return stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    const why = err.code === 'ENOENT' ? 'not found in PATH' : (err.stderr?.trim().split('\n')[0] ?? err.message);
    throw new HostReadError(`cannot run \`${[command, ...args].join(' ')}\`: ${why}`);
  }
}

async function optionalFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'latin1');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new HostReadError(`cannot read ${path}: ${code ?? (e as Error).message}`);
  }
}

function libc(): 'glibc' | 'musl' {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return header?.glibcVersionRuntime ? 'glibc' : 'musl';
}

async function readLinux(): Promise<ReadHost> {
  const [addr, route6, route4, addrlabel, gaiConf] = await Promise.all([
    output('ip', ['-j', 'addr']),
    output('ip', ['-j', '-6', 'route']),
    output('ip', ['-j', '-4', 'route']),
    output('ip', ['-j', 'addrlabel']),
    optionalFile('/etc/gai.conf'),
  ]);
  const platform = libc();
  const host = linuxHostFile({ addr, route6, route4, addrlabel, ...(gaiConf !== undefined ? { gaiConf } : {}) }, { libc: platform });
  return { host, platform, policyFile: gaiConf !== undefined ? '/etc/gai.conf' : null };
}

async function readFreebsd(): Promise<ReadHost> {
  const [ifconfig, netstat, show] = await Promise.all([output('ifconfig', []), output('netstat', ['-rn']), output('ip6addrctl', ['show'])]);
  const sources = [];
  for (const path of ['/etc/defaults/rc.conf', '/etc/rc.conf', '/etc/rc.conf.local', '/etc/rc.conf.d/ip6addrctl']) {
    const text = await optionalFile(path);
    if (text !== undefined) sources.push({ path, conf: readRcConf(text) });
  }
  const file = await optionalFile('/etc/ip6addrctl.conf');
  const boot = ip6addrctlAtBoot(sources, { readableNonEmpty: file !== undefined && file.length > 0 });
  const host = freebsdHostFile({ ifconfig, netstat, show }, { bootTable: boot.table });
  return { host, platform: 'freebsd', policyFile: boot.table === 'file' ? '/etc/ip6addrctl.conf' : null, boot };
}

export async function readThisHost(): Promise<ReadHost> {
  try {
    if (process.platform === 'linux') return await readLinux();
    if (process.platform === 'freebsd') return await readFreebsd();
  } catch (e) {
    if (e instanceof HostOutputError) throw new HostReadError(e.message);
    throw e;
  }
  throw new HostReadError(`doctor reads Linux and FreeBSD machines; this one is ${process.platform} (explain --host HOST.json simulates any host file)`);
}
