// Helpers both readers share: line slicing, spans inside a line, token access.
import type { IToken, CstNode } from 'chevrotain';
import type { Position, Span } from '../model/ast.js';

export interface SourceLine {
  /** 1-based line number (only `\n` ends a line, as for fgets and getline). */
  readonly number: number;
  /** Offset of the line's first character in the source. */
  readonly start: number;
  /** The line's text without its `\n`. */
  readonly text: string;
  readonly hasNewline: boolean;
  /** Columns of this line start after this many characters (for a piece of a longer line). */
  readonly columnBase?: number;
}

/** A field of a line: its text and where it starts in the line. */
export interface LineField {
  readonly text: string;
  readonly index: number;
}

export function sourceLineOf(source: string, token: IToken): SourceLine {
  const start = token.startOffset - (token.startColumn! - 1);
  let end = source.indexOf('\n', start);
  const hasNewline = end >= 0;
  if (end < 0) end = source.length;
  return { number: token.startLine!, start, text: source.slice(start, end), hasNewline };
}

/**
 * A span inside one line, kept as four numbers; its start and end positions are made when
 * asked for. A table has four spans a row (the row and its three fields): as plain objects
 * with two positions each they were 40% of a read policy's memory (issue 13: 500k rows).
 * Serialises as { start, end }, like any other Span.
 */
class LineSpan implements Span {
  constructor(
    private readonly lineNumber: number,
    /** Offset that column 1 stands for (the line's start, less its column base). */
    private readonly origin: number,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get start(): Position {
    return { line: this.lineNumber, column: this.from - this.origin + 1, offset: this.from };
  }

  get end(): Position {
    return { line: this.lineNumber, column: this.to - this.origin + 1, offset: this.to };
  }

  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}

/** A span from its four numbers: the line's number, the offset column 1 stands for, and [from, to) in the source. */
export function spanOf(lineNumber: number, origin: number, from: number, to: number): Span {
  return new LineSpan(lineNumber, origin, from, to);
}

/** Span of [from, to) inside one line. */
export function lineSpan(line: SourceLine, from: number, to: number): Span {
  return new LineSpan(line.number, line.start - (line.columnBase ?? 0), line.start + from, line.start + Math.max(from, to));
}

export function fieldSpan(line: SourceLine, field: LineField): Span {
  return lineSpan(line, field.index, field.index + field.text.length);
}

export function toField(line: SourceLine, token: IToken): LineField {
  return { text: token.image, index: token.startOffset - line.start };
}

/** The tokens a CST node holds under a label, in order. */
export function tokensOf(node: CstNode, label: string): IToken[] {
  return (node.children[label] as IToken[] | undefined) ?? [];
}

export function childNode(node: CstNode, label: string): CstNode | undefined {
  return (node.children[label] as CstNode[] | undefined)?.[0];
}

export function countLines(source: string): number {
  if (source.length === 0) return 0;
  let n = 0;
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) n++;
  return source.endsWith('\n') ? n : n + 1;
}

export function detectEol(source: string): '\n' | '\r\n' {
  const lf = source.indexOf('\n');
  return lf > 0 && source[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** UTF-8 length of a string (FreeBSD's fgets counts bytes). */
export function utf8Length(text: string): number {
  // Counted by hand so the core needs no Node Buffer (it also runs in a browser).
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Levenshtein distance, for "did you mean" on keywords (short strings only). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
