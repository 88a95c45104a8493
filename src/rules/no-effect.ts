// A file that changes nothing: every scenario of the catalogue comes out as under the
// platform's default table, though the file writes rows of its own. Info only: nothing
// breaks, but the file is not doing what its author thought it does. (Stock tables, and
// files whose goal goal-defeated judges, are not reported.)
import type { Rule } from './rule.js';
import { changes } from '../impact/policy-impact.js';
import { impactOf } from './support/impact.js';
import { isStockRow } from './support/stock-rows.js';
import { valueLines } from './support/value-lines.js';

export const rule: Rule = {
  meta: {
    id: 'no-effect',
    defaultSeverity: 'info',
    description: "A policy file whose rows change no realistic host's order or sources against the platform's default table.",
    fixable: 'no',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const lines = valueLines(context.policy);
    if (lines.length === 0 || lines.every(isStockRow)) return;
    const setup = impactOf(context);
    if (setup.goals.preferIPv4 || setup.goals.preferIPv6) return;
    if (changes(setup, setup.baseline, context.table).length > 0) return;
    const custom = lines.filter((l) => !isStockRow(l));
    context.report({
      message: `This file's ${custom.length} row${custom.length === 1 ? '' : 's'} of its own change no order or source for any scenario policylint checks (\`policylint explain --scenarios\`): hosts behave as with ${setup.baselinePlatform}'s default table.`,
      span: custom[0]!.entry.span,
      details: { scenarios: setup.scenarios.length, baseline: setup.baselinePlatform },
    });
  },
};
