// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { GAI_IGNORES, prefixProblemText } from './support/reader-wording.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'parse-error',
    defaultSeverity: 'error',
    description: 'The real parser rejects the line (FreeBSD: nothing from the file is installed; glibc: the line is silently ignored).',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    gaiNoPrefix: ({ kind }) => `\`${kind}\` needs a prefix and a value: ${GAI_IGNORES}. Write \`${kind} PREFIX/LEN VALUE\`.`,
    gaiNotIPv6: ({ address }) => `\`${address}\` is not an IPv6 address (inet_pton fails): ${GAI_IGNORES}. Write an IPv6 prefix such as \`2001:db8::/32\`.`,
    gaiScopeNotIPv4: ({ address }) =>
      `scopev4 needs an IPv4 prefix (\`169.254.0.0/16\`) or an IPv4-mapped one (\`::ffff:169.254.0.0/112\`); \`${address}\` is neither, so ${GAI_IGNORES}.`,
    gaiNoValue: ({ kind, prefix }) => `\`${kind}\` line has no value: glibc 2.41+ ignores it; older glibc reads the missing value as 0. Write \`${kind} ${prefix} VALUE\`.`,
    showNotARow: () => 'Not a row of `ip6addrctl show` output (PREFIX/LEN PREC LABEL USE): line ignored.',
    addrlabelNotACommand: () => 'Not an `ip addrlabel add prefix P label N` command or `ip addrlabel list` row: line ignored.',
    addrlabelFields: () => 'Needs `prefix PREFIX/LEN` and `label N`: line ignored.',
    netshNotACommand: () => 'Not a `netsh interface ipv6 add prefixpolicy PREFIX PRECEDENCE LABEL` command or `show prefixpolicies` row: line ignored.',
    lineBadPrefix: (why) => `${prefixProblemText(why)}: line ignored.`,
  } satisfies ReaderMessages<'parse-error'>,
} satisfies Rule;
