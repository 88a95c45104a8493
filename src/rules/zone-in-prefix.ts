// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { GAI_IGNORES } from './support/reader-wording.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'zone-in-prefix',
    defaultSeverity: 'warning',
    description: 'A %zone in a prefix: glibc rejects the line; FreeBSD accepts a name only on link-local addresses whose interface exists, a decimal on any, and then ignores it.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    gai: ({ zone }) => `Zone \`%${zone}\` in a prefix: glibc's inet_pton rejects it, so ${GAI_IGNORES}. Remove the zone (policy rows apply on every interface).`,
  } satisfies ReaderMessages<'zone-in-prefix'>,
} satisfies Rule;
