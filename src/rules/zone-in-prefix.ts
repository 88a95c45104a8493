// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'zone-in-prefix',
    defaultSeverity: 'warning',
    description: 'A %zone in a prefix: glibc rejects the line; FreeBSD accepts a name only on link-local addresses whose interface exists, a decimal on any, and then ignores it.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
