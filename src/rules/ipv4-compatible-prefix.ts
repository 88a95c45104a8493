// `::a.b.c.d/n` is the deprecated IPv4-compatible space ::/96, where no IPv4 destination
// is ever looked up (IPv4 is looked up as ::ffff:a.b.c.d). The author meant ::ffff:.
import { formatIPv4 } from '../model/address.js';
import type { Rule } from './rule.js';
import { prefixEntries } from './support/value-lines.js';

export const rule: Rule = {
  meta: {
    id: 'ipv4-compatible-prefix',
    defaultSeverity: 'error',
    description: 'A ::a.b.c.d prefix (IPv4-compatible, deprecated) where the IPv4-mapped ::ffff:a.b.c.d was almost surely meant.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    for (const entry of prefixEntries(context.policy)) {
      const { prefix } = entry;
      if (prefix.form !== 'ipv6' || !prefix.text.includes('.') || prefix.address >> 32n !== 0n || prefix.address === 0n) continue;
      const slash = prefix.text.indexOf('/');
      const mapped = `::ffff:${formatIPv4(Number(prefix.address & 0xffffffffn))}${slash >= 0 ? prefix.text.slice(slash) : ''}`;
      context.report({
        message:
          `\`${prefix.text}\` is in the deprecated IPv4-compatible space ::/96, not the IPv4-mapped ::ffff:0:0/96: ` +
          'both FreeBSD and glibc look IPv4 addresses up as ::ffff:a.b.c.d, so this row never matches an IPv4 destination. ' +
          `Write \`${mapped}\`.`,
        span: prefix.span,
        fix: { safety: 'unsafe', description: `write ${mapped}`, edits: [{ start: prefix.span.start.offset, end: prefix.span.end.offset, text: mapped }] },
      });
    }
  },
};
