// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'parse-error',
    defaultSeverity: 'error',
    description: 'The real parser rejects the line (FreeBSD: nothing from the file is installed; glibc: the line is silently ignored).',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
