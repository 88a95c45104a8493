// The file is not UTF-8: the CLI's input layer (src/cli/input.ts) reads it byte for byte and
// passes the offset of the first bad byte (lintText's invalidUtf8At); the check is here.
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'invalid-utf8',
    defaultSeverity: 'warning',
    description: 'The file is not valid UTF-8; it is read and written back byte for byte.',
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  checkSource(context) {
    const at = context.invalidUtf8At;
    if (at === undefined) return;
    // The text holds one char per byte here (latin1), so offsets are byte offsets.
    const before = context.text.slice(0, at);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    context.report({
      message: `Not UTF-8 (byte 0x${context.text.charCodeAt(at).toString(16)} at byte offset ${at}): both parsers read bytes, so it only matters inside a field; policylint reads the file byte for byte and writes the same bytes back.`,
      span: { start: { line, column, offset: at }, end: { line, column: column + 1, offset: at + 1 } },
    });
  },
} satisfies Rule;
