// A UTF-8 byte order mark is not white space to either parser: checked on the raw text,
// before any reader sees it.
import type { Rule } from './rule.js';

export const rule = {
  meta: {
    id: 'byte-order-mark',
    defaultSeverity: 'error',
    description: 'A UTF-8 byte order mark at the start of the file, which both parsers read as part of the first word.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'reader',
  },
  checkSource(context) {
    if (!context.text.startsWith('\uFEFF')) return;
    const what =
      context.dialect === 'gai'
        ? 'glibc reads it as part of the first word, so the first line is silently ignored'
        : 'ip6addrctl reads it as part of the first prefix or comment mark, so a first entry fails to parse';
    context.report({
      message: `UTF-8 byte order mark at the start of the file: ${what}. Save the file as UTF-8 without BOM.`,
      span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } },
      fix: { safety: 'safe', description: 'remove the byte order mark', edits: [{ start: 0, end: 1, text: '' }] },
    });
  },
} satisfies Rule;
