// The rule catalog: every rule, by stable id. Adding a rule = one module + one line here.
import { rule as crlfLineEnding } from './crlf-line-ending.js';
import { rule as deprecatedPrefix } from './deprecated-prefix.js';
import { rule as duplicatePrefix } from './duplicate-prefix.js';
import { rule as embeddedScopeId } from './embedded-scope-id.js';
import { rule as emptyPolicy } from './empty-policy.js';
import { rule as hostBitsSet } from './host-bits-set.js';
import { rule as ignoredText } from './ignored-text.js';
import { rule as invalidNumber } from './invalid-number.js';
import { rule as ipv4CompatiblePrefix } from './ipv4-compatible-prefix.js';
import { rule as ipv4LiteralPrefix } from './ipv4-literal-prefix.js';
import { rule as keywordCase } from './keyword-case.js';
import { rule as labelSharedWithIpv4 } from './label-shared-with-ipv4.js';
import { rule as lineTooLong } from './line-too-long.js';
import { rule as missingCatchAll } from './missing-catch-all.js';
import { rule as missingIpv4Mapped } from './missing-ipv4-mapped.js';
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
import { rule as valueOutOfRange } from './value-out-of-range.js';
import { rule as zoneInPrefix } from './zone-in-prefix.js';
import { rule as unusedDisable } from './unused-disable.js';
import { rule as byteOrderMark } from './byte-order-mark.js';
import { rule as invalidUtf8 } from './invalid-utf8.js';
import { rule as internalError } from './internal-error.js';
import { rule as behaviourChange } from './behaviour-change.js';
import { rule as goalDefeated } from './goal-defeated.js';
import { rule as missingStockRow } from './missing-stock-row.js';
import { rule as noEffect } from './no-effect.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [
  crlfLineEnding,
  deprecatedPrefix,
  duplicatePrefix,
  embeddedScopeId,
  emptyPolicy,
  hostBitsSet,
  ignoredText,
  invalidNumber,
  ipv4CompatiblePrefix,
  ipv4LiteralPrefix,
  keywordCase,
  labelSharedWithIpv4,
  lineTooLong,
  missingCatchAll,
  missingIpv4Mapped,
  missingLoopback,
  missingPrefixLength,
  nulByte,
  parseError,
  partialTable,
  redundantEntry,
  reloadEnabled,
  ulaBelowIpv4,
  ulaGuaLabelMismatch,
  unknownKeyword,
  valueOutOfRange,
  zoneInPrefix,
  unusedDisable,
  byteOrderMark,
  invalidUtf8,
  internalError,
  behaviourChange,
  goalDefeated,
  missingStockRow,
  noEffect,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
export const RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());
