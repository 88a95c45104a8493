// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'ignored-text',
    defaultSeverity: 'info',
    description: 'Extra words after the last field, which the real parser ignores.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
