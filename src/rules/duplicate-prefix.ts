// The same masked prefix and length as an earlier line of the same table never takes
// effect: FreeBSD's kernel refuses it with EEXIST, glibc's stable sort keeps the first.
import { isGaiTableEntry, isRow, type Entry } from '../model/ast.js';
import { twinLines } from './support/twin-lines.js';
import type { Rule } from './rule.js';
import { wholeLineRange } from './support/line-edits.js';

export const rule: Rule = {
  meta: {
    id: 'duplicate-prefix',
    defaultSeverity: 'warning',
    description: 'A line with the same prefix and length (after masking host bits) as an earlier one: it never takes effect.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const { policy, table } = context;
    // Each line's first twin: the same kind of line, length and masked prefix.
    const { lines, twins } = twinLines(policy, table);
    for (let i = 0; i < lines.length; i++) {
      if (twins[i]! < 0) continue;
      const entry = lines[i]!;
      const first = lines[twins[i]!]!;
      const values = (e: Entry) => (isRow(e) ? `${e.precedence.value} ${e.label.value}` : isGaiTableEntry(e) ? String(e.value.value) : '');
      const same = values(first) === values(entry);
      const what =
        policy.dialect === 'ip6addrctl'
          ? `the kernel refuses it with EEXIST (ip6addrctl prints a warning, exit status 0) and keeps line ${first.span.start.line}'s ${values(first)}`
          : `glibc keeps both but sorts them stably, so line ${first.span.start.line}'s value ${values(first)} always wins`;
      context.report({
        message: `\`${entry.prefix.text}\` repeats the prefix of line ${first.span.start.line}: ${what}. ${same ? 'Remove this line.' : 'Remove the line you do not mean; as written this one never applies.'}`,
        span: entry.prefix.span,
        // The same values again change nothing (info); other values the author meant never apply (error).
        severity: same ? 'info' : 'error',
        fix: { safety: 'safe', description: 'remove the line that never takes effect', edits: [{ ...wholeLineRange(policy, entry), text: '' }] },
      });
    }
  },
};
