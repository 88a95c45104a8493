// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'crlf-line-ending',
    defaultSeverity: 'error',
    description: 'A blank line with a CRLF ending, which ip6addrctl install reads as an entry and fails on.',
    fixable: 'safe',
    dialects: ['ip6addrctl'],
    phase: 'reader',
  },
};
