// What both grammars share: they are line-oriented, and only `\n` ends a line, as for
// FreeBSD's fgets() and glibc's getline() (Chevrotain's default would also count `\r`).
import { createToken } from 'chevrotain';

export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true });

export const LINE_LEXER_CONFIG = {
  positionTracking: 'full' as const,
  lineTerminatorsPattern: /\n/g,
  lineTerminatorCharacters: ['\n'],
};

/** Lines per parse: bounds the tokens and CST alive at once (each line is independent). */
export const LINES_PER_BATCH = 4096;

/**
 * Cut the text into batches of whole lines and call `range` with each batch's start and end
 * offsets and its first line number (1-based), for a lexer that reads the text in place.
 */
export function forEachLineRange(text: string, range: (start: number, end: number, line: number) => void): void {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = start;
    let lines = 0;
    while (lines < LINES_PER_BATCH) {
      const nl = text.indexOf('\n', end);
      if (nl < 0) {
        end = text.length;
        break;
      }
      end = nl + 1;
      lines++;
    }
    range(start, end, line);
    line += lines;
    start = end;
  }
}
