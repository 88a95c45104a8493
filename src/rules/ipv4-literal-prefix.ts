// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'ipv4-literal-prefix',
    defaultSeverity: 'error',
    description: 'An IPv4 prefix where an IPv6 prefix is needed; IPv4 is matched as ::ffff:a.b.c.d/96+n.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
