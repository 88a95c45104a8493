// Bits beyond LEN: FreeBSD's kernel masks them, glibc ignores them when matching.
// Writing the masked prefix changes nothing and says what really happens.
import { formatIPv4, formatIPv6, maskOf } from '../model/address.js';
import type { Rule } from './rule.js';
import { prefixEntries } from './support/value-lines.js';

export const rule: Rule = {
  meta: {
    id: 'host-bits-set',
    defaultSeverity: 'info',
    description: 'A prefix with bits set beyond its length; the real systems ignore them.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    for (const entry of prefixEntries(context.policy)) {
      const { prefix } = entry;
      const masked = prefix.address & maskOf(prefix.length);
      if (masked === prefix.address) continue;
      const lengthText = prefix.text.slice(prefix.text.indexOf('/'));
      const text =
        prefix.form === 'ipv4'
          ? `${formatIPv4(Number(masked & 0xffffffffn))}${lengthText}`
          : prefix.text.includes('.') && masked >> 32n === 0xffffn
            ? `::ffff:${formatIPv4(Number(masked & 0xffffffffn))}${lengthText}`
            : `${formatIPv6(masked)}${lengthText}`;
      const who = context.policy.dialect === 'ip6addrctl' ? 'the FreeBSD kernel masks them off' : 'glibc ignores them when matching';
      context.report({
        message: `\`${prefix.text}\` has bits set beyond /${prefix.length - (prefix.form === 'ipv4' ? 96 : 0)}: ${who}, so this line means \`${text}\`. Write \`${text}\`.`,
        span: prefix.span,
        fix: { safety: 'safe', description: `write ${text}`, edits: [{ start: prefix.span.start.offset, end: prefix.span.end.offset, text }] },
      });
    }
  },
};
