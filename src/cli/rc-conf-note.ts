// lint's rc.conf awareness: FreeBSD installs /etc/ip6addrctl.conf at boot only when rc.conf
// lets it (src/dialects/rc-ip6addrctl.ts). The rc.conf is --rc-conf FILE, else etc/rc.conf of
// the same config repository (findRcConf).
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { readRcConf } from '../dialects/rc-conf.js';
import { ip6addrctlAtBoot } from '../dialects/rc-ip6addrctl.js';
import type { CommandIO } from './command.js';
import { readInput, type InputLimits } from './input.js';

/**
 * The rc.conf that governs a linted ip6addrctl.conf, or null: its sibling when the file sits in
 * a folder called etc (/etc/ip6addrctl.conf on the machine itself), else the nearest
 * etc/rc.conf below the config repository's root (the folder holding .git or
 * .policylint.json); outside a repository, none, so a file in a home folder never picks up the
 * machine's own /etc/rc.conf.
 */
export function findRcConf(file: string, cwd: string): string | null {
  const start = dirname(resolve(cwd, file));
  if (basename(start) === 'etc' && existsSync(join(start, 'rc.conf'))) return join(start, 'rc.conf');
  let nearest: string | null = null;
  for (let dir = start, depth = 0; depth < 16; depth++) {
    const candidate = join(dir, 'etc', 'rc.conf');
    if (nearest === null && existsSync(candidate)) nearest = candidate;
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, '.policylint.json'))) return nearest;
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
