// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does with a line.
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'line-too-long',
    defaultSeverity: 'error',
    description: 'A line over 2047 bytes, which FreeBSD reads in pieces and parses each piece as a line.',
    fixable: 'no',
    dialects: ['ip6addrctl'],
    phase: 'reader',
  },
};
