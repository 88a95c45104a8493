// One valid `label` line replaces glibc's whole default label table (and the same for
// `precedence` and `scopev4`, each on its own). List what that takes away.
import { formatIPv4, formatIPv6, maskOf, parseIPv6 } from '../model/address.js';
import { isGaiTableEntry, type GaiTableKind } from '../model/ast.js';
import { GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES, GLIBC_DEFAULT_SCOPEV4 } from '../model/builtin-tables.js';
import type { Rule } from './rule.js';
import { insertLinesAfter } from './support/line-edits.js';

const DEFAULTS: Record<GaiTableKind, readonly (readonly [string, number])[]> = {
  label: GLIBC_DEFAULT_LABELS,
  precedence: GLIBC_DEFAULT_PRECEDENCES,
  scopev4: GLIBC_DEFAULT_SCOPEV4,
};

/** How a default row is written back in gai.conf (scopev4 rows in their IPv4 form). */
function lineFor(kind: GaiTableKind, prefix: string, value: number): string {
  if (kind !== 'scopev4') return `${kind} ${prefix} ${value}`;
  const [a, l] = prefix.split('/');
  return `scopev4 ${formatIPv4(Number(parseIPv6(a!)! & 0xffffffffn))}/${Number(l) - 96} ${value}`;
}

export const rule: Rule = {
  meta: {
    id: 'partial-table',
    defaultSeverity: 'warning',
    description: 'A gai.conf label, precedence or scopev4 table that drops glibc default rows it does not restate.',
    fixable: 'unsafe',
    dialects: ['gai'],
    phase: 'policy',
  },
  check(context) {
    const { policy, table } = context;
    for (const kind of ['label', 'precedence', 'scopev4'] as const) {
      const lines = policy.entries.filter(isGaiTableEntry).filter((e) => e.kind === kind);
      if (lines.length === 0) continue;
      const fileTable = kind === 'label' ? table.labels : kind === 'precedence' ? table.precedences : table.scopev4!;
      const lost: string[] = [];
      const restore: string[] = [];
      const restated = new Set(lines.map((e) => `${e.prefix.address & maskOf(e.prefix.length)}/${e.prefix.length}`));
      for (const [prefix, value] of DEFAULTS[kind]) {
        const [address, length] = prefix.split('/');
        const base = parseIPv6(address!)!;
        // A default the file restates with another value is a deliberate change, not a loss.
        if (restated.has(`${base}/${length}`)) continue;
        const now = fileTable.match(base)?.value;
        if (now === value) continue;
        const shown = kind === 'scopev4' ? `${formatIPv4(Number(base & 0xffffffffn))}/${Number(length) - 96}` : `${formatIPv6(base)}/${length}`;
        lost.push(`${shown} (${value}, now ${now})`);
        restore.push(lineFor(kind, prefix, value));
      }
      if (lost.length === 0) continue;
      const n = lines.length;
      context.report({
        message:
          `${n === 1 ? 'This' : `These ${n}`} \`${kind}\` line${n === 1 ? '' : 's'} replace${n === 1 ? 's' : ''} glibc's whole default ${kind} table, so these defaults are gone: ${lost.join(', ')}` +
          `${kind === 'scopev4' ? '' : ' (with the implicit ::/0 row glibc adds)'}. ` +
          `Restate the defaults you still want (\`policylint defaults --platform glibc --to gai\` prints them).`,
        span: lines[0]!.span,
        fix: { safety: 'unsafe', description: `restore ${restore.length} glibc default ${kind} row(s)`, edits: [insertLinesAfter(policy, lines[lines.length - 1]!, restore)] },
      });
    }
  },
};
