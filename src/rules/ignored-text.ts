// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { shown } from './support/reader-wording.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'ignored-text',
    defaultSeverity: 'info',
    description: 'Extra words after the last field, which the real parser ignores.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    gaiExtraWords: ({ reload, text }) =>
      `glibc reads only the keyword and ${reload ? 'one value' : 'two values'}: \`${text}\` is ignored. Remove it, or put it after a #.`,
    freebsdAfterLabel: ({ text }) =>
      `ip6addrctl ignores everything after the label: \`${shown(text)}\` has no effect. Remove it, or start it with # to make it a comment.`,
  } satisfies ReaderMessages<'ignored-text'>,
} satisfies Rule;
