// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'nul-byte',
    defaultSeverity: 'error',
    description: 'A NUL byte: glibc stops reading the line at it; FreeBSD\'s string calls stop at it while its field scan goes on past it.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
