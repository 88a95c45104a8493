// Reported by src/lint.ts when policylint itself fails on a file: the API never throws.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'internal-error',
    defaultSeverity: 'error',
    description: 'policylint failed on this file (a bug): the file could not be checked.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
