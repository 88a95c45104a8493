// The rule catalog: every rule, by stable id. RuleId is derived from it, so a rule exists
// once it has a module and a line here (and a test and a docs page: test/catalog.test.ts).
import { rule as byteOrderMark } from './byte-order-mark.js';
import { rule as crlfLineEnding } from './crlf-line-ending.js';
import { rule as deprecatedPrefix } from './deprecated-prefix.js';
import { rule as duplicatePrefix } from './duplicate-prefix.js';
import { rule as embeddedScopeId } from './embedded-scope-id.js';
import { rule as emptyPolicy } from './empty-policy.js';
import { rule as hostBitsSet } from './host-bits-set.js';
import { rule as ignoredText } from './ignored-text.js';
import { rule as interfaceLabel } from './interface-label.js';
import { rule as internalError } from './internal-error.js';
import { rule as invalidNumber } from './invalid-number.js';
import { rule as invalidUtf8 } from './invalid-utf8.js';
import { rule as ipv4CompatiblePrefix } from './ipv4-compatible-prefix.js';
import { rule as ipv4LiteralPrefix } from './ipv4-literal-prefix.js';
import { rule as jsonSchema } from './json-schema.js';
import { rule as keywordCase } from './keyword-case.js';
import { rule as labelSharedWithIpv4 } from './label-shared-with-ipv4.js';
import { rule as lineTooLong } from './line-too-long.js';
import { rule as missingCatchAll } from './missing-catch-all.js';
import { rule as missingLoopback } from './missing-loopback.js';
import { rule as missingPrefixLength } from './missing-prefix-length.js';
import { rule as nulByte } from './nul-byte.js';
import { rule as parseError } from './parse-error.js';
import { rule as partialTable } from './partial-table.js';
import { rule as redundantEntry } from './redundant-entry.js';
import { rule as reloadEnabled } from './reload-enabled.js';
import { rule as ulaBelowIpv4 } from './ula-below-ipv4.js';
import { rule as ulaGuaLabelMismatch } from './ula-gua-label-mismatch.js';
import { rule as unknownKeyword } from './unknown-keyword.js';
import { rule as unusedDisable } from './unused-disable.js';
import { rule as valueOutOfRange } from './value-out-of-range.js';
import { rule as zoneInPrefix } from './zone-in-prefix.js';
import type { ReaderMessages, ReaderRuleId } from '../dialects/reader-finding.js';
import { rule as behaviourChange } from './behaviour-change.js';
import { rule as goalDefeated } from './goal-defeated.js';
import { rule as missingStockRow } from './missing-stock-row.js';
import { rule as noEffect } from './no-effect.js';
import type { Rule } from './rule.js';

const CATALOG = {
  'behaviour-change': behaviourChange,
  'byte-order-mark': byteOrderMark,
  'crlf-line-ending': crlfLineEnding,
  'deprecated-prefix': deprecatedPrefix,
  'duplicate-prefix': duplicatePrefix,
  'embedded-scope-id': embeddedScopeId,
  'empty-policy': emptyPolicy,
  'goal-defeated': goalDefeated,
  'host-bits-set': hostBitsSet,
  'ignored-text': ignoredText,
  'interface-label': interfaceLabel,
  'internal-error': internalError,
  'invalid-number': invalidNumber,
  'invalid-utf8': invalidUtf8,
  'ipv4-compatible-prefix': ipv4CompatiblePrefix,
  'ipv4-literal-prefix': ipv4LiteralPrefix,
  'json-schema': jsonSchema,
  'keyword-case': keywordCase,
  'label-shared-with-ipv4': labelSharedWithIpv4,
  'line-too-long': lineTooLong,
  'missing-catch-all': missingCatchAll,
  'missing-loopback': missingLoopback,
  'missing-prefix-length': missingPrefixLength,
  'missing-stock-row': missingStockRow,
  'no-effect': noEffect,
  'nul-byte': nulByte,
  'parse-error': parseError,
  'partial-table': partialTable,
  'redundant-entry': redundantEntry,
  'reload-enabled': reloadEnabled,
  'ula-below-ipv4': ulaBelowIpv4,
  'ula-gua-label-mismatch': ulaGuaLabelMismatch,
  'unknown-keyword': unknownKeyword,
  'unused-disable': unusedDisable,
  'value-out-of-range': valueOutOfRange,
  'zone-in-prefix': zoneInPrefix,
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof CATALOG;

export const RULES: readonly Rule<RuleId>[] = Object.values(CATALOG) as readonly Rule<RuleId>[];
export const RULES_BY_ID: ReadonlyMap<RuleId, Rule<RuleId>> = new Map(RULES.map((r) => [r.meta.id, r]));
export const RULE_IDS: ReadonlySet<RuleId> = new Set(RULES_BY_ID.keys());

export const isRuleId = (id: string): id is RuleId => (RULE_IDS as ReadonlySet<string>).has(id);

/** The rule with this id (the catalog is keyed by id, so it exists). */
export function ruleOf(id: RuleId): Rule<RuleId> {
  return CATALOG[id] as Rule<RuleId>;
}

// Compile-time proof that every rule id a reader reports (src/dialects/reader-finding.ts) is in
// the catalog, and that its rule file builds every message the readers report for it.
type MessagesChecked = {
  [R in ReaderRuleId]: R extends RuleId
    ? (typeof CATALOG)[R] extends { readonly messages: ReaderMessages<R> }
      ? true
      : `${R}: messages do not match ReaderMessageData`
    : `${R}: not in the catalog`;
};
// (The failures are picked out with Exclude: a union of `true` and a failure would still accept `true`.)
type CatalogFailures = Exclude<MessagesChecked[ReaderRuleId], true>;
const readerRulesAreInTheCatalog: [CatalogFailures] extends [never] ? true : CatalogFailures = true;
void readerRulesAreInTheCatalog;
