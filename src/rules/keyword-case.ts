// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'keyword-case',
    defaultSeverity: 'error',
    description: 'A gai.conf keyword in the wrong case (Label): glibc keywords are case-sensitive, so the line is ignored.',
    fixable: 'unsafe',
    dialects: ['gai'],
    phase: 'reader',
  },
  messages: {
    gaiKeywordCase: ({ written, keyword }) =>
      `\`${written}\` is not a keyword: glibc's keywords are case-sensitive, so it silently ignores this line. Write \`${keyword}\`.`,
  } satisfies ReaderMessages<'keyword-case'>,
} satisfies Rule;
