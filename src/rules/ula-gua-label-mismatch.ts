// The flagship. RFC 6724 rule 5 ("prefer matching label") is decided before rule 6
// (precedence). A host with a ULA source reaching a global destination fails rule 5
// when Label(ULA) != Label(GUA), while its IPv4 pair matches (both ::ffff:0:0/96), so
// IPv4 is tried first whatever the precedences: raising the ULA precedence alone does
// not help; the labels must match.
import { formatAnyAddress, formatIPv4 } from '../model/address.js';
import { isRow } from '../model/ast.js';
import type { Fix } from '../model/diagnostic.js';
import { lookup } from '../model/effective-table.js';
import { simulate } from '../simulate/simulate.js';
import type { Rule } from './rule.js';
import { exampleAddress } from '../model/address-spaces.js';
import { prefixText } from '../model/address.js';
import { EXAMPLE_V4_DEST, EXAMPLE_V4_SOURCE, GENERIC_GUA, platformName, ulaIntent, type SitePrefixRef } from './support/ula-intent.js';

export const rule: Rule = {
  meta: {
    id: 'ula-gua-label-mismatch',
    defaultSeverity: 'warning',
    description: 'ULA sources and global destinations carry different labels, so RFC 6724 rule 5 makes IPv4 win.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const intent = ulaIntent(context);
    if (!intent) return;
    const { table, policy } = context;
    const v4s = lookup(table, EXAMPLE_V4_SOURCE);
    const v4d = lookup(table, EXAMPLE_V4_DEST);
    if (v4s.label !== v4d.label) return; // the IPv4 pair fails rule 5 too: rule 6 decides, not this rule
    const guas: SitePrefixRef[] = intent.gua.length > 0 ? [...intent.gua] : [GENERIC_GUA];
    // Each GUA's label once, and how many GUAs carry each label: a ULA's mismatches are then
    // counted in O(1) instead of looking every GUA up again for every ULA.
    const guaLabels = guas.map((g) => lookup(table, exampleAddress(g)).label);
    const perLabel = new Map<number, number>();
    for (const l of guaLabels) perLabel.set(l, (perLabel.get(l) ?? 0) + 1);
    const firstOther = guaLabels.findIndex((l) => l !== guaLabels[0]);
    const reported = new Set<string>();
    for (const ula of intent.ula) {
      const source = exampleAddress(ula);
      const s = lookup(table, source);
      const mismatchCount = guas.length - (perLabel.get(s.label) ?? 0);
      if (mismatchCount === 0) continue;
      const gua = guas[guaLabels[0] !== s.label ? 0 : firstOther]!;
      const destination = exampleAddress(gua);
      const d = lookup(table, destination);
      // Confirm with the RFC 6724 simulator: a ULA-only host with one IPv4 address, the
      // name resolving to the global address first and the IPv4 one second.
      const simulation = simulate({
        platform: policy.dialect === 'gai' ? 'glibc' : 'freebsd',
        table,
        sources: [`${formatAnyAddress(source, 6)}/64`, '192.0.2.10/24'],
        destinations: [formatAnyAddress(destination, 6), formatIPv4(0xc6336407)],
      });
      const decisive = simulation.steps[0];
      if (simulation.order[0] !== formatIPv4(0xc6336407) || decisive?.rule !== 5) continue;
      const anchor = ula.line?.entry ?? policy.entries[0];
      const key = anchor ? String(anchor.span.start.offset) : 'file';
      if (reported.has(key)) continue;
      reported.add(key);
      const from = (row: typeof s.labelRow) => (row ? ` from ${prefixText(row)}` : ', no row matches');
      const raised =
        intent.source === 'raised-precedence' && ula.line?.precedence !== undefined
          ? ` Raising the precedence of ${prefixText(ula)} to ${ula.line.precedence} does not help.`
          : '';
      const others = mismatchCount > 1 ? ` (and ${mismatchCount - 1} more global prefix${mismatchCount > 2 ? 'es' : ''})` : '';
      const message =
        `Label mismatch (RFC 6724 rule 5): a host whose IPv6 source is ${formatAnyAddress(source, 6)} (label ${s.label}${from(s.labelRow)}) reaching ` +
        `${formatAnyAddress(destination, 6)} (label ${d.label}${from(d.labelRow)})${others} fails rule 5, while the IPv4 pair ` +
        `${formatIPv4(0xc000020a)} -> ${formatIPv4(0xc6336407)} matches on label ${v4s.label}: ${platformName(context)} puts ${formatIPv4(0xc6336407)} first whatever the precedences, ` +
        `because rule 5 is decided before precedence (rule 6).${raised} ` +
        `(policylint explain: ${decisive.reason}.) ` +
        `Fix: give the ULA prefix and the global prefixes it talks to the same label, with precedence above ::/0's, e.g. \`fd08:aaaa:bbbb::/48 45 14\` and \`2001:db8:1000::/36 45 14\`${policy.dialect === 'gai' ? ' (in gai.conf: `label ... 14` and `precedence ... 45` lines in complete tables)' : ''}.`;
      const span = anchor?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
      context.report({
        message,
        span,
        ...(intent.source === 'config' ? { severity: 'error' as const } : {}),
        ...labelFix(ula, d.label),
      });
    }
  },
};

/** Unsafe fix: give the ULA line the global destination's label. */
function labelFix(ula: SitePrefixRef, label: number): { fix?: Fix } {
  const entry = ula.line?.entry;
  if (!entry) return {};
  const node = isRow(entry) ? entry.label : entry.kind === 'label' ? entry.value : undefined;
  if (!node) return {};
  return { fix: { safety: 'unsafe', description: `give ${prefixText(ula)} label ${label}`, edits: [{ start: node.span.start.offset, end: node.span.end.offset, text: String(label) }] } };
}
