// Without ::/0, FreeBSD gives unmatched destinations precedence 0 and no label; glibc
// quietly appends ::/0 (label 1, precedence 40) to a table from the file.
import { isGaiTableEntry, isRow } from '../model/ast.js';
import { insertLinesAfter } from './support/line-edits.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  meta: {
    id: 'missing-catch-all',
    defaultSeverity: 'warning',
    description: 'No ::/0 row: FreeBSD leaves unmatched destinations without precedence or label; glibc adds one silently.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const { policy } = context;
    if (policy.dialect === 'ip6addrctl') {
      const rows = policy.entries.filter(isRow);
      if (!policy.installable || rows.length === 0 || rows.some((r) => r.prefix.length === 0)) return;
      const last = rows[rows.length - 1]!;
      context.report({
        message:
          'No `::/0` row: destinations that match no row get precedence 0 and no label (-1) from the kernel, so they sort after every matched destination (rule 6) and never match a source label (rule 5). ' +
          'Add `::/0 40 1`.',
        span: rows[0]!.span,
        fix: { safety: 'unsafe', description: 'add ::/0 40 1', edits: [insertLinesAfter(policy, last, ['::/0 40 1'])] },
      });
      return;
    }
    for (const kind of ['label', 'precedence'] as const) {
      const lines = policy.entries.filter(isGaiTableEntry).filter((e) => e.kind === kind);
      if (lines.length === 0 || lines.some((e) => e.prefix.length === 0)) continue;
      const value = kind === 'label' ? 1 : 40;
      context.report({
        message: `The ${kind} table has no /0 row, so glibc appends \`${kind} ::/0 ${value}\` behind the scenes. Write it out, so the file says what happens (FreeBSD would not add it).`,
        span: lines[0]!.span,
        severity: 'info',
        fix: { safety: 'safe', description: `add ${kind} ::/0 ${value}`, edits: [insertLinesAfter(policy, lines[lines.length - 1]!, [`${kind} ::/0 ${value}`])] },
      });
    }
  },
};
