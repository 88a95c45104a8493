// With labels matching on both pairs (rule 5 ties), precedence decides (rule 6): a ULA
// destination with lower precedence than IPv4 loses to IPv4. The stock RFC 6724 table
// does this on purpose, so it is reported only where the policy shows ULA intent.
import { formatAnyAddress, formatIPv4 } from '../model/address.js';
import { isRow } from '../model/ast.js';
import { lookup } from '../model/effective-table.js';
import type { Rule } from './rule.js';
import { exampleAddress } from '../model/address-spaces.js';
import { prefixText } from '../model/address.js';
import { EXAMPLE_V4_DEST, platformName, ulaIntent } from './support/ula-intent.js';

export const rule: Rule = {
  meta: {
    id: 'ula-below-ipv4',
    defaultSeverity: 'warning',
    description: 'ULA destinations have lower precedence than IPv4, so IPv4 is tried first between ULA-connected hosts.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const intent = ulaIntent(context);
    if (!intent) return;
    const { table } = context;
    const v4 = lookup(table, EXAMPLE_V4_DEST);
    for (const ula of intent.ula) {
      const destination = exampleAddress(ula);
      const d = lookup(table, destination);
      if (d.precedence >= v4.precedence) continue;
      const anchor = ula.line?.entry ?? context.policy.entries[0];
      const wanted = Math.max(v4.precedence + 1, 45);
      const entry = ula.line?.entry;
      const node = entry && (isRow(entry) ? entry.precedence : entry.kind === 'precedence' ? entry.value : undefined);
      context.report({
        message:
          `ULA destinations rank below IPv4 (RFC 6724 rule 6): ${formatAnyAddress(destination, 6)} has precedence ${d.precedence}${d.precedenceRow ? ` (${prefixText(d.precedenceRow)})` : ''}, ` +
          `IPv4 such as ${formatIPv4(0xc6336407)} has ${v4.precedence}${v4.precedenceRow ? ` (${prefixText(v4.precedenceRow)})` : ''}. When both pairs match labels (rule 5), ${platformName(context)} tries IPv4 first. ` +
          `Raise the precedence of ${prefixText(ula)} above ${v4.precedence}, e.g. ${wanted}.`,
        span: anchor?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
        ...(node ? { fix: { safety: 'unsafe' as const, description: `raise the precedence to ${wanted}`, edits: [{ start: node.span.start.offset, end: node.span.end.offset, text: String(wanted) }] } } : {}),
      });
    }
  },
};
