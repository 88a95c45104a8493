// What a reader reports: which rule, which of that rule's messages, the data the message
// needs, and where. The readers decide only WHEN to report; the text is built by the rule's
// own file (src/rules/<id>.ts, `messages`), which a reader cannot import (src/rules is a
// layer above). src/rules/render-finding.ts joins the two, and src/rules/catalog.ts proves
// at compile time that every rule id here is in the catalog with a builder for each message.
import type { Policy, Span } from '../model/ast.js';
import type { Fix, Severity } from '../model/diagnostic.js';
import type { ZoneFailure } from './freebsd-install.js';

/** Why a `PREFIX/LEN` text is not one (the line-based dialects' parsePrefix). */
export type PrefixProblem =
  | { readonly problem: 'no-length'; readonly text: string }
  | { readonly problem: 'not-ipv6'; readonly address: string }
  | { readonly problem: 'bad-length'; readonly length: string };

/** Why a JSON item is ignored (the rule file words each). */
export type JsonItemProblem =
  | {
      readonly problem:
        | 'not-an-object'
        | 'unknown-item'
        | 'reload-not-glibc'
        | 'no-table'
        | 'bad-value'
        | 'bad-scopev4'
        | 'bad-label'
        | 'precedence-in-kernel'
        | 'bad-precedence';
    }
  | { readonly problem: 'no-prefix' }
  | PrefixProblem;

export type GaiTable = 'label' | 'precedence' | 'scopev4';

/** The two numbers after a FreeBSD prefix. */
export type FreebsdField = 'precedence' | 'label';

/** Why FreeBSD's getaddrinfo rejects a `%zone` (libc ip6_str2scopeid). */
export type FreebsdZoneFailure = ZoneFailure;

/** How FreeBSD's getaddrinfo read an accepted `%zone`. */
export type FreebsdZoneReading = { readonly by: 'name'; readonly name: string; readonly index: number } | { readonly by: 'number'; readonly scope: number };

/** What the rest of a FreeBSD line does besides the finding: `ip6addrctl install` installs this row, or the line fails, or its scan reads memory never written. */
export type FreebsdLineOutcome = { readonly outcome: 'row'; readonly row: string } | { readonly outcome: 'fail' | 'undefined' };

