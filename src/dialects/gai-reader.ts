// gai.conf -> Policy, deciding line by line what glibc's gaiconf_init() does:
// - the line is cut at the first `#` and at a NUL byte (C strings);
// - words are split on isspace(); the first is a case-sensitive keyword, the next two
//   its values, and any further words are ignored;
// - a line glibc cannot use is dropped silently, one line at a time;
// - numbers are strtoul(), base 10, with nothing left over.
// Two cases depend on the glibc version (fixed by BZ #32465 in 2.41, backported to some
// 2.39/2.40 builds): a missing /LEN (fixed: /128 or /32; before: undefined behaviour:
// label/precedence lines are dropped on 2.36 and a first scopev4 line crashes
// getaddrinfo), and an empty value or length (fixed: rejected; before: read as 0).
import type { CstNode, IToken } from 'chevrotain';
import { parseGaiConfLines } from '../../grammar/gaiconf-entry.js';
import { isIPv4Mapped } from '../model/address.js';
import type { CommentNode, Entry, GaiEntry, GaiTableKind, NumberNode, Policy, PrefixNode } from '../model/ast.js';
import { cStrtoul, INT_MAX, isPlainDecimal } from '../model/c-numbers.js';
import { classifyAddressText, mappedEquivalent } from './address-text.js';
import { FindingCollector, finding, type ReaderOutput } from './reader-finding.js';
import { childNode, countLines, detectEol, editDistance, fieldSpan, lineSpan, sourceLineOf, toField, type LineField, type SourceLine } from './source-lines.js';

export interface GaiReadOptions {
  /** The glibc whose behaviour decides version-dependent lines; default 2.41 (fixed). */
  readonly glibcVersion?: string;
}

export const KEYWORDS = ['label', 'precedence', 'scopev4', 'reload'] as const;

/** Does this glibc have the BZ #32465 fix (2.41+)? */
export function hasGaiconfFix(version: string | undefined): boolean {
  if (!version) return true;
  const [major, minor] = version.split('.').map(Number);
  return major! > 2 || (major === 2 && minor! >= 41);
}

class GaiReader extends FindingCollector {
  readonly entries: Entry[] = [];
  readonly comments: CommentNode[] = [];
  private readonly fixed: boolean;

  constructor(
    private readonly source: string,
    options: GaiReadOptions,
  ) {
    super();
    this.fixed = hasGaiconfFix(options.glibcVersion);
  }

  read() {
    parseGaiConfLines(this.source, (lineNode, tokens) => this.readLine(lineNode, tokens));
    return this.finish();
  }

  /** `tokens`: the line's tokens in order, without its newline. */
  private readLine(lineNode: CstNode, tokens: readonly IToken[]) {
    if (tokens.length === 0) return;
    const line = sourceLineOf(this.source, tokens[0]!);
    const commentToken = tokens.find((t) => t.tokenType.name === 'Comment');
    const statement = childNode(lineNode, 'statement');
    let words = tokens.filter((t) => t.tokenType.name !== 'Comment').map((t) => toField(line, t));
    const nul = line.text.indexOf('\0');
    if (nul >= 0 && (!commentToken || nul < commentToken.startOffset - line.start)) {
      words = this.cutAtNul(line, words, nul);
    }
    const comment = commentToken ? this.addComment(line, commentToken, words.length > 0) : undefined;
    if (statement && words.length > 0) this.readStatement(line, words, comment);
  }

  private finish(): ReaderOutput {
    const policy: Policy = {
      dialect: 'gai',
      entries: this.entries,
      comments: this.comments,
      source: this.source,
      eol: detectEol(this.source),
      installable: true,
      lineCount: countLines(this.source),
    };
    return { policy, findings: this.findings };
  }

  private addComment(line: SourceLine, token: IToken, trailing: boolean): CommentNode {
    const field = toField(line, token);
    const text = field.text.replace(/\r$/, '');
    const comment = { text, span: lineSpan(line, field.index, field.index + text.length), trailing };
    this.comments.push(comment);
    return comment;
  }

  /** glibc sees the line as a C string: nothing after a NUL byte exists for it. */
  private cutAtNul(line: SourceLine, words: LineField[], nul: number): LineField[] {
    this.report('nul-byte', 'gaiCString', {}, 'error', lineSpan(line, nul, nul + 1));
    return words
      .filter((w) => w.index < nul)
      .map((w) => (w.index + w.text.length > nul ? { text: w.text.slice(0, nul - w.index), index: w.index } : w))
      .filter((w) => w.text.length > 0);
  }

