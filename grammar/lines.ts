// What both grammars share: they are line-oriented, and only `\n` ends a line, as for
// FreeBSD's fgets() and glibc's getline() (Chevrotain's default would also count `\r`).
import { createToken } from 'chevrotain';

export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });

export const LINE_LEXER_CONFIG = {
  positionTracking: 'full' as const,
  lineTerminatorsPattern: /\n/g,
  lineTerminatorCharacters: ['\n'],
};
