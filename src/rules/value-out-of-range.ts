// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'value-out-of-range',
    defaultSeverity: 'error',
    description: 'A length or value outside what the real system accepts or means (LEN over 128, negative values, over 2147483647, FreeBSD label -1, scopev4 lengths).',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
