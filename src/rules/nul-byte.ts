// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'nul-byte',
    defaultSeverity: 'error',
    description: "A NUL byte: glibc stops reading the line at it; FreeBSD's string calls stop at it while its field scan goes on past it.",
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    gaiCString: () => 'NUL byte: glibc reads the line as a C string, so everything after it on this line is invisible. Remove the NUL byte.',
    freebsdInEntry: (rest) =>
      `NUL byte in an entry: ip6addrctl's strdup() and atoi() stop at it, but its field scan (SKIP_WORD) goes on past it; ${
        rest.outcome === 'row'
          ? `here it installs \`${rest.row}\``
          : rest.outcome === 'fail'
            ? 'here the line fails (see the other message)'
            : 'here the scan reads memory never written (see the other message)'
      }. Remove the NUL byte.`,
  } satisfies ReaderMessages<'nul-byte'>,
} satisfies Rule;
