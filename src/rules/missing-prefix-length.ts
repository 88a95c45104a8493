// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'missing-prefix-length',
    defaultSeverity: 'error',
    description: 'A prefix without /LEN (FreeBSD: parse failure; glibc: /128 since 2.41, dropped or a crash before).',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
