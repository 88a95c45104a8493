// Reported by src/lint.ts: a UTF-8 byte order mark is not white space to either parser.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'byte-order-mark',
    defaultSeverity: 'error',
    description: 'A UTF-8 byte order mark at the start of the file, which both parsers read as part of the first word.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
