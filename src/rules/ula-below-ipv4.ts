// With labels matching on both pairs (rule 5 ties), precedence decides (rule 6): a ULA
// destination below IPv4 loses to IPv4, so ULA-connected hosts reach each other over IPv4.
// RFC 6724's table does this on purpose (fc00::/7 3 under IPv4's 35); glibc's own default
// gives ULA 40, so RFC 6724's values pasted into gai.conf move internal names to IPv4.
// Reported where a ULA line causes that against the default, or where the file shows ULA
// intent (site prefixes, a raised ULA precedence) and still leaves ULA below IPv4.
import { formatAnyAddress, formatIPv4, prefixText } from '../model/address.js';
import { isRow } from '../model/ast.js';
import { lookup } from '../model/effective-table.js';
import { exampleAddress } from '../model/address-spaces.js';
import type { LaterFix, Rule } from './rule.js';
import type { Fix } from '../model/diagnostic.js';
import { claimsOf, headline, impactDetails, impactOf } from './support/impact.js';
import { lineText } from './support/line-claims.js';
import { EXAMPLE_V4_DEST, ulaIntent, ulaValues } from './support/ula-intent.js';
import { valueLineOf } from './support/value-lines.js';
import { worst } from '../impact/changes.js';
import { outcome } from '../impact/policy-impact.js';
import { isIPv4Text } from '../impact/scenario-catalogue.js';

export const rule: Rule = {
  meta: {
    id: 'ula-below-ipv4',
    defaultSeverity: 'warning',
    description: 'ULA destinations ranked below IPv4, so hosts that share a ULA prefix reach each other over IPv4.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const { table, policy } = context;
    const v4 = lookup(table, EXAMPLE_V4_DEST);
    const wanted = Math.max(v4.precedence + 1, 45);
    // The fix on the entry's precedence, made only if it may be offered (rule.ts LaterFix).
    const raiseFix = (entry: (typeof policy.entries)[number] | undefined): { fixLater?: LaterFix } => {
      if (!entry || !(isRow(entry) || entry.kind === 'precedence')) return {};
      return {
        fixLater: () => {
          const node = isRow(entry) ? entry.precedence : entry.value;
          const fix: Fix = {
            safety: 'unsafe',
            description: `raise the precedence to ${wanted}`,
            edits: [{ start: node.span.start.offset, end: node.span.end.offset, text: String(wanted) }],
          };
          return { fix };
        },
      };
    };
    const reported = new Set<number>();
    const setup = impactOf(context);
    const base = setup.baselinePlatform;
    for (const { cause, changes } of claimsOf(context, 'ula-below-ipv4')) {
      if (cause.kind !== 'line') continue;
      const line = valueLineOf(cause.entry);
      reported.add(cause.entry.span.start.offset);
      context.report({
        message: `\`${lineText(line)}\` puts ULA destinations below IPv4 (${v4.precedence}), where ${base}'s default did not: ${headline(changes)}.`,
        fixAdvice: `Raise it above ${v4.precedence}, e.g. ${wanted}.`,
        span: cause.entry.span,
        severity: worst(changes.map((c) => c.severity)) ?? 'warning',
        details: impactDetails(changes),
        ...raiseFix(cause.entry),
      });
    }
    const intent = ulaIntent(context);
    if (!intent) return;
    // The symptom, for the details and the fix's proof: ULA hosts reaching ULA services over
    // IPv4. It is the same for every ULA row, so it is worked out once and every finding
    // shares it (per row, it made the rule quadratic at 500k rows; issue 13).
    let symptomDetails: ReturnType<typeof impactDetails> | undefined;
    const symptom = () => {
      if (!symptomDetails) {
        const list = setup.scenarios.flatMap((s, i) => {
          if (!s.host.id.startsWith('ula-v4') || !s.set.id.startsWith('ula-v4')) return [];
          const o = outcome(setup, table, i);
          return o.first !== null && isIPv4Text(o.first)
            ? [{ index: i, scenario: s, before: outcome(setup, setup.baseline, i), after: o, kind: 'ipv4-first' as const, severity: 'warning' as const }]
            : [];
        });
        symptomDetails = impactDetails(list, { intent: intent.source });
      }
      return symptomDetails;
    };
    const values = ulaValues(context, intent);
    // The same for every ULA row: made once (a large table has 100k of them).
    const fixAdvice = `Raise its precedence above ${v4.precedence}, e.g. ${wanted}.`;
    for (let k = 0; k < intent.ula.length; k++) {
      const ula = intent.ula[k]!;
      const d = values[k]!;
      if (d.precedence >= v4.precedence) continue;
      const destination = exampleAddress(ula);
      const anchor = ula.line?.entry ?? policy.entries[0];
      if (anchor && reported.has(anchor.span.start.offset)) continue;
      context.report({
        details: symptom(),
        message:
          `ULA destinations rank below IPv4 (rule 6): ${formatAnyAddress(destination, 6)} has precedence ${d.precedence}, IPv4 such as ${formatIPv4(0xc6336407)} has ${v4.precedence}, ` +
          `so hosts sharing ${prefixText(ula)} reach each other over IPv4.`,
        fixAdvice,
        span: anchor?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
        ...raiseFix(ula.line?.entry),
      });
    }
  },
};
