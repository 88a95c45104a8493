// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'zone-in-prefix',
    defaultSeverity: 'warning',
    description: 'A %zone in a prefix: glibc rejects the line; FreeBSD needs the interface to exist and then ignores the zone.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
