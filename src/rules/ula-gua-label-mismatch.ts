// The flagship. RFC 6724 rule 5 ("prefer matching label") is decided before rule 6
// (precedence). A host with a ULA source reaching a global destination fails rule 5
// when Label(ULA) != Label(GUA), while its IPv4 pair matches (both ::ffff:0:0/96), so
// IPv4 is tried first whatever the precedences: raising the ULA precedence alone does
// not help; the labels must match.
import { formatAnyAddress, formatIPv4 } from '../model/address.js';
import { isGaiTableEntry, isRow, type Policy } from '../model/ast.js';
import type { Fix } from '../model/diagnostic.js';
import { labelsOf, lookup, type EffectiveTable, type PolicyValues } from '../model/effective-table.js';
import { GLIBC_DEFAULT_LABELS } from '../model/builtin-tables.js';
import { commonPrefixLength } from '../simulate/host.js';
import { simulate, type SimulationStep } from '../simulate/simulate.js';
import type { Rule } from './rule.js';
import { exampleAddress } from '../model/address-spaces.js';
import { prefixText } from '../model/address.js';
import { EXAMPLE_V4_DEST, EXAMPLE_V4_SOURCE, GENERIC_GUA, platformName, ulaIntent, ulaValues, type SitePrefixRef } from './support/ula-intent.js';

export const rule: Rule = {
  meta: {
    id: 'ula-gua-label-mismatch',
    defaultSeverity: 'warning',
    description: 'ULA sources and global destinations carry different labels, so RFC 6724 rule 5 makes IPv4 win.',
    fixable: 'unsafe',
    dialects: ['ip6addrctl', 'gai'],
    phase: 'policy',
  },
  check(context) {
    const intent = ulaIntent(context);
    if (!intent) return;
    const { table, policy } = context;
    const v4s = lookup(table, EXAMPLE_V4_SOURCE);
    const v4d = lookup(table, EXAMPLE_V4_DEST);
    if (v4s.label !== v4d.label) return; // the IPv4 pair fails rule 5 too: rule 6 decides, not this rule
    const guas: SitePrefixRef[] = intent.gua.length > 0 ? [...intent.gua] : [GENERIC_GUA];
    // Each GUA's label once, and how many GUAs carry each label: a ULA's mismatches are then
    // counted in O(1) instead of looking every GUA up again for every ULA.
    const guaLabels = labelsOf(table, guas.map(exampleAddress));
    const perLabel = new Map<number, number>();
    for (const l of guaLabels) perLabel.set(l, (perLabel.get(l) ?? 0) + 1);
    const firstOther = guaLabels.findIndex((l) => l !== guaLabels[0]);
    const reported = new Set<number>();
    const simulations = new ExampleSimulations();
    const platform = policy.dialect === 'gai' ? 'glibc' : 'freebsd';
    const v4Text = formatIPv4(0xc6336407);
    const systemName = platformName(context);
    // A ULA is compared with the first GUA or the first of another label: two destinations
    // at most, each looked up and formatted once (a large table has 100k ULA rows).
    const destinations = new Map<number, { readonly address: bigint; readonly text: string; readonly values: PolicyValues }>();
    const destinationAt = (index: number) => {
      let known = destinations.get(index);
      if (!known) {
        const address = exampleAddress(guas[index]!);
        destinations.set(index, (known = { address, text: formatAnyAddress(address, 6), values: lookup(table, address) }));
      }
      return known;
    };
    const ulaValuesAt = ulaValues(context, intent);
    for (let k = 0; k < intent.ula.length; k++) {
      const ula = intent.ula[k]!;
      const s = ulaValuesAt[k]!;
      const mismatchCount = guas.length - (perLabel.get(s.label) ?? 0);
      if (mismatchCount === 0) continue;
      const source = exampleAddress(ula);
      const { address: destination, text: destinationText, values: d } = destinationAt(guaLabels[0] !== s.label ? 0 : firstOther);
      const sourceText = formatAnyAddress(source, 6);
      // Confirm with the RFC 6724 simulator: a ULA-only host with one IPv4 address, the
      // name resolving to the global address first and the IPv4 one second.
      const { first, rule: decidingRule, simulation } = simulations.get(platform, table, source, sourceText, s, destination, destinationText);
      if (first !== v4Text || decidingRule !== 5) continue;
      const anchor = ula.line?.entry ?? policy.entries[0];
      const key = anchor ? anchor.span.start.offset : -1;
      if (reported.has(key)) continue;
      reported.add(key);
      const raised = intent.source === 'raised-precedence' && ula.line?.precedence !== undefined ? ` Raising it to ${ula.line.precedence} does not help.` : '';
      const others = mismatchCount > 1 ? ` (and ${mismatchCount - 1} more global prefix${mismatchCount > 2 ? 'es' : ''})` : '';
      const ulaText = prefixText(ula);
      // No row covers the destination (an ip6addrctl.conf without ::/0): it has no label,
      // so no label for the ULA can match it, and "label -1" is not a value a file may write.
      // Else the fix, made only if it may be offered.
      const label = d.label;
      const fixLater =
        label < 0
          ? undefined
          : () => {
              const made = labelFix(policy, ula, ulaText, label, table);
              return { fix: made.fix, fixAdvice: `Give ${ulaText} label ${label}: ${made.suggestion}.` };
            };
      const message =
        `Rule 5: a ${sourceText}+IPv4 host reaching ${destinationText}${others} fails the label match (${s.label} vs ${d.label}) while IPv4 matches (${v4s.label}), ` +
        `so ${systemName} tries ${v4Text} first whatever the precedences.${raised}`;
      const span = anchor?.span ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
      context.report({
        message,
        span,
        ...(intent.source === 'config' ? { severity: 'error' as const } : {}),
        details: {
          intent: intent.source,
          ula: ulaText,
          destination: destinationText,
          // The message's "(and N more global prefixes)", which a long message drops (fit-message.ts).
          mismatchedGlobalPrefixes: mismatchCount,
          simulation,
        },
        ...(fixLater ? { fixLater } : { fixAdvice: `No row covers ${destinationText}: add a \`::/0\` row, then give ${ulaText} its label.` }),
      });
    }
  },
};

