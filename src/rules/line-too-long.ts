// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'line-too-long',
    defaultSeverity: 'error',
    description: 'A line over 2047 bytes, which FreeBSD reads in pieces and parses each piece as a line.',
    fixable: 'no',
    dialects: ['ip6addrctl'],
    phase: 'reader',
  },
  messages: {
    freebsdPieces: ({ bytes, pieces, from, to, bad }) => {
      const effect = !bad
        ? 'each piece still parses, but an edit can break that'
        : bad.outcome === 'fail'
          ? `piece ${bad.piece} fails, so install aborts`
          : `piece ${bad.piece} reads memory never written, so what install does from line ${from + bad.piece - 1} on depends on memory contents`;
      return `Line is ${bytes} bytes: FreeBSD's fgets() reads at most 2047 bytes at a time, so ip6addrctl parses it as ${pieces} lines (${from}-${to} in its count); ${effect}. Keep lines under 2047 bytes.`;
    },
  } satisfies ReaderMessages<'line-too-long'>,
} satisfies Rule;
