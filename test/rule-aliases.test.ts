// A renamed rule's old id keeps working in disable comments (configs: test/config.test.ts).
// No rule has been renamed yet, so these use a test-only alias map.
import { applyDirectives, parseDirectives } from '../src/lint/directives.js';
import { canonicalRuleId, RULE_ALIASES } from '../src/model/rule-aliases.js';
import { RULE_IDS } from '../src/rules/catalog.js';
import type { CommentNode } from '../src/model/ast.js';
import type { Diagnostic } from '../src/rules/diagnostic.js';

const ALIASES = { 'old-partial-table': 'partial-table' };
const at = (line: number) => ({ start: { line, column: 1, offset: 0 }, end: { line, column: 2, offset: 1 } });
const comment = (text: string, line: number) => ({ text, span: at(line) }) as unknown as CommentNode;
const finding = (ruleId: string, line: number) => ({ ruleId, severity: 'warning', message: 'm', span: at(line) }) as unknown as Diagnostic;

test('every alias points at a rule that exists, and none shadows one', () => {
  for (const [old, id] of Object.entries(RULE_ALIASES)) {
    expect((RULE_IDS as ReadonlySet<string>).has(id)).toBe(true);
    expect((RULE_IDS as ReadonlySet<string>).has(old)).toBe(false);
  }
  expect(canonicalRuleId('partial-table', ALIASES)).toBe('partial-table');
  expect(canonicalRuleId('old-partial-table', ALIASES)).toBe('partial-table');
});

test('a disable comment naming the old id disables the rule, and is not reported as unused', () => {
  const directives = parseDirectives([comment('# policylint-disable-next-line old-partial-table -- legacy', 1)], ALIASES);
  expect(applyDirectives([finding('partial-table', 2), finding('partial-table', 5)], directives).map((d) => [d.ruleId, d.span.start.line])).toEqual([
    ['partial-table', 5],
  ]);
});

test('without the alias the old id is an unknown rule (the map is what makes it work)', () => {
  const kept = applyDirectives([finding('partial-table', 2)], parseDirectives([comment('# policylint-disable-next-line old-partial-table', 1)], {}));
  expect(kept.map((d) => d.ruleId).sort()).toEqual(['partial-table', 'unused-disable']);
});
