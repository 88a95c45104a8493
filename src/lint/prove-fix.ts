// Fixes are proven by the machinery that found the problem: a fix is offered only if the
// fixed policy, read again and simulated over the same scenarios, no longer has the finding
// and changes nothing else for the worse (docs/impact.md). A safe fix must change no
// scenario at all. A fix that fails keeps its finding but loses the fix, and the details
// say why.
import type { Policy } from '../model/ast.js';
import type { ResolvedConfig } from '../model/config.js';
import type { Fix } from '../model/diagnostic.js';
import type { Diagnostic } from '../rules/diagnostic.js';
import { effectiveTable } from '../model/effective-table.js';
import { changes } from '../impact/policy-impact.js';
import { impactOf } from '../rules/support/impact.js';
import type { RuleContext } from '../rules/rule.js';

/** Beyond this many lines, safe fixes are trusted (the property tests prove them) rather than re-simulated one by one. */
export const MAX_PROVEN_SAFE_FIX_LINES = 500;

export interface FixProver {
  /** The policy a fixed text reads as. */
  readonly read: (text: string) => Policy;
  /** The findings one rule reports on a policy. */
  readonly run: (policy: Policy, ruleId: string) => Diagnostic[];
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
export function disproveFix(policy: Policy, config: ResolvedConfig, d: Diagnostic, prover: FixProver): string | null {
  const fix = d.fix!;
  const fixed = prover.read(applyOne(policy.source, fix));
  const context: RuleContext = { policy, table: effectiveTable(policy), config, report: () => undefined };
  const setup = impactOf(context);
  const diff = changes(setup, context.table, effectiveTable(fixed));
  if (fix.safety === 'safe') {
    return diff.length === 0 ? null : `a safe fix must change nothing, but it would change ${diff.length} scenario(s)`;
  }
  const before = prover.run(policy, d.ruleId).length;
  if (prover.run(fixed, d.ruleId).length >= before) return 'the fixed file still has the finding';
  // Harm: a scenario the finding is not about that gets worse, even one that goes back to
  // the default's behaviour (a fix that undoes a file's deliberate improvement re-creates
  // the very problem the file fixed, e.g. a ULA label table put back).
  const own = ownScenarios(d);
  const harm = diff.filter((c) => (c.severity === 'warning' || c.severity === 'error') && !own.has(`${c.scenario.host.id}|${c.scenario.set.id}`));
  if (harm.length === 0) return null;
  const h = harm[0]!;
  const what = h.kind === 'ipv4-first' ? 'try IPv4 first' : h.kind === 'tie' ? 'leave the order to the resolver' : 'use a ULA or tunnel source towards the internet';
  return `it would make ${h.scenario.host.name} ${what} for ${h.scenario.set.name}`;
}

/** The findings, with every fix that fails its proof taken away (and the reason in details). */
export function withProvenFixes(policy: Policy, config: ResolvedConfig, findings: readonly Diagnostic[], prover: FixProver): Diagnostic[] {
  return findings.map((d) => withAdvice(proven(policy, config, d, prover)));
}

/** A proven fix's advice joins the message; a withheld one's gave way to the reason. */
function withAdvice(d: Diagnostic): Diagnostic {
  if (d.fixAdvice === undefined) return d;
  const { fixAdvice, ...rest } = d;
  return { ...rest, message: `${d.message} ${fixAdvice}` };
}

function proven(policy: Policy, config: ResolvedConfig, d: Diagnostic, prover: FixProver): Diagnostic {
  {
    if (!d.fix) return d;
    if (d.fix.safety === 'safe' && policy.lineCount > MAX_PROVEN_SAFE_FIX_LINES) return d;
    const why = disproveFix(policy, config, d, prover);
    if (!why) return d;
    const { fix: _withheld, fixAdvice: _advice, ...rest } = d;
    const details = typeof d.details === 'object' && d.details !== null ? d.details : {};
    return { ...rest, message: `${d.message} No automatic fix: ${why}.`, details: { ...details, fixWithheld: why } };
  }
}
