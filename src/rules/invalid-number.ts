// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { GAI_IGNORES, capital, shown } from './support/reader-wording.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'invalid-number',
    defaultSeverity: 'error',
    description: 'A value that is not a plain decimal (FreeBSD atoi reads forty as 0; glibc ignores the line).',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    gaiReloadValue: ({ text }) =>
      `\`reload ${text}\`: glibc turns reloading on only for the exact value \`yes\`; anything else, this included, turns it off. Write \`reload yes\` or \`reload no\`.`,
    gaiEmptyLength: ({ scopev4 }) =>
      scopev4
        ? `Empty /LEN: an empty length reads as 0 (or is rejected by glibc 2.41+), below 96, so ${GAI_IGNORES}. Write the length after the /.`
        : 'Empty /LEN: glibc 2.41+ ignores this line; older glibc reads it as /0, a row that matches every address. Write the length after the /.',
    gaiLengthNotDecimal: ({ text }) =>
      `/LEN \`${text}\` is not a decimal number: glibc's strtoul() check fails and ${GAI_IGNORES}. Write the length as digits.`,
    gaiLengthNotPlain: ({ text, value }) => `/LEN \`${text}\`: glibc reads it as ${value}, but FreeBSD and most tools would not. Write \`${value}\`.`,
    gaiValueNotDecimal: ({ kind, text }) =>
      `${kind} value \`${text}\` is not a decimal number: glibc's strtoul() check fails and ${GAI_IGNORES}. Write digits only.`,
    gaiValueNotPlain: ({ kind, text, value }) =>
      `${kind} value \`${text}\`: glibc reads it as ${value}, but FreeBSD and most tools would not. Write \`${value}\`.`,
    freebsdEmptyLength: ({ length }) =>
      `Empty /LEN: atoi() skips the blank after the / and reads the precedence field as the length too, so the prefix is /${length}. Write the length right after the /.`,
    freebsdLengthNotPlain: ({ text, length }) =>
      `/LEN \`${shown(text)}\` is not a plain decimal: atoi() reads it as ${length}. Write the length as digits only.`,
    freebsdNotDecimal: ({ field, text, value, digits }) =>
      `${capital(field)} \`${shown(text)}\` is not a decimal number: atoi() reads it as ${value}${digits ? ' and ignores the rest' : ''}, and install goes on without a warning. Write the ${field} as digits.`,
    freebsdPlusSign: ({ field, text, value }) => `${capital(field)} \`${shown(text)}\`: atoi() accepts the sign and reads ${value}. Write plain digits.`,
  } satisfies ReaderMessages<'invalid-number'>,
} satisfies Rule;
