// What a policy evidently wants, read from the lines it writes (not from its shape): an
// impact that serves the goal is the point of the file, not a finding.
import { IPV4_MAPPED_BASE, parseIPv6 } from '../model/address.js';
import { isUlaPrefix, within } from '../model/address-spaces.js';
import { lookup, type EffectiveTable } from '../model/effective-table.js';
import { GLOBAL_NAME } from './scenario-catalogue.js';

export interface Goals {
  /** IPv4 raised above global IPv6 on purpose (`precedence ::ffff:0:0/96 100`, ipv4_prefer). */
  readonly preferIPv4: boolean;
  /** ::/0 or global IPv6 raised, or IPv4 lowered: IPv6 before IPv4. */
  readonly preferIPv6: boolean;
  /** ULA sources meant to reach global destinations over IPv6 (site prefixes, a ULA label or precedence changed towards ::/0's). */
  readonly ulaToGua: boolean;
}

/** A line of the file that sets a value for a prefix (what the author wrote). */
export interface WrittenLine {
  readonly prefix: bigint;
  readonly length: number;
  readonly label?: number;
  readonly precedence?: number;
}

export const NO_GOALS: Goals = { preferIPv4: false, preferIPv6: false, ulaToGua: false };

const MAPPED = { prefix: IPV4_MAPPED_BASE, length: 96 };
const TUNNELS = [
  { prefix: parseIPv6('2002::')!, length: 16 },
  { prefix: parseIPv6('2001::')!, length: 32 },
];
const V4 = IPV4_MAPPED_BASE | 0xc6336407n; // 198.51.100.7
const GUA = parseIPv6(GLOBAL_NAME)!;
const ULA = parseIPv6('fd00:1::10')!;

export function inferGoals(lines: readonly WrittenLine[], table: EffectiveTable, baseline: EffectiveTable, sitePrefixesGiven: boolean): Goals {
  const now = { v4: lookup(table, V4), gua: lookup(table, GUA), ula: lookup(table, ULA) };
  const was = { v4: lookup(baseline, V4), gua: lookup(baseline, GUA), ula: lookup(baseline, ULA) };
  const setsV4 = lines.some((l) => l.precedence !== undefined && (within(l, MAPPED) || (l.length === 96 && l.prefix === IPV4_MAPPED_BASE)));
  // ::/0 or 2000::/3 is the row that gives the internet's IPv6 its precedence, and the file writes it.
  const globalRow = now.gua.precedenceRow;
  const setsGlobal6 =
    globalRow !== undefined &&
    globalRow.length <= 3 &&
    lines.some((l) => l.precedence !== undefined && l.prefix === globalRow.prefix && l.length === globalRow.length);
  // Raised on purpose: above the default's IPv4 precedence and above global IPv6 (a table that only
  // lost its ::/0 row puts IPv4 above IPv6 by accident, not by goal).
  const preferIPv4 = setsV4 && now.v4.precedence > was.v4.precedence && now.v4.precedence > now.gua.precedence;
  // Tunnel space given native IPv6's label: a tunnel host meant to reach native IPv6 over IPv6.
  const tunnelsJoinNative = lines.some(
    (l) => l.label !== undefined && l.label === now.gua.label && TUNNELS.some((t) => within(l, t)) && lookup(baseline, l.prefix).label !== l.label,
  );
  const preferIPv6 =
    !preferIPv4 &&
    ((setsGlobal6 && now.gua.precedence > was.gua.precedence) ||
      (setsV4 && now.v4.precedence < was.v4.precedence && now.gua.precedence > now.v4.precedence) ||
      tunnelsJoinNative);
  const ulaLines = lines.filter((l) => isUlaPrefix(l));
  const ulaToGua =
    sitePrefixesGiven ||
    ulaLines.some(
      (l) =>
        (l.precedence !== undefined && l.precedence > was.ula.precedence) || (l.label !== undefined && l.label !== was.ula.label && l.label === now.gua.label),
    );
  return { preferIPv4, preferIPv6, ulaToGua };
}