  private readStatement(line: SourceLine, words: LineField[], comment: CommentNode | undefined) {
    const [keyword, first, second, ...rest] = words as [LineField, ...LineField[]];
    switch (keyword.text) {
      case 'label':
      case 'precedence':
      case 'scopev4':
        this.readTableLine(line, keyword.text, keyword, first, second, comment);
        break;
      case 'reload':
        this.readReload(line, keyword, first, comment);
        break;
      default:
        this.readUnknownKeyword(line, keyword);
        return;
    }
    const extra = keyword.text === 'reload' ? [second, ...rest].filter((w): w is LineField => !!w) : rest;
    if (extra.length > 0) {
      const from = extra[0]!.index;
      const last = extra[extra.length - 1]!;
      const to = last.index + last.text.length;
      // No severity: the rule's default (info), since glibc ignores the words and nothing changes.
      this.findings.push(
        finding('ignored-text', 'gaiExtraWords', { reload: keyword.text === 'reload', text: line.text.slice(from, to) }, lineSpan(line, from, to), {
          fix: { safety: 'safe', description: 'turn the extra text into a comment', edits: [{ start: line.start + from, end: line.start + from, text: '# ' }] },
        }),
      );
    }
  }

  private readUnknownKeyword(line: SourceLine, keyword: LineField) {
    const span = fieldSpan(line, keyword);
    const lower = keyword.text.toLowerCase();
    const exact = KEYWORDS.find((k) => k === lower);
    if (exact) {
      this.report('keyword-case', 'gaiKeywordCase', { written: keyword.text, keyword: exact }, 'error', span, {
        safety: 'unsafe',
        description: `write ${exact}`,
        edits: [{ start: span.start.offset, end: span.end.offset, text: exact }],
      });
      return;
    }
    const near = KEYWORDS.map((k) => ({ k, d: editDistance(lower, k) })).sort((a, b) => a.d - b.d)[0]!;
    const guess = near.d <= 2 ? near.k : undefined;
    this.report(
      'unknown-keyword',
      'gaiUnknownKeyword',
      guess ? { written: keyword.text, guess } : { written: keyword.text },
      'error',
      span,
      guess ? { safety: 'unsafe', description: `write ${guess}`, edits: [{ start: span.start.offset, end: span.end.offset, text: guess }] } : undefined,
    );
  }

  private readReload(line: SourceLine, keyword: LineField, value: LineField | undefined, comment: CommentNode | undefined) {
    const text = value?.text ?? '';
    if (text !== 'yes' && text !== 'no') {
      this.report('invalid-number', 'gaiReloadValue', { text }, 'warning', value ? fieldSpan(line, value) : fieldSpan(line, keyword));
    }
    const end = (value ?? keyword).index + (value ?? keyword).text.length;
    const span = lineSpan(line, keyword.index, end);
    this.entries.push({ kind: 'reload', value: text, enabled: text === 'yes', span, ...(comment ? { comment } : {}) });
  }

  private readTableLine(
    line: SourceLine,
    kind: GaiTableKind,
    keyword: LineField,
    prefixField: LineField | undefined,
    valueField: LineField | undefined,
    comment: CommentNode | undefined,
  ) {
    if (!prefixField) {
      this.report('parse-error', 'gaiNoPrefix', { kind }, 'error', fieldSpan(line, keyword));
      return;
    }
    const prefix = kind === 'scopev4' ? this.readScopePrefix(line, prefixField) : this.readPrefix(line, kind, prefixField);
    const value = this.readValue(line, kind, keyword, prefixField, valueField);
    if (!prefix || !value) return;
    const end = valueField ? valueField.index + valueField.text.length : prefixField.index + prefixField.text.length;
    const entry: GaiEntry = { kind, prefix, value, span: lineSpan(line, keyword.index, end), ...(comment ? { comment } : {}) };
    this.entries.push(entry);
  }

  /** The /LEN part: null when absent, else strtoul's reading (and whether glibc accepts it). */
  private readLength(line: SourceLine, field: LineField, slash: number, max: number, min = 0): { ok: boolean; value: number } {
    const text = field.text.slice(slash + 1);
    const span = lineSpan(line, field.index + slash, field.index + field.text.length);
    if (text === '') {
      this.report('invalid-number', 'gaiEmptyLength', { scopev4: min !== 0 }, 'error', span);
      return { ok: !this.fixed && min === 0, value: min };
    }
    const parsed = cStrtoul(text);
    if (!parsed.complete || parsed.value === null || (text.startsWith('-') && parsed.value !== 0n)) {
      this.report('invalid-number', 'gaiLengthNotDecimal', { text }, 'error', span);
      return { ok: false, value: 0 };
    }
    const value = Number(parsed.value);
    if (value > max || value < min) {
      this.report('value-out-of-range', 'gaiLength', { text, min, max }, 'error', span);
      return { ok: false, value };
    }
    if (!isPlainDecimal(text)) {
      this.report('invalid-number', 'gaiLengthNotPlain', { text, value }, 'warning', span, {
        safety: 'safe',
        description: `write ${value}`,
        edits: [{ start: span.start.offset + 1, end: span.end.offset, text: String(value) }],
      });
    }
    return { ok: true, value };
  }

  private missingLength(line: SourceLine, field: LineField, kind: GaiTableKind, implied: number, shown: string): boolean {
    const span = fieldSpan(line, field);
    this.report('missing-prefix-length', 'gai', { prefix: field.text, implied, scopev4: kind === 'scopev4' }, 'error', span, {
      safety: 'safe',
      description: `add /${shown}`,
      edits: [{ start: span.end.offset, end: span.end.offset, text: `/${shown}` }],
    });
    return this.fixed;
  }

