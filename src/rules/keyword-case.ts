// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'keyword-case',
    defaultSeverity: 'error',
    description: 'A gai.conf keyword in the wrong case (Label): glibc keywords are case-sensitive, so the line is ignored.',
    fixable: 'unsafe',
    dialects: ['gai'],
    phase: 'reader',
  },
};
