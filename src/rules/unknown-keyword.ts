// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'unknown-keyword',
    defaultSeverity: 'error',
    description: 'A gai.conf line whose first word is not a keyword: glibc silently ignores it.',
    fixable: 'unsafe',
    dialects: ['gai'],
    phase: 'reader',
  },
};
