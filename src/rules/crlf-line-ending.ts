// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { freebsdFails } from './support/reader-wording.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'crlf-line-ending',
    defaultSeverity: 'error',
    description: 'A blank line with a CRLF ending, which ip6addrctl install reads as an entry and fails on.',
    fixable: 'safe',
    dialects: ['ip6addrctl'],
    phase: 'reader',
  },
  messages: {
    freebsdBlankLine: ({ line }) =>
      freebsdFails(
        'Blank line with a CRLF (\\r\\n) ending: to ip6addrctl the \\r is not blank, so it reads the line as an entry and fails',
        line,
        'Save the file with LF line endings.',
      ),
  } satisfies ReaderMessages<'crlf-line-ending'>,
} satisfies Rule;
