// Fixes are proven by the machinery that found the problem: a fix is offered only if the
// fixed policy, read again and simulated over the same scenarios, no longer has the finding
// and changes nothing else for the worse (docs/impact.md). A safe fix must change no
// scenario at all. A fix that fails keeps its finding but loses the fix, and the details
// say why.
import type { Policy } from '../model/ast.js';
import type { ResolvedConfig } from '../model/config.js';
import type { Fix } from '../model/diagnostic.js';
import type { Diagnostic } from '../rules/diagnostic.js';
import { effectiveTable, type EffectiveTable } from '../model/effective-table.js';
import { changes } from '../impact/policy-impact.js';
import { impactOf } from '../rules/support/impact.js';
import type { RuleContext } from '../rules/rule.js';
import { flat } from './fit-message.js';

/** Beyond this many lines, safe fixes are trusted (the property tests prove them) rather than re-simulated one by one. */
export const MAX_PROVEN_SAFE_FIX_LINES = 500;
/**
 * Each proof reads the fixed file again: proofs x lines stays under this, so a 500k-line
 * table costs one proof, not one per finding. Unsafe fixes past the budget are withheld
 * (an unproven fix is never offered).
 */
export const PROOF_LINE_BUDGET = 20_000;
/** And at most this many unsafe fixes are proven in one file (each re-runs its rule on the fixed file). */
export const MAX_PROOFS = 24;

export interface FixProver {
  /** The policy a fixed text reads as. */
  readonly read: (text: string) => Policy;
  /** How many findings one rule reports on a policy. */
  readonly count: (policy: Policy, ruleId: string) => number;
}

