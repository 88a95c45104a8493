// Renamed rules: old id -> current id. A config or a disable comment that names an old id
// keeps working (it means the current rule), so renaming a rule breaks no one's files.
// When a rule is renamed, add its old id here; `policylint rules` and the docs show the new one.
export const RULE_ALIASES: Readonly<Record<string, string>> = {
  // Judged by impact, a missing ::ffff:0:0/96 row is one missing stock row among others (0.2.0).
  'missing-ipv4-mapped': 'missing-stock-row',
};

/** The current id of `id` (itself when it was never renamed). */
export function canonicalRuleId(id: string, aliases: Readonly<Record<string, string>> = RULE_ALIASES): string {
  return Object.hasOwn(aliases, id) ? aliases[id]! : id;
}
