// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'nul-byte',
    defaultSeverity: 'error',
    description: 'A NUL byte: both parsers treat lines as C strings, so the text after it is invisible or undefined.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
};
