// Reported by the readers (src/dialects/*-reader.ts) while deciding what the real parser does
// with a line; the messages they report are built here.
import type { ReaderMessages } from '../dialects/reader-finding.js';
import { GAI_IGNORES, capital, freebsdFails, shown } from './support/reader-wording.js';
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'value-out-of-range',
    defaultSeverity: 'error',
    description:
      'A length or value outside what the real system accepts or means (LEN over 128, negative values, over 2147483647, FreeBSD label -1, scopev4 lengths).',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  messages: {
    gaiLength: ({ text, min, max }) => `Prefix length ${text} is outside ${min}..${max}: ${GAI_IGNORES}.`,
    gaiValueNegative: ({ kind, text }) =>
      `${kind} value \`${text}\` is negative: glibc reads it as a huge unsigned number, above 2147483647, so ${GAI_IGNORES}. Use 0 to 2147483647.`,
    gaiValueTooLarge: ({ kind, text }) => `${kind} value ${text} is above 2147483647: ${GAI_IGNORES}. Use 0 to 2147483647.`,
    showNotCInt: () => 'Precedence and label are C ints in the kernel (-2147483648 to 2147483647): line ignored.',
    addrlabelLabel: ({ label }) => `Label ${label}: the kernel refuses labels from 4294967295 up (EINVAL): line ignored.`,
    netshValues: () => 'Precedence and label must be whole numbers from 0 to 4294967295: line ignored.',
    freebsdLength: ({ value, line }) =>
      freebsdFails(`Prefix length ${value} is outside 0..128: ip6addrctl prints "invalid prefix length"`, line, 'Use a length from 0 to 128.'),
    freebsdNotCInt: ({ field, text, value }) =>
      `${capital(field)} \`${shown(text)}\` does not fit in an int: atoi() makes it ${value}. Use a value from 0 to 2147483647.`,
    freebsdLabelMinusOne: () =>
      'Label -1 means "no label" to the FreeBSD kernel: it refuses the row with EINVAL, ip6addrctl prints a warning and goes on, so this row is never installed. Use a label from 0 to 2147483647.',
    freebsdNegative: ({ field, value }) =>
      field === 'precedence'
        ? `Negative precedence ${value}: the kernel accepts it and libc ranks these destinations below every other matched one (a matched destination still beats one that matches no row). Use a value from 0 to 2147483647.`
        : `Negative label ${value}: the kernel accepts it, but glibc cannot express it, so this policy cannot be carried to Linux. Use a label from 0 to 2147483647.`,
  } satisfies ReaderMessages<'value-out-of-range'>,
} satisfies Rule;
