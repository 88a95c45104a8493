// lint's rc.conf awareness: FreeBSD installs /etc/ip6addrctl.conf at boot only when rc.conf
// lets it (src/dialects/rc-ip6addrctl.ts). The rc.conf is --rc-conf FILE, else etc/rc.conf of
// the same config repository: the linted file's folder when it is called etc, else an etc/
// folder of one of its parents, up to the folder holding .git or .policylint.json.
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { readRcConf } from '../dialects/rc-conf.js';
import { ip6addrctlAtBoot } from '../dialects/rc-ip6addrctl.js';
import type { CommandIO } from './command.js';
import { readInput, type InputLimits } from './input.js';

/** The rc.conf that governs a linted ip6addrctl.conf, or null. */
export function findRcConf(file: string, cwd: string): string | null {
  let dir = dirname(resolve(cwd, file));
  for (let depth = 0; depth < 16; depth++) {
    const candidate = basename(dir) === 'etc' ? join(dir, 'rc.conf') : join(dir, 'etc', 'rc.conf');
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, '.policylint.json'))) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}

/** One line when rc.conf keeps FreeBSD from installing the file (or cannot tell); null when it installs it. */
export async function rcConfNote(rcConf: string, policyName: string, policyText: string, io: CommandIO, limits: InputLimits): Promise<string | null> {
  const input = await readInput(rcConf, io, limits);
  const shown = relative(io.cwd, resolve(io.cwd, rcConf)) || rcConf;
  // Byte-faithful text is enough: the settings that matter are ASCII.
  const conf = readRcConf(input.text);
  const boot = ip6addrctlAtBoot([{ path: shown, conf }], { readableNonEmpty: policyText.length > 0 });
  if (boot.table === 'file') return null;
  if (boot.table === 'unknown')
    return `policylint: ${policyName}: warning: cannot tell whether FreeBSD installs this file at boot: ${boot.reason}; make it a plain ip6addrctl_policy="AUTO"`;
  return `policylint: ${policyName}: warning: FreeBSD will not install this file at boot: ${boot.reason}; ${boot.fix} for it to take effect`;
}
