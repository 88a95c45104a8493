// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { GAI_IGNORES } from './support/reader-wording.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'unknown-keyword',
    defaultSeverity: 'error',
    description: 'A gai.conf line whose first word is not a keyword: glibc silently ignores it.',
    fixable: 'unsafe',
    dialects: ['gai'],
    phase: 'reader',
  },
  messages: {
    gaiUnknownKeyword: ({ written, guess }) =>
      `Unknown keyword \`${written}\`: ${GAI_IGNORES}. ` +
      (guess ? `Did you mean \`${guess}\`?` : 'gai.conf knows label, precedence, scopev4 and reload; start a comment with #.'),
  } satisfies ReaderMessages<'unknown-keyword'>,
} satisfies Rule;
