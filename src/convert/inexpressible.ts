// What a target dialect cannot express, said plainly, one line per address range.
//
// Today that is glibc's scopev4 table: FreeBSD, Windows and the Linux kernel have no such
// table; they derive an IPv4 address's scope from its kind (FIXED_IPV4_SCOPES). A gai.conf
// whose scopev4 table (its lines, else glibc's defaults) gives some IPv4 address another
// scope than that rule changes RFC 6724 rules 2 and 8 for it, and the translation cannot
// keep that. When the scopes agree (no scopev4 line, or lines that restate the defaults)
// nothing is lost.
import type { ConvertDialect } from '../dialects/registry.js';
import { formatRange } from '../model/address-ranges.js';
import { FIXED_IPV4_SCOPES, FIXED_IPV4_SCOPES_TEXT, ipv4ScopesOf, type PolicyModel, type Semantics } from '../model/policy-meaning.js';
import { compareIpv4Scopes, type ScopeRegion } from './equivalence.js';
import { NAMES } from './value-limits.js';

/** How messages name what a dialect writes. */
export const DIALECT_TEXT: Record<ConvertDialect, string> = {
  gai: 'gai.conf',
  ip6addrctl: 'ip6addrctl.conf',
  show: '`ip6addrctl show` output',
  addrlabel: '`ip addrlabel`',
  netsh: '`netsh` prefix policies',
  json: 'JSON',
};

/** True when the source's meaning has a table the target system does not have. */
export const losesScopev4 = (source: Semantics, target: Semantics) => source === 'glibc' && target !== 'glibc';

/** The IPv4 ranges whose scope the target system would give differently (empty: nothing lost). */
export function lostScopeRegions(source: PolicyModel, target: Semantics): ScopeRegion[] {
  return losesScopev4(source.semantics, target) ? compareIpv4Scopes(ipv4ScopesOf(source), FIXED_IPV4_SCOPES) : [];
}

/** One line per range: `ip6addrctl.conf cannot express scopev4: FreeBSD derives ...; R would have scope 14 on glibc, 2 on FreeBSD`. */
export function describeLostScopes(to: ConvertDialect, target: Semantics, regions: readonly ScopeRegion[]): string[] {
  const system = NAMES[target];
  return regions.map(
    (r) =>
      `${DIALECT_TEXT[to]} cannot express scopev4: ${system} derives IPv4 scope from the address (${FIXED_IPV4_SCOPES_TEXT}); ` +
      `${formatRange(r.start, r.end)} would have scope ${r.before} on glibc, ${r.after} on ${system}`,
  );
}
