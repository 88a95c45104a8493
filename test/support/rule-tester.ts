// ESLint's RuleTester, for policylint: each case is a file text; `valid` cases must
// produce no message from the rule, `invalid` ones exactly the listed messages, with
// their spans (and the text after applying the rule's fixes, when given).
import type { Dialect } from '../../src/model/ast.js';
import { DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from '../../src/model/config.js';
import { applyFixes, lintText } from '../../src/lint/lint.js';
import { RULE_IDS } from '../../src/rules/catalog.js';

export interface ExpectedMessage {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: 'error' | 'warning' | 'info';
  /** Substrings the message must contain. */
  includes?: string[];
}

export interface InvalidCase {
  code: string;
  dialect: Dialect;
  errors: ExpectedMessage[];
  output?: string;
  config?: object;
}

export interface ValidCase {
  code: string;
  dialect: Dialect;
  config?: object;
}

function configOf(raw?: object): ResolvedConfig {
  return raw ? resolveConfig(raw, '<test config>', RULE_IDS) : DEFAULT_CONFIG;
}

export function runRuleTests(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    cases.valid.forEach((c, i) => {
      test(`valid #${i + 1}`, () => {
        const r = lintText(c.code, { dialect: c.dialect, config: configOf(c.config) });
        expect(r.messages.filter((m) => m.ruleId === ruleId)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      test(`invalid #${i + 1}`, () => {
        const r = lintText(c.code, { dialect: c.dialect, config: configOf(c.config) });
        const got = r.messages.filter((m) => m.ruleId === ruleId);
        expect(got.map((m) => ({ line: m.line, column: m.column }))).toEqual(c.errors.map((e) => ({ line: e.line, column: e.column })));
        c.errors.forEach((e, k) => {
          const m = got[k]!;
          if (e.endLine !== undefined) expect(m.endLine).toBe(e.endLine);
          if (e.endColumn !== undefined) expect(m.endColumn).toBe(e.endColumn);
          if (e.severity) expect(m.severity).toBe(e.severity);
          for (const s of e.includes ?? []) expect(m.message).toContain(s);
        });
        if (c.output !== undefined) {
          const fixes = got.filter((m) => m.fix).map((m) => m.fix!);
          expect(applyFixes(c.code, fixes).output).toBe(c.output);
        }
      });
    });
  });
}
