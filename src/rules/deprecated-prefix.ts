// Rows for address spaces that are gone or going: 6to4 (RFC 7526), Teredo (RFC 4380,
// ignored by modern stacks), site-local (RFC 3879), 6bone (RFC 3701) and IPv4-compatible
// (RFC 4291). The stock tables keep rows for them; custom values only add confusion.
import { parseIPv6 } from '../model/address.js';
import type { Rule } from './rule.js';
import { isStockRow } from './support/stock-rows.js';
import { prefixText } from '../model/address.js';
import { valueLines } from './support/value-lines.js';
import { within } from '../model/address-spaces.js';

const DEPRECATED = [
  { prefix: parseIPv6('2002::')!, length: 16, name: '6to4', why: 'deprecated by RFC 7526' },
  { prefix: parseIPv6('2001::')!, length: 32, name: 'Teredo', why: 'a transition mechanism modern stacks no longer use' },
  { prefix: parseIPv6('fec0::')!, length: 10, name: 'site-local', why: 'deprecated by RFC 3879' },
  { prefix: parseIPv6('3ffe::')!, length: 16, name: '6bone', why: 'returned by RFC 3701' },
  { prefix: 0n, length: 96, name: 'IPv4-compatible', why: 'deprecated by RFC 4291' },
];

export const rule: Rule = {
  meta: {
    id: 'deprecated-prefix',
    defaultSeverity: 'warning',
    description: 'A custom row for 6to4, Teredo, site-local, 6bone or IPv4-compatible space.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    for (const line of valueLines(context.policy)) {
      const space = DEPRECATED.find((d) => within(line, d));
      if (!space) continue;
      // `::a.b.c.d` rows are ipv4-compatible-prefix's to report: they meant ::ffff:.
      if (space.length === 96 && line.entry.prefix.text.includes('.')) continue;
      // Rows as some built-in table has them are stock, not custom.
      if (isStockRow(line)) continue;
      context.report({
        message: `${prefixText(line)} is ${space.name} space (${prefixText(space)}), ${space.why}: a custom row for it changes nothing a current network uses, or revives a path that no longer works. Keep the stock row or remove this one.`,
        span: line.entry.span,
      });
    }
  },
};