interface ExampleSimulation {
  readonly order: string[];
  readonly sources: Record<string, string | null>;
  readonly steps: SimulationStep[];
}

const ULA_TOP7 = 0x7en; // fc00::/7

/**
 * The rule's example simulations, one per distinct input the simulator reads (issue 13): a
 * large table has thousands of ULA rows, and the host `ULA/64 + 192.0.2.10/24` reaching
 * `destination, 198.51.100.7` depends on the ULA address only through its label and label-row
 * presence (both tables: the policy is FreeBSD's kernel table too; glibc's kernel labels are
 * Linux's built-in ones, one label for all of fc00::/7), its scope (global for all of
 * fc00::/7), and its common prefix with the destination (rules 8 and 9). Its precedence is
 * never read. So one simulation per (destination, label, label row, common prefix) is run,
 * and the others are the same simulation with the ULA address's text put in place of the
 * first one's. Only ULA sources whose text does not occur in the destination's are shared:
 * anything else is simulated on its own.
 */
export class ExampleSimulations {
  private readonly byInputs = new Map<string, { readonly sourceText: string; readonly simulation: ExampleSimulation }>();

  /** The simulation, and what the rule reads of it: the address tried first and the deciding rule (neither changes with re-labelling). */
  get(
    platform: 'glibc' | 'freebsd',
    table: EffectiveTable,
    source: bigint,
    sourceText: string,
    s: PolicyValues,
    destination: bigint,
    destinationText: string,
  ): { readonly first: string | undefined; readonly rule: number | null | undefined; readonly simulation: ExampleSimulation } {
    const verdict = (simulation: ExampleSimulation) => ({ first: simulation.order[0], rule: simulation.steps[0]?.rule, simulation });
    const run = (): ExampleSimulation => {
      const sim = simulate({ platform, table, sources: [`${sourceText}/64`, '192.0.2.10/24'], destinations: [destinationText, formatIPv4(0xc6336407)] });
      return { order: sim.order, sources: sim.sources, steps: sim.steps };
    };
    if (source >> 121n !== ULA_TOP7 || destinationText.includes(sourceText)) return verdict(run());
    const key = `${destinationText} ${s.label} ${s.labelRow !== undefined} ${commonPrefixLength(source, destination)}`;
    const known = this.byInputs.get(key);
    if (!known) {
      const simulation = run();
      this.byInputs.set(key, { sourceText, simulation });
      return verdict(simulation);
    }
    if (known.sourceText === sourceText) return verdict(known.simulation);
    return { ...verdict(known.simulation), simulation: new RelabelledSimulation(known.simulation, known.sourceText, sourceText) };
  }
}

