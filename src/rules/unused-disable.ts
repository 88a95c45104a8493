// Reported by the engine (src/directives.ts): a disable comment that suppressed nothing.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'unused-disable',
    defaultSeverity: 'warning',
    description: 'A policylint-disable comment that suppresses nothing (or names no known rule).',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
};
