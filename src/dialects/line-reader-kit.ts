// Small line-based readers (show output, ip addrlabel, netsh, JSON) build the same Policy
// AST as the two file readers. These helpers make the nodes and spans they need.
import { parseIPv6 } from '../model/address.js';
import type { CommentNode, Dialect, GaiEntry, NumberNode, Policy, PrefixNode, RowEntry, Span, Entry } from '../model/ast.js';
import { finding, type PrefixProblem, type ReaderFinding, type ReaderMessageData, type ReaderOutput } from './reader-finding.js';
import { countLines, detectEol } from './source-lines.js';

export interface TextLine {
  /** 1-based line number. */
  readonly number: number;
  readonly text: string;
  /** Offset of the line in the source. */
  readonly start: number;
}

export function splitSourceLines(source: string): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  let number = 1;
  while (start < source.length) {
    const newline = source.indexOf('\n', start);
    const end = newline < 0 ? source.length : newline;
    out.push({ number, text: source.slice(start, end).replace(/\r$/, ''), start });
    start = end + 1;
    number++;
  }
  return out;
}

/** Span of [from, to) in a line. */
export function spanIn(line: TextLine, from = 0, to = line.text.length): Span {
  return {
    start: { line: line.number, column: from + 1, offset: line.start + from },
    end: { line: line.number, column: to + 1, offset: line.start + to },
  };
}

/** A whole line the dialect cannot read: parse-error unless the message belongs to value-out-of-range. */
export function lineError<M extends keyof ReaderMessageData['parse-error'] & string>(
  line: TextLine,
  messageId: M,
  data: ReaderMessageData['parse-error'][M],
): ReaderFinding {
  return finding('parse-error', messageId, data, spanIn(line), { severity: 'error' });
}

export function lineOutOfRange<M extends keyof ReaderMessageData['value-out-of-range'] & string>(
  line: TextLine,
  messageId: M,
  data: ReaderMessageData['value-out-of-range'][M],
): ReaderFinding {
  return finding('value-out-of-range', messageId, data, spanIn(line), { severity: 'error' });
}

export type ParsedPrefix = { readonly address: bigint; readonly length: number };

export const isPrefixProblem = (p: ParsedPrefix | PrefixProblem): p is PrefixProblem => 'problem' in p;

/** `PREFIX/LEN` as inet_pton reads it (a `%zone` is dropped), or why it is not one. */
export function parsePrefix(text: string, requireLength = true): ParsedPrefix | PrefixProblem {
  const slash = text.indexOf('/');
  if (slash < 0 && requireLength) return { problem: 'no-length', text };
  const addressText = (slash < 0 ? text : text.slice(0, slash)).replace(/%.*$/, '');
  const address = parseIPv6(addressText);
  if (address === null) return { problem: 'not-ipv6', address: addressText };
  const lengthText = slash < 0 ? '128' : text.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(lengthText) || Number(lengthText) > 128) return { problem: 'bad-length', length: lengthText };
  return { address, length: Number(lengthText) };
}

function prefixNode(line: TextLine, text: string, address: bigint, length: number): PrefixNode {
  const at = Math.max(0, line.text.indexOf(text));
  return { text, address, length, lengthImplicit: !text.includes('/'), form: 'ipv6', span: spanIn(line, at, at + text.length) };
}

function numberNode(line: TextLine, value: number): NumberNode {
  return { text: String(value), value, span: spanIn(line) };
}

export function commentNode(line: TextLine, text: string, trailing: boolean): CommentNode {
  const at = Math.max(0, line.text.indexOf(text));
  return { text, span: spanIn(line, at, at + text.length), trailing };
}

export function rowEntry(
  line: TextLine,
  prefixText: string,
  prefix: { address: bigint; length: number },
  precedence: number,
  label: number,
  comment?: CommentNode,
): RowEntry {
  const row: RowEntry = {
    kind: 'row',
    prefix: prefixNode(line, prefixText, prefix.address, prefix.length),
    precedence: numberNode(line, precedence),
    label: numberNode(line, label),
    span: spanIn(line),
  };
  return comment ? { ...row, comment } : row;
}

export function gaiEntry(
  line: TextLine,
  kind: GaiEntry['kind'],
  prefixText: string,
  prefix: { address: bigint; length: number },
  value: number,
  comment?: CommentNode,
): GaiEntry {
  const entry: GaiEntry = { kind, prefix: prefixNode(line, prefixText, prefix.address, prefix.length), value: numberNode(line, value), span: spanIn(line) };
  return comment ? { ...entry, comment } : entry;
}

export function makePolicy(dialect: Dialect, source: string, entries: Entry[], comments: CommentNode[], installable = true): Policy {
  return { dialect, entries, comments, source, eol: detectEol(source), installable, lineCount: countLines(source) };
}

/** A comment starting at the first `#` of a line, if any. */
export function splitComment(text: string): { code: string; comment?: string } {
  const hash = text.indexOf('#');
  if (hash < 0) return { code: text };
  return { code: text.slice(0, hash), comment: text.slice(hash).trimEnd() };
}

/** What a line-based dialect makes of one line's code: a row, or why the line is ignored. */
export type RowVerdict = { readonly row: RowEntry; readonly warnings?: ReaderFinding[] } | { readonly error: ReaderFinding };

/**
 * The loop the line-based dialects share (ip6addrctl show, ip addrlabel, netsh): a `#`
 * comment is split off and kept, blank and `skip` lines pass, and `readRow` turns the rest
 * into a row (with its trailing comment) or says why the line is ignored.
 */
export function readRowLines(
  source: string,
  skip: (code: string) => boolean,
  readRow: (line: TextLine, code: string, trailing: CommentNode | undefined) => RowVerdict,
): ReaderOutput {
  const entries: RowEntry[] = [];
  const comments: CommentNode[] = [];
  const findings: ReaderFinding[] = [];
  for (const line of splitSourceLines(source)) {
    const { code, comment } = splitComment(line.text);
    const node = comment !== undefined ? commentNode(line, comment, code.trim() !== '') : undefined;
    if (node) comments.push(node);
    if (code.trim() === '' || skip(code)) continue;
    const verdict = readRow(line, code, node?.trailing ? node : undefined);
    if ('error' in verdict) {
      findings.push(verdict.error);
      continue;
    }
    entries.push(verdict.row);
    findings.push(...(verdict.warnings ?? []));
  }
  return { policy: makePolicy('ip6addrctl', source, entries, comments), findings };
}
