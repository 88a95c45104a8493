// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { GAI_IGNORES, freebsdFails, shown } from './support/reader-wording.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'ipv4-literal-prefix',
    defaultSeverity: 'error',
    description: 'An IPv4 prefix where an IPv6 prefix is needed; IPv4 is matched as ::ffff:a.b.c.d/96+n.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    gai: ({ address, kind, suggestion }) =>
      `\`${address}\` is an IPv4 address: glibc reads ${kind} prefixes with inet_pton(AF_INET6), so ${GAI_IGNORES}. IPv4 is matched as IPv4-mapped IPv6: write \`${suggestion}\`.`,
    freebsd: ({ address, suggestion, line }) =>
      freebsdFails(
        `\`${shown(address)}\` is an IPv4 address; ip6addrctl resolves the prefix with getaddrinfo(AF_INET6), which rejects it`,
        line,
        `IPv4 rows are IPv4-mapped IPv6 prefixes: write \`${suggestion}\`.`,
      ),
  } satisfies ReaderMessages<'ipv4-literal-prefix'>,
} satisfies Rule;