/**
 * A shared simulation with another ULA address's text put in place of the first one's,
 * worked out only when read (the JSON output reads it; stylish never does): a large table
 * has ~100k of these findings, and their strings were 2 KB each (issue 13).
 */
class RelabelledSimulation implements ExampleSimulation {
  private made: ExampleSimulation | undefined;

  constructor(
    private readonly known: ExampleSimulation,
    private readonly from: string,
    private readonly to: string,
  ) {}

  private relabelled(): ExampleSimulation {
    if (!this.made) {
      const put = (text: string): string => text.split(this.from).join(this.to);
      const sources: Record<string, string | null> = {};
      for (const [d, src] of Object.entries(this.known.sources)) sources[put(d)] = src === null ? null : put(src);
      this.made = {
        order: this.known.order.map(put),
        sources,
        steps: this.known.steps.map((step) => ({ a: put(step.a), b: put(step.b), rule: step.rule, reason: put(step.reason) })),
      };
    }
    return this.made;
  }

  get order(): string[] {
    return this.relabelled().order;
  }

  get sources(): Record<string, string | null> {
    return this.relabelled().sources;
  }

  get steps(): SimulationStep[] {
    return this.relabelled().steps;
  }

  toJSON(): ExampleSimulation {
    return this.relabelled();
  }
}

/**
 * The fix, in the file's own dialect and prefixes, and the same text as a suggestion: change
 * the ULA line's label; else add a line. A gai.conf without label lines gets glibc's whole
 * default label table with the ULA's label changed, since one `label` line alone would
 * replace that table.
 */
function labelFix(policy: Policy, ula: SitePrefixRef, prefix: string, label: number, table: EffectiveTable): { suggestion: string; fix: Fix } {
  const entry = ula.line?.entry;
  const node = entry && (isRow(entry) ? entry.label : entry.kind === 'label' ? entry.value : undefined);
  if (entry && node) {
    const text = isRow(entry) ? `\`${entry.prefix.text} ${entry.precedence.text} ${label}\`` : `\`label ${entry.prefix.text} ${label}\``;
    return {
      suggestion: text,
      fix: {
        safety: 'unsafe',
        description: `give ${prefix} label ${label}`,
        edits: [{ start: node.span.start.offset, end: node.span.end.offset, text: String(label) }],
      },
    };
  }
  const end = { start: policy.source.length, end: policy.source.length };
  const sep = policy.source === '' || policy.source.endsWith('\n') ? '' : policy.eol;
  if (policy.dialect === 'ip6addrctl') {
    const line = `${prefix} ${Math.max(lookup(table, exampleAddress(ula)).precedence, 45)} ${label}`;
    return { suggestion: `\`${line}\``, fix: { safety: 'unsafe', description: `add ${line}`, edits: [{ ...end, text: `${sep}${line}${policy.eol}` }] } };
  }
  const hasLabels = policy.entries.some((e) => isGaiTableEntry(e) && e.kind === 'label');
  const own = `label ${prefix} ${label}`;
  // glibc's default label table with the ULA's row changed (or added): a second row for
  // the same prefix would lose to the first.
  const defaults = GLIBC_DEFAULT_LABELS.map(([p, v]) => (p === prefix ? `label ${p} ${label}` : `label ${p} ${v}`));
  const lines = hasLabels ? [own] : GLIBC_DEFAULT_LABELS.some(([p]) => p === prefix) ? defaults : [...defaults, own];
  return {
    suggestion: hasLabels ? `\`${own}\`` : `\`${own}\` in a full label table`,
    fix: {
      safety: 'unsafe',
      description: hasLabels ? `add ${own}` : `write glibc's label table with ${own}`,
      edits: [{ ...end, text: sep + lines.map((l) => l + policy.eol).join('') }],
    },
  };
}
