// ESLint's RuleTester, for policylint: each case is a file text, and the rule under test runs
// ALONE (a reader-phase rule: the reader runs and only that rule's findings are kept; a
// policy rule: only its check; a source rule: only its source check). A valid case must
// produce nothing from the rule; an invalid case exactly the listed messages, each with its
// full text (or an explicit RegExp) and its full span. An invalid case of a fixable rule must
// say what the fixes make of the text (`output`), or `output: null` for "no fix offered".
import type { Dialect } from '../../src/model/ast.js';
import { DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from '../../src/model/config.js';
import { readPolicy, type ConvertDialect } from '../../src/dialects/registry.js';
import { applyFixes, lintText, lintWithRule, runSourceRule } from '../../src/lint/lint.js';
import { RULE_IDS, ruleOf, type RuleId } from '../../src/rules/catalog.js';
import type { Diagnostic } from '../../src/rules/diagnostic.js';
import { renderFindings } from '../../src/rules/render-finding.js';

export interface ExpectedMessage {
  /** The whole message, or a RegExp it must match. */
  message: string | RegExp;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: 'error' | 'warning' | 'info';
}

interface CaseBase {
  code: string;
  /** gai or ip6addrctl; the readers convert uses (show, addrlabel, netsh, json) for their reader-phase rules. */
  dialect: ConvertDialect;
  config?: object;
  /** For invalid-utf8: the offset of the first bad byte, as the CLI passes it. */
  invalidUtf8At?: number;
}

export type ValidCase = CaseBase;

export interface InvalidCase extends CaseBase {
  errors: ExpectedMessage[];
  /** The text after applying this rule's fixes; null: the rule offers none here. Required for fixable rules. */
  output?: string | null;
}

function configOf(raw?: object): ResolvedConfig<RuleId> {
  return raw ? resolveConfig(raw, '<test config>', RULE_IDS) : DEFAULT_CONFIG;
}

/** What the rule alone reports on the case. */
export function runAlone(ruleId: RuleId, c: CaseBase): Diagnostic[] {
  const rule = ruleOf(ruleId);
  const config = configOf(c.config);
  if (rule.checkSource) return runSourceRule(rule, c.code, { ...c, dialect: c.dialect as Dialect });
  // The engine's own rules see the whole lint run: unused-disable needs the other rules' findings.
  if (ruleId === 'unused-disable' || ruleId === 'internal-error') {
    return lintText(c.code, { dialect: c.dialect as Dialect, config })
      .messages.filter((m) => m.ruleId === ruleId)
      .map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        span: { start: { line: m.line, column: m.column, offset: m.offset }, end: { line: m.endLine, column: m.endColumn, offset: m.endOffset } },
        ...(m.fix ? { fix: m.fix } : {}),
      }));
  }
  const read = readPolicy(c.dialect, c.code, config.glibcVersion ? { glibcVersion: config.glibcVersion } : {});
  if (rule.check) return lintWithRule(rule, c.code, c.dialect as Dialect, config);
  return renderFindings(read.findings).filter((d) => d.ruleId === ruleId);
}

export function runRuleTests(ruleId: RuleId, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const rule = ruleOf(ruleId);
  describe(ruleId, () => {
    test('has valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    cases.valid.forEach((c, i) => {
      test(`valid #${i + 1}`, () => {
        expect(runAlone(ruleId, c).map((d) => d.message)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      test(`invalid #${i + 1}`, () => {
        const got = runAlone(ruleId, c);
        const where = (d: Diagnostic) => ({ line: d.span.start.line, column: d.span.start.column, endLine: d.span.end.line, endColumn: d.span.end.column });
        expect(got.map(where)).toEqual(c.errors.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })));
        c.errors.forEach((e, k) => {
          const d = got[k]!;
          if (typeof e.message === 'string') expect(d.message).toBe(e.message);
          else expect(d.message).toMatch(e.message);
          if (e.severity) expect(d.severity).toBe(e.severity);
        });
        const fixes = got.flatMap((d) => (d.fix ? [d.fix] : []));
        if (rule.meta.fixable !== 'no' && c.output === undefined)
          throw new Error(`${ruleId} is fixable: invalid #${i + 1} needs \`output\` (null when no fix is offered)`);
        if (c.output === null) expect(fixes).toEqual([]);
        else if (c.output !== undefined) expect(applyFixes(c.code, fixes).output).toBe(c.output);
      });
    });
  });
}
