// Which table FreeBSD's rc.d/ip6addrctl installs at boot, from the rc.conf settings
// (libexec/rc/rc.d/ip6addrctl and rc.subr's load_rc_config, read for this; docs/doctor.md):
// - ip6addrctl_enable (default YES, checkyesno): otherwise the script does not run at boot
//   and the kernel keeps its empty table, so getaddrinfo does not sort at all;
// - the obsolete ipv6_prefer, when set and non-empty, is copied over ip6addrctl_policy;
// - ip6addrctl_policy (default AUTO, any case): the file /etc/ip6addrctl.conf when it is
//   readable and non-empty; else ipv6_prefer when ipv6_activate_all_interfaces is yes or some
//   ifconfig_IF_ipv6 is set, else ipv4_prefer. `ipv4_prefer` and `ipv6_prefer` (exact
//   spelling), YES/TRUE/ON/1 (ipv6_prefer), NO/FALSE/OFF/0 (ipv4_prefer) and NONE (flush:
//   an empty table) ignore the file; anything else gets rc.d's warning and ipv4_prefer.
import type { RcAssignment, RcConf } from './rc-conf.js';

export type BootTable = 'file' | 'ipv6_prefer' | 'ipv4_prefer' | 'empty' | 'unknown';

export interface Ip6addrctlBoot {
  readonly table: BootTable;
  /** Why, in words ("ip6addrctl_policy=\"ipv6_prefer\" at rc.conf:3 ..."). */
  readonly reason: string;
  /** What to change in rc.conf for /etc/ip6addrctl.conf to be installed (absent: it is, or nothing can tell). */
  readonly fix?: string;
  /** The setting that decided it, when one did. */
  readonly decidedBy?: RcAssignment & { readonly path: string };
}

export interface RcSource {
  readonly path: string;
  readonly conf: RcConf;
}

const YES = /^(yes|true|on|1)$/i;
const NO = /^(no|false|off|0)$/i;

type Found = (RcAssignment & { readonly path: string }) | undefined;

/** The last assignment of a variable over the files in the order rc.subr sources them. */
function last(sources: readonly RcSource[], name: string): Found {
  let found: Found;
  for (const s of sources) for (const a of s.conf.assignments) if (a.name === name) found = { ...a, path: s.path };
  return found;
}

const at = (a: NonNullable<Found>) => `${a.path}:${a.line}`;
const shown = (a: NonNullable<Found>) => `${a.name}=${a.raw}`;

/**
 * `file`: whether /etc/ip6addrctl.conf is readable and non-empty (rc.d's `-r` and `-s`);
 * undefined: unknown (then an AUTO policy is described for both cases).
 */
export function ip6addrctlAtBoot(sources: readonly RcSource[], file: { readonly readableNonEmpty: boolean } | undefined): Ip6addrctlBoot {
  const unevaluated = (a: NonNullable<Found>): Ip6addrctlBoot => ({
    table: 'unknown',
    reason: `${shown(a)} at ${at(a)} needs a shell expansion that policylint does not evaluate`,
    decidedBy: a,
  });
  const enable = last(sources, 'ip6addrctl_enable');
  if (enable && enable.value === null) return unevaluated(enable);
  if (enable && !YES.test(enable.value!)) {
    return {
      table: 'empty',
      reason: `${shown(enable)} at ${at(enable)}: rc.d/ip6addrctl does not run at boot, so the kernel keeps an empty table and getaddrinfo does not sort`,
      fix: 'set ip6addrctl_enable="YES" (the default)',
      decidedBy: enable,
    };
  }
  const obsolete = last(sources, 'ipv6_prefer');
  if (obsolete && obsolete.value === null) return unevaluated(obsolete);
  const policySetting = obsolete && obsolete.value !== '' ? obsolete : last(sources, 'ip6addrctl_policy');
  if (policySetting && policySetting.value === null) return unevaluated(policySetting);
  const via = policySetting === obsolete && obsolete ? ` (the obsolete ipv6_prefer, which rc.subr copies over ip6addrctl_policy)` : '';
  const policy = policySetting?.value ?? 'AUTO';
  const where = policySetting ? `${shown(policySetting)} at ${at(policySetting)}${via}` : 'ip6addrctl_policy is AUTO (the default)';
  const fix = via ? 'remove the obsolete ipv6_prefer and set ip6addrctl_policy="AUTO"' : 'set ip6addrctl_policy="AUTO" (the default)';
  const decided = (table: BootTable, what: string): Ip6addrctlBoot => ({
    table,
    reason: `${where}: ${what}`,
    ...(table === 'file' || table === 'unknown' ? {} : { fix }),
    ...(policySetting ? { decidedBy: policySetting } : {}),
  });
  if (/^auto$/i.test(policy)) {
    if (file?.readableNonEmpty) return decided('file', 'rc.d flushes the table and installs /etc/ip6addrctl.conf');
    const all = last(sources, 'ipv6_activate_all_interfaces');
    const ifconfigIPv6 = sources.flatMap((s) => s.conf.assignments.filter((a) => /^ifconfig_.+_ipv6$/.test(a.name)).map((a) => ({ ...a, path: s.path })));
    const fallback: BootTable = (all?.value != null && YES.test(all.value)) || ifconfigIPv6.length > 0 ? 'ipv6_prefer' : 'ipv4_prefer';
    const because =
      fallback === 'ipv4_prefer'
        ? 'neither ipv6_activate_all_interfaces=YES nor any ifconfig_IF_ipv6 is set'
        : ifconfigIPv6.length > 0
          ? `${ifconfigIPv6[0]!.name} is set at ${at(ifconfigIPv6[0]!)}`
          : `ipv6_activate_all_interfaces=YES at ${at(all!)}`;
    const unknownFile = file === undefined ? 'when /etc/ip6addrctl.conf is missing, unreadable or empty, ' : '';
    return decided(file === undefined ? 'unknown' : fallback, `${unknownFile}rc.d installs its built-in ${fallback} table instead (${because})`);
  }
  if (policy === 'ipv4_prefer' || policy === 'ipv6_prefer')
    return decided(policy, `rc.d installs its built-in ${policy} table and ignores /etc/ip6addrctl.conf`);
  if (YES.test(policy)) return decided('ipv6_prefer', 'rc.d installs its built-in ipv6_prefer table and ignores /etc/ip6addrctl.conf');
  if (NO.test(policy)) return decided('ipv4_prefer', 'rc.d installs its built-in ipv4_prefer table and ignores /etc/ip6addrctl.conf');
  if (/^none$/i.test(policy)) return decided('empty', 'rc.d only flushes the table: it stays empty and getaddrinfo does not sort');
  return decided('ipv4_prefer', 'rc.d warns that the policy is invalid and installs its built-in ipv4_prefer table, ignoring /etc/ip6addrctl.conf');
}