function applyOne(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Scenario keys a finding is about (its details.impacts), which its fix may change back. */
function ownScenarios(d: Diagnostic): Set<string> {
  const impacts = (d.details as { impacts?: { scenario: { host: string; destinations: string } }[] } | undefined)?.impacts ?? [];
  return new Set(impacts.map((i) => `${i.scenario.host}|${i.scenario.destinations}`));
}

/** Why the fix must not be offered, or null when it is proven. */
export function disproveFix(policy: Policy, table: EffectiveTable, config: ResolvedConfig, d: Diagnostic, prover: FixProver): string | null {
  const fix = d.fix!;
  const fixed = prover.read(applyOne(policy.source, fix));
  const fixedTable = effectiveTable(fixed);
  const setup = impactOf({ policy, table, config, report: () => undefined } satisfies RuleContext);
  const diff = changes(setup, table, fixedTable);
  if (fix.safety === 'safe') {
    return diff.length === 0 ? null : `a safe fix must change nothing, but it would change ${diff.length} scenario(s)`;
  }
  const own = ownScenarios(d);
  if (own.size > 0) {
    // A finding with impacts is gone when each of its scenarios either comes out differently
    // now, or was worse off than the baseline and no longer is.
    const mine = setup.scenarios.flatMap((s, i) => (own.has(`${s.host.id}|${s.set.id}`) ? [i] : []));
    const harmful = (t: EffectiveTable) =>
      new Set(
        changes(setup, setup.baseline, t, mine)
          .filter((c) => c.severity === 'warning' || c.severity === 'error')
          .map((c) => c.index),
      );
    const was = harmful(table);
    const still = harmful(fixedTable);
    const moved = new Set(changes(setup, table, fixedTable, mine).map((c) => c.index));
    if (mine.some((i) => !moved.has(i) && !(was.has(i) && !still.has(i)))) return 'the fixed file still has the finding';
  } else if (prover.count(fixed, d.ruleId) >= prover.count(policy, d.ruleId)) return 'the fixed file still has the finding';
  // Harm: a scenario the finding is not about that gets worse. Going back to the default's
  // behaviour is harm only where the file made that scenario better on purpose (a ULA or
  // prefer-IPv6 goal): undoing that would re-create the very problem the file fixed, e.g.
  // the ULA/GUA label mismatch; undoing an accident of a wiped table is what the fix is for.
  const candidates = diff.filter((c) => (c.severity === 'warning' || c.severity === 'error') && !own.has(`${c.scenario.host.id}|${c.scenario.set.id}`));
  const index = candidates.map((c) => c.index);
  const offBaseline = new Set(changes(setup, setup.baseline, fixedTable, index).map((c) => c.index));
  const deliberate = new Set(
    changes(setup, setup.baseline, table, index)
      .filter((c) => ['ipv6-first', 'ula-to-global-first', 'tunnel-first'].includes(c.kind) && (setup.goals.ulaToGua || setup.goals.preferIPv6))
      .map((c) => c.index),
  );
  const harm = candidates.filter((c) => offBaseline.has(c.index) || deliberate.has(c.index));
  if (harm.length === 0) return null;
  const h = harm[0]!;
  const what =
    h.kind === 'ipv4-first' ? 'try IPv4 first' : h.kind === 'tie' ? 'leave the order to the resolver' : 'use a ULA or tunnel source towards the internet';
  return `it would make ${h.scenario.host.name} ${what} for ${h.scenario.set.name}`;
}

/** The findings, with every fix that fails its proof taken away (and the reason in details). */
export function withProvenFixes(
  policy: Policy,
  table: EffectiveTable,
  config: ResolvedConfig,
  findings: readonly Diagnostic[],
  prover: FixProver,
): Diagnostic[] {
  let budget = PROOF_LINE_BUDGET;
  let proofs = 0;
  // How many findings each rule has before any fix, counted once per rule.
  const before = new Map<string, number>();
  const counting: FixProver = {
    read: prover.read,
    count: (p, id) => {
      if (p !== policy) return prover.count(p, id);
      if (!before.has(id)) before.set(id, prover.count(p, id));
      return before.get(id)!;
    },
  };
  return findings.map((found) => {
    const needsProof =
      found.fixLater !== undefined || (found.fix !== undefined && !(found.fix.safety === 'safe' && policy.lineCount > MAX_PROVEN_SAFE_FIX_LINES));
    if (needsProof && (budget < Math.max(policy.lineCount, 1) || proofs >= MAX_PROOFS))
      return withAdvice(withheld(found, 'too many fixes to prove in one file; fix the first ones and run again'));
    if (needsProof) {
      budget -= Math.max(policy.lineCount, 1);
      proofs++;
    }
    return withAdvice(proven(policy, table, config, madeFix(found), counting));
  });
}

/** The finding with its later fix made (rule.ts LaterFix), in the fields an eager fix has. */
function madeFix(d: Diagnostic): Diagnostic {
  if (!d.fixLater) return d;
  const made = d.fixLater();
  const out: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { ruleId: d.ruleId, severity: d.severity, message: d.message, span: d.span, fix: made.fix };
  if (d.details !== undefined) out.details = d.details;
  const advice = made.fixAdvice ?? d.fixAdvice;
  if (advice !== undefined) out.fixAdvice = flat(advice);
  return out;
}

// The findings are rebuilt field by field, not by rest and spread: a large table has 130k
// (issue 13). A Diagnostic has no other fields.
function withheld(d: Diagnostic, why: string): Diagnostic {
  const details = typeof d.details === 'object' && d.details !== null ? d.details : {};
  return { ruleId: d.ruleId, severity: d.severity, message: `${d.message} No automatic fix: ${why}.`, span: d.span, details: { ...details, fixWithheld: why } };
}

/** A proven fix's advice joins the message; a withheld one's gave way to the reason. */
function withAdvice(d: Diagnostic): Diagnostic {
  if (d.fixAdvice === undefined) return d;
  const out: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    ruleId: d.ruleId,
    severity: d.severity,
    message: `${d.message} ${d.fixAdvice}`,
    span: d.span,
  };
  if (d.fix) out.fix = d.fix;
  if (d.details !== undefined) out.details = d.details;
  return out;
}

function proven(policy: Policy, table: EffectiveTable, config: ResolvedConfig, d: Diagnostic, prover: FixProver): Diagnostic {
  if (!d.fix) return d;
  if (d.fix.safety === 'safe' && policy.lineCount > MAX_PROVEN_SAFE_FIX_LINES) return d;
  const why = disproveFix(policy, table, config, d, prover);
  return why ? withheld(d, why) : d;
}
