// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'invalid-number',
    defaultSeverity: 'error',
    description: 'A value that is not a plain decimal (FreeBSD atoi reads forty as 0; glibc ignores the line).',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
