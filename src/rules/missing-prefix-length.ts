// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { freebsdFails, shown } from './support/reader-wording.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'missing-prefix-length',
    defaultSeverity: 'error',
    description: 'A prefix without /LEN (FreeBSD: parse failure; glibc: /128 since 2.41, dropped or a crash before).',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    gai: ({ prefix, implied, scopev4 }) =>
      `\`${prefix}\` has no /LEN: glibc 2.41+ reads it as /${implied}, but older glibc (2.36-2.38, and 2.39/2.40 without the BZ #32465 fix) reads an uninitialised pointer: ` +
      (scopev4
        ? 'on 2.36 a first scopev4 line like this crashes getaddrinfo (SIGSEGV) in every program that resolves a name with two or more addresses'
        : 'on 2.36 the line is silently dropped') +
      `. Write \`${prefix}/${implied}\`.`,
    freebsd: ({ prefix, address, ipv6, line }) =>
      freebsdFails(
        `\`${shown(prefix)}\` has no /LEN: ip6addrctl requires PREFIX/LEN` +
          (address !== null ? `; it takes the text up to the line's first / (\`${shown(address)}\`) as the address, which getaddrinfo rejects` : ''),
        line,
        ipv6 ? `Write \`${shown(prefix)}/128\` for a single address.` : 'Write the prefix as PREFIX/LEN.',
      ),
  } satisfies ReaderMessages<'missing-prefix-length'>,
} satisfies Rule;
