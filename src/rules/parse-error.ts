// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { GAI_IGNORES, freebsdFails, freebsdMissing, prefixProblemText, shown } from './support/reader-wording.js';
import type { Rule } from './rule.js';

/** Where ip6addrctl's field scan (SKIP_WHITE) finds no value. */
const FREEBSD_SCAN_STOPS = {
  'line-end': 'reaches the end of the line',
  nul: 'stops at a NUL byte after the blank, which it takes for the end of the line',
  leftover: "runs past the line's end into bytes an earlier line left in its buffer and finds no value",
} as const;

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
    gaiNoValue: ({ kind, prefix }) =>
      `\`${kind}\` line has no value: glibc 2.41+ ignores it; older glibc reads the missing value as 0. Write \`${kind} ${prefix} VALUE\`.`,
    showNotARow: () => 'Not a row of `ip6addrctl show` output (PREFIX/LEN PREC LABEL USE): line ignored.',
    addrlabelNotACommand: () => 'Not an `ip addrlabel add prefix P label N` command or `ip addrlabel list` row: line ignored.',
    addrlabelFields: () => 'Needs `prefix PREFIX/LEN` and `label N`: line ignored.',
    netshNotACommand: () => 'Not a `netsh interface ipv6 add prefixpolicy PREFIX PRECEDENCE LABEL` command or `show prefixpolicies` row: line ignored.',
    lineBadPrefix: (why) => `${prefixProblemText(why)}: line ignored.`,
    freebsdLongLineRest: ({ line }) =>
      freebsdFails(
        `This is the rest of a line over 2047 bytes, which fgets() hands over as line ${line} of its own, and it is not an entry`,
        line,
        'Keep lines under 2047 bytes.',
      ),
    freebsdBlankLastLine: ({ line }) =>
      freebsdFails(
        'Last line has only blanks and no newline: ip6addrctl reads it as an entry with no prefix',
        line,
        'Remove the blanks or end the line with a newline.',
      ),
    freebsdMissingField: ({ field, stop, line }) =>
      freebsdFails(`Missing ${freebsdMissing(field)}: ip6addrctl's field scan ${FREEBSD_SCAN_STOPS[stop]}`, line, 'Write PREFIX/LEN PRECEDENCE LABEL.'),
    freebsdNotIPv6: ({ address, line }) =>
      freebsdFails(
        `\`${shown(address)}\` is not an IPv6 address: getaddrinfo(AI_NUMERICHOST) fails`,
        line,
        'Write the prefix as an IPv6 address, e.g. `2001:db8::/32`.',
      ),
    freebsdNulBeforeSlash: ({ line }) =>
      freebsdFails(
        'The prefix ends at a NUL byte: strdup() stops there, so the copy ip6addrctl parses has no / and it gives up before getaddrinfo',
        line,
        'Remove the NUL byte.',
      ),
    freebsdNeverWritten: ({ field, line }) =>
      `Missing ${freebsdMissing(field)}: ip6addrctl's field scan runs past the end of the line and past all that fgets() ever stored, into memory never written; what install does from line ${line} on depends on memory contents. Write PREFIX/LEN PRECEDENCE LABEL.`,
    freebsdBlankInPrefix: ({ prefix, row }) =>
      `The prefix \`${shown(prefix)}\` has a blank in it: ip6addrctl reads the address up to the line's first /, but the precedence and label from the words after the first blank; FreeBSD installs \`${row}\`. Remove the blank.`,
    freebsdLeftoverField: ({ field, row }) =>
      `Missing ${freebsdMissing(field)}: with no blank after the last field, ip6addrctl's field scan runs past the end of the line into bytes an earlier, longer line left in its buffer; FreeBSD installs \`${row}\`. Write PREFIX/LEN PRECEDENCE LABEL.`,
  } satisfies ReaderMessages<'parse-error'>,
} satisfies Rule;
