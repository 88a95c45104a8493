// A row whose addresses would get the same values from the row that covers it: removing
// it changes nothing for any address (its addresses fall to that covering row).
import { isRow } from '../model/ast.js';
import type { Rule } from './rule.js';
import { prefixText } from '../model/address.js';
import { valueLines } from './support/value-lines.js';
import { wholeLineRange } from './support/line-edits.js';

export const rule: Rule = {
  meta: {
    id: 'redundant-entry',
    defaultSeverity: 'warning',
    description: 'A row identical in effect to the row that covers it.',
    fixable: 'safe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const { policy, table } = context;
    const seen = new Set<string>();
    for (const line of valueLines(policy)) {
      const key = `${line.label === undefined}|${line.prefix}/${line.length}`;
      if (seen.has(key)) continue; // a later duplicate: duplicate-prefix reports it
      seen.add(key);
      const tables = isRow(line.entry) ? [table.labels, table.precedences] : [line.label !== undefined ? table.labels : table.precedences];
      const own = tables.map((t) => t.exact(line.prefix, line.length));
      // Only a row that itself takes effect (the first of its prefix) can be redundant.
      if (own.some((row) => !row || row.origin !== 'file' || row.index !== own[0]!.index)) continue;
      const parents = tables.map((t, i) => t.parentOf(own[i]!));
      if (parents.some((p) => !p)) continue;
      if (!parents.every((p, i) => p!.value === own[i]!.value)) continue;
      context.report({
        message: `${prefixText(line)} gives the same ${isRow(line.entry) ? 'precedence and label' : line.label !== undefined ? 'label' : 'precedence'} as the row that covers it, ${prefixText(parents[0]!)}: removing it changes nothing. Remove it, or give it the values you meant.`,
        span: line.entry.span,
        fix: { safety: 'safe', description: 'remove the redundant row', edits: [{ ...wholeLineRange(policy, line.entry), text: '' }] },
      });
    }
  },
};