/** Every message a reader can report, by rule id, then message id, with the data it needs. */
export interface ReaderMessageData {
  'nul-byte': { gaiCString: Record<string, never>; freebsdInEntry: FreebsdLineOutcome };
  'ignored-text': {
    gaiExtraWords: { readonly reload: boolean; readonly text: string };
    freebsdAfterLabel: { readonly text: string };
  };
  'keyword-case': { gaiKeywordCase: { readonly written: string; readonly keyword: string } };
  'unknown-keyword': { gaiUnknownKeyword: { readonly written: string; readonly guess?: string } };
  'invalid-number': {
    gaiReloadValue: { readonly text: string };
    gaiEmptyLength: { readonly scopev4: boolean };
    gaiLengthNotDecimal: { readonly text: string };
    gaiLengthNotPlain: { readonly text: string; readonly value: number };
    gaiValueNotDecimal: { readonly kind: GaiTable; readonly text: string };
    gaiValueNotPlain: { readonly kind: GaiTable; readonly text: string; readonly value: number };
    freebsdEmptyLength: { readonly length: number };
    freebsdLengthNotPlain: { readonly text: string; readonly length: number };
    freebsdNotDecimal: { readonly field: FreebsdField; readonly text: string; readonly value: number; readonly digits: boolean };
    freebsdPlusSign: { readonly field: FreebsdField; readonly text: string; readonly value: number };
  };
  'value-out-of-range': {
    gaiLength: { readonly text: string; readonly min: number; readonly max: number };
    gaiValueNegative: { readonly kind: GaiTable; readonly text: string };
    gaiValueTooLarge: { readonly kind: GaiTable; readonly text: string };
    showNotCInt: Record<string, never>;
    addrlabelLabel: { readonly label: string };
    netshValues: Record<string, never>;
    freebsdLength: { readonly value: number; readonly line: number };
    freebsdNotCInt: { readonly field: FreebsdField; readonly text: string; readonly value: number };
    freebsdLabelMinusOne: Record<string, never>;
    freebsdNegative: { readonly field: FreebsdField; readonly value: number };
  };
  'parse-error': {
    gaiNoPrefix: { readonly kind: GaiTable };
    gaiNotIPv6: { readonly address: string };
    gaiScopeNotIPv4: { readonly address: string };
    gaiNoValue: { readonly kind: GaiTable; readonly prefix: string };
    showNotARow: Record<string, never>;
    addrlabelNotACommand: Record<string, never>;
    addrlabelFields: Record<string, never>;
    netshNotACommand: Record<string, never>;
    lineBadPrefix: PrefixProblem;
    freebsdLongLineRest: { readonly line: number };
    freebsdBlankLastLine: { readonly line: number };
    /** `stop`: where the scan found no value: the line's newline, a NUL byte, or bytes an earlier line left. */
    freebsdMissingField: { readonly field: FreebsdField; readonly stop: 'line-end' | 'nul' | 'leftover'; readonly line: number };
    freebsdNotIPv6: { readonly address: string; readonly line: number };
    freebsdNulBeforeSlash: { readonly line: number };
    freebsdNeverWritten: { readonly field: FreebsdField; readonly line: number };
    freebsdBlankInPrefix: { readonly prefix: string; readonly row: string };
    freebsdLeftoverField: { readonly field: FreebsdField; readonly row: string };
  };
  'crlf-line-ending': { freebsdBlankLine: { readonly line: number } };
  'line-too-long': {
    freebsdPieces: {
      readonly bytes: number;
      readonly pieces: number;
      readonly from: number;
      readonly to: number;
      readonly bad: { readonly piece: number; readonly outcome: 'fail' | 'undefined' } | null;
    };
  };
  'missing-prefix-length': {
    gai: { readonly prefix: string; readonly implied: number; readonly scopev4: boolean };
    /** `address`: what install takes as the address (the text up to the line's first /), if it reaches getaddrinfo. */
    freebsd: { readonly prefix: string; readonly address: string | null; readonly ipv6: boolean; readonly line: number };
  };
  'ipv4-literal-prefix': {
    gai: { readonly address: string; readonly kind: GaiTable; readonly suggestion: string };
    freebsd: { readonly address: string; readonly suggestion: string; readonly line: number };
  };
  'zone-in-prefix': {
    gai: { readonly zone: string };
    /** `zone`: the `%zone` text as written (the gai message's has no %). */
    freebsdRejected: { readonly zone: string; readonly why: FreebsdZoneFailure; readonly line: number };
    freebsdUnknownInterface: { readonly zone: string; readonly line: number };
    /** `shifted`: the row install makes when a blank in the zone shifts the fields. */
    freebsdAccepted: { readonly zone: string; readonly reading: FreebsdZoneReading; readonly shifted: string | null };
  };
  'interface-label': { addrlabelDev: { readonly dev: string } };
  'json-schema': {
    notJson: { readonly error: string };
    notAPolicy: { readonly format: string; readonly version: number };
    badSemantics: { readonly allowed: readonly string[] };
    badItem: { readonly index: number; readonly why: JsonItemProblem };
  };
}

export type ReaderRuleId = keyof ReaderMessageData;
export type ReaderMessageId<R extends ReaderRuleId> = keyof ReaderMessageData[R] & string;

/** The message builders a reader-phase rule file declares: one per message id, typed data. */
export type ReaderMessages<R extends ReaderRuleId> = { readonly [M in ReaderMessageId<R>]: (data: ReaderMessageData[R][M]) => string };

interface FindingOf<R extends ReaderRuleId, M extends ReaderMessageId<R>> {
  readonly ruleId: R;
  readonly messageId: M;
  readonly data: ReaderMessageData[R][M];
  readonly span: Span;
  /** When absent: the rule's default severity. */
  readonly severity?: Severity;
  readonly fix?: Fix;
}

/** One finding of a reader: any (rule, message) pair above with its data. */
export type ReaderFinding = { [R in ReaderRuleId]: { [M in ReaderMessageId<R>]: FindingOf<R, M> }[ReaderMessageId<R>] }[ReaderRuleId];

/** What every dialect's reader returns. */
export interface ReaderOutput {
  readonly policy: Policy;
  readonly findings: ReaderFinding[];
}

/** Report a finding: the id pair is checked against ReaderMessageData, and so is the data. */
export function finding<R extends ReaderRuleId, M extends ReaderMessageId<R>>(
  ruleId: R,
  messageId: M,
  data: ReaderMessageData[R][M],
  span: Span,
  extra: { readonly severity?: Severity; readonly fix?: Fix | undefined } = {},
): ReaderFinding {
  const { severity, fix } = extra;
  return { ruleId, messageId, data, span, ...(severity ? { severity } : {}), ...(fix ? { fix } : {}) } as unknown as ReaderFinding;
}

/** The base of the line readers: the findings of one read, in the order they were found. */
export abstract class FindingCollector {
  readonly findings: ReaderFinding[] = [];

  protected report<R extends ReaderRuleId, M extends ReaderMessageId<R>>(
    ruleId: R,
    messageId: M,
    data: ReaderMessageData[R][M],
    severity: Severity,
    span: Span,
    fix?: Fix,
  ): void {
    this.findings.push(finding(ruleId, messageId, data, span, { severity, fix }));
  }
}
