// Unsafe fixes made only when they may be offered (rule.ts LaterFix, lint/prove-fix.ts): a
// later fix gives exactly the finding an eager one does, and one past the proof budget is
// withheld without being made (issue 13: 130k fixes were built only to be withheld).
import { readPolicy } from '../src/dialects/registry.js';
import { runPolicyRule } from '../src/lint/lint.js';
import { PROOF_LINE_BUDGET, withProvenFixes, type FixProver } from '../src/lint/prove-fix.js';
import { DEFAULT_CONFIG } from '../src/model/config.js';
import { effectiveTable } from '../src/model/effective-table.js';
import { RULES_BY_ID } from '../src/rules/catalog.js';
import type { Diagnostic } from '../src/rules/diagnostic.js';

// A site ULA row whose label differs from the GUAs' (ula-gua-label-mismatch) and whose
// precedence is below IPv4's (ula-below-ipv4): both rules report it with a later fix.
const TEXT = '::1/128 50 0\n::/0 40 1\n::ffff:0:0/96 35 4\nfd12:3456:789a::/48 10 13\n2001:db8:100::/40 40 1\n';

function findings(ruleId: 'ula-gua-label-mismatch' | 'ula-below-ipv4') {
  const policy = readPolicy('ip6addrctl', TEXT).policy;
  const table = effectiveTable(policy);
  const found = runPolicyRule(RULES_BY_ID.get(ruleId)!, policy, DEFAULT_CONFIG, table);
  const prover: FixProver = {
    read: (t) => readPolicy('ip6addrctl', t).policy,
    count: (p) => runPolicyRule(RULES_BY_ID.get(ruleId)!, p, DEFAULT_CONFIG).length,
  };
  return { policy, table, found, prover };
}

/** The same finding with its later fix made up front, as an eager fix. */
function eager(d: Diagnostic): Diagnostic {
  const made = d.fixLater!();
  const { fixLater: _, ...rest } = d;
  return { ...rest, fix: made.fix, ...((made.fixAdvice ?? d.fixAdvice) ? { fixAdvice: made.fixAdvice ?? d.fixAdvice } : {}) };
}

describe.each(['ula-gua-label-mismatch', 'ula-below-ipv4'] as const)('%s', (ruleId) => {
  test('a later fix proves and reads exactly as the same fix made up front', () => {
    const { policy, table, found, prover } = findings(ruleId);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.fixLater !== undefined && d.fix === undefined)).toBe(true);
    const later = withProvenFixes(policy, table, DEFAULT_CONFIG, found, prover);
    const now = withProvenFixes(policy, table, DEFAULT_CONFIG, found.map(eager), prover);
    expect(later).toEqual(now);
    // Proven and offered here: a small file has room for the proof.
    expect(later.some((d) => d.fix?.safety === 'unsafe')).toBe(true);
    expect(later.every((d) => d.fixLater === undefined)).toBe(true);
  });

  test('past the proof budget the fix is withheld and never made', () => {
    const { policy, table, found, prover } = findings(ruleId);
    let made = 0;
    const counted = found.map((d) => ({
      ...d,
      fixLater: () => {
        made++;
        return d.fixLater!();
      },
    }));
    const big = { ...policy, lineCount: PROOF_LINE_BUDGET + 1 };
    const out = withProvenFixes(big, table, DEFAULT_CONFIG, counted, prover);
    expect(made).toBe(0);
    for (const d of out) {
      expect(d.fix).toBeUndefined();
      expect(d.message).toMatch(/ No automatic fix: too many fixes to prove in one file; fix the first ones and run again\.$/);
      expect((d.details as { fixWithheld?: string }).fixWithheld).toBe('too many fixes to prove in one file; fix the first ones and run again');
    }
  });
});