  private readPrefix(line: SourceLine, kind: GaiTableKind, field: LineField): PrefixNode | undefined {
    const slash = field.text.indexOf('/');
    const addressText = slash >= 0 ? field.text.slice(0, slash) : field.text;
    const address = classifyAddressText(addressText);
    const addressSpan = lineSpan(line, field.index, field.index + addressText.length);
    if (address.kind === 'ipv4') {
      const len = slash >= 0 ? Number(field.text.slice(slash + 1)) : null;
      const suggestion = mappedEquivalent(addressText, len !== null && Number.isInteger(len) && len >= 0 && len <= 32 ? len : null);
      this.report('ipv4-literal-prefix', 'gai', { address: addressText, kind, suggestion }, 'error', fieldSpan(line, field), {
        safety: 'unsafe',
        description: `write ${suggestion}`,
        edits: [{ start: line.start + field.index, end: line.start + field.index + field.text.length, text: suggestion }],
      });
      return undefined;
    }
    if (address.kind !== 'ipv6') {
      this.report('parse-error', 'gaiNotIPv6', { address: addressText }, 'error', addressSpan);
      return undefined;
    }
    if (address.zone !== undefined) {
      const zoneAt = field.index + addressText.indexOf('%');
      this.report('zone-in-prefix', 'gai', { zone: address.zone }, 'error', lineSpan(line, zoneAt, field.index + addressText.length), {
        safety: 'unsafe',
        description: 'remove the zone',
        edits: [{ start: line.start + zoneAt, end: line.start + field.index + addressText.length, text: '' }],
      });
      return undefined;
    }
    let length = 128;
    if (slash < 0) {
      if (!this.missingLength(line, field, kind, 128, '128')) return undefined;
    } else {
      const parsed = this.readLength(line, field, slash, 128);
      if (!parsed.ok) return undefined;
      length = parsed.value;
    }
    return { text: field.text, address: address.address, length, lengthImplicit: slash < 0, form: 'ipv6', span: fieldSpan(line, field) };
  }

  /** scopev4 takes `a.b.c.d[/0..32]` or `::ffff:a.b.c.d[/96..128]`. */
  private readScopePrefix(line: SourceLine, field: LineField): PrefixNode | undefined {
    const slash = field.text.indexOf('/');
    const addressText = slash >= 0 ? field.text.slice(0, slash) : field.text;
    const address = classifyAddressText(addressText);
    const isV4 = address.kind === 'ipv4';
    if (!isV4 && !(address.kind === 'ipv6' && !address.zone && isIPv4Mapped(address.address))) {
      this.report('parse-error', 'gaiScopeNotIPv4', { address: addressText }, 'error', lineSpan(line, field.index, field.index + addressText.length));
      return undefined;
    }
    const [min, max] = isV4 ? [0, 32] : [96, 128];
    let length = max;
    if (slash < 0) {
      const ok = this.missingLength(line, field, 'scopev4', max, String(max));
      if (!ok) return undefined;
    } else {
      const parsed = this.readLength(line, field, slash, max, min);
      if (!parsed.ok) return undefined;
      length = parsed.value;
    }
    const address128 = (address as { address: bigint }).address;
    return {
      text: field.text,
      address: address128,
      length: isV4 ? 96 + length : length,
      lengthImplicit: slash < 0,
      form: isV4 ? 'ipv4' : 'ipv6',
      span: fieldSpan(line, field),
    };
  }

  private readValue(
    line: SourceLine,
    kind: GaiTableKind,
    keyword: LineField,
    prefixField: LineField,
    valueField: LineField | undefined,
  ): NumberNode | undefined {
    if (!valueField) {
      const at = prefixField.index + prefixField.text.length;
      this.report('parse-error', 'gaiNoValue', { kind, prefix: prefixField.text }, 'error', lineSpan(line, keyword.index, at));
      return this.fixed ? undefined : { text: '', value: 0, span: lineSpan(line, at, at) };
    }
    const span = fieldSpan(line, valueField);
    const parsed = cStrtoul(valueField.text);
    if (!parsed.complete || parsed.value === null) {
      this.report('invalid-number', 'gaiValueNotDecimal', { kind, text: valueField.text }, 'error', span);
      return undefined;
    }
    if (parsed.value > BigInt(INT_MAX)) {
      const negative = valueField.text.startsWith('-');
      this.report('value-out-of-range', negative ? 'gaiValueNegative' : 'gaiValueTooLarge', { kind, text: valueField.text }, 'error', span);
      return undefined;
    }
    const value = Number(parsed.value);
    if (!isPlainDecimal(valueField.text)) {
      this.report('invalid-number', 'gaiValueNotPlain', { kind, text: valueField.text, value }, 'warning', span, {
        safety: 'safe',
        description: `write ${value}`,
        edits: [{ start: span.start.offset, end: span.end.offset, text: String(value) }],
      });
    }
    return { text: valueField.text, value, span };
  }
}

export function readGaiConf(source: string, options: GaiReadOptions = {}): ReaderOutput {
  return new GaiReader(source, options).read();
}
