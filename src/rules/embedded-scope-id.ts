// KAME kernels keep a link-local address's interface index inside the address (the
// second 16-bit group). Userland never sees that form: fe80:3::/64 matches nothing
// that getaddrinfo sorts.
import { parseIPv6 } from '../model/address.js';
import type { Rule } from './rule.js';
import { prefixEntries } from './support/value-lines.js';
import { within } from '../model/address-spaces.js';

const LINK_LOCAL = { prefix: parseIPv6('fe80::')!, length: 10 };

export const rule: Rule = {
  meta: {
    id: 'embedded-scope-id',
    defaultSeverity: 'warning',
    description: 'A link-local prefix with a KAME-style interface index embedded in it (fe80:3::/64).',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    for (const entry of prefixEntries(context.policy)) {
      const { prefix } = entry;
      const group2 = Number((prefix.address >> 96n) & 0xffffn);
      if (prefix.length <= 16 || group2 === 0 || !within({ prefix: prefix.address, length: prefix.length }, LINK_LOCAL)) continue;
      context.report({
        message:
          `\`${prefix.text}\` carries interface index ${group2} in its second group, the KAME kernel-internal form of a link-local address. ` +
          'Addresses that programs and libc see have 0 there, so this row never matches them. Write the prefix without it (e.g. `fe80::/10`).',
        span: prefix.span,
      });
    }
  },
};
