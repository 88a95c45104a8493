// One valid `label` line replaces glibc's whole default label table (and the same for
// `precedence` and `scopev4`, each on its own). Judged by impact: reported only where the
// rows it takes away change what a realistic host tries first, compared with glibc's
// defaults, and restoring them undoes that (src/impact/attribution.ts). A loss that
// changes no scenario, or only serves the file's goal (IPv4 at 100 takes ::1 down too), is
// not a finding.
import { formatIPv4, prefixText } from '../model/address.js';
import { isGaiTableEntry } from '../model/ast.js';
import { worst } from '../impact/changes.js';
import type { DefaultRow } from '../impact/counterfactual-tables.js';
import { lookup } from '../model/effective-table.js';
import type { Rule } from './rule.js';
import { checkGoal } from './support/goals.js';
import { insertLinesAfter } from './support/line-edits.js';
import { claimsOf, headline, impactDetails } from './support/impact.js';

/** How a default row is written in gai.conf (scopev4 rows in their IPv4 form). */
export function gaiLineFor(row: DefaultRow): string {
  if (row.kind !== 'scopev4') return `${row.kind} ${prefixText(row)} ${row.value}`;
  return `scopev4 ${formatIPv4(Number(row.prefix & 0xffffffffn))}/${row.length - 96} ${row.value}`;
}

export const rule: Rule = {
  meta: {
    id: 'partial-table',
    defaultSeverity: 'warning',
    description: 'A gai.conf label, precedence or scopev4 table whose dropped glibc defaults change what a realistic host tries first.',
    fixable: 'unsafe',
    dialects: ['gai'],
    phase: 'policy',
  },
  check(context) {
    const { policy, table } = context;
    // goal-defeated already says what a precedence table that ties IPv4 with IPv6 does.
    const defeated = checkGoal(context)?.defeated === true;
    for (const { cause, changes } of claimsOf(context, 'partial-table')) {
      if (cause.kind !== 'table-loss' || (defeated && cause.table === 'precedence')) continue;
      const kind = cause.table;
      const lines = policy.entries.filter(isGaiTableEntry).filter((e) => e.kind === kind);
      const now = (row: DefaultRow) => {
        const v =
          kind === 'scopev4'
            ? table.scopev4?.match(row.prefix)?.value
            : kind === 'label'
              ? lookup(table, row.prefix).label
              : lookup(table, row.prefix).precedence;
        return `${gaiLineFor(row).slice(kind.length + 1)} (now ${v})`;
      };
      const n = lines.length;
      const restore = cause.restore.map(gaiLineFor);
      context.report({
        message:
          `${n === 1 ? 'This' : `These ${n}`} \`${kind}\` line${n === 1 ? '' : 's'} replace${n === 1 ? 's' : ''} glibc's default ${kind} table, dropping ${cause.restore.map(now).join(', ')}: ` +
          `${headline(changes)}.`,
        fixAdvice: `Restate ${restore.length === 1 ? `\`${restore[0]}\`` : 'those rows'}.`,
        span: lines[0]!.span,
        severity: worst(changes.map((c) => c.severity)) ?? 'warning',
        details: impactDetails(changes, { lost: cause.lost.map(gaiLineFor), restore }),
        fix: {
          safety: 'unsafe',
          description: `restore ${restore.length} glibc default ${kind} row${restore.length === 1 ? '' : 's'}`,
          edits: [insertLinesAfter(policy, lines[lines.length - 1]!, restore)],
        },
      });
    }
  },
};
