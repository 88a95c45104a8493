// The AST of a plain ip6addrctl.conf row (`PREFIX/LEN PRECEDENCE LABEL`, nothing else on
// the line): the row and its three fields as RowEntry, PrefixNode and NumberNode, with
// their spans made when asked for. Kept as plain objects with a span each, a row was eight
// objects; a 500k-row file's spans alone were 112 MB (issue 13). Each node knows its row,
// and the row its line, so a span needs nothing stored but where the node starts; a
// number's text is its value's decimal, unless written with a leading zero.
import type { NumberNode, PrefixNode, RowEntry, Span } from '../model/ast.js';
import { spanOf } from './source-lines.js';

class PlainNumber implements NumberNode {
  constructor(
    /** The digits as written when they are not the value's own decimal (a leading zero); else null, and made when asked for. */
    private readonly written: string | null,
    readonly value: number,
    private readonly row: PlainRow,
    /** Offset in the source of the first digit. */
    readonly from: number,
  ) {}

  get text(): string {
    return this.written ?? String(this.value);
  }

  get span(): Span {
    return this.row.spanFrom(this.from, this.from + this.text.length);
  }

  toJSON(): NumberNode {
    return { text: this.text, value: this.value, span: this.span };
  }
}

class PlainPrefix implements PrefixNode {
  constructor(
    readonly text: string,
    readonly address: bigint,
    readonly length: number,
    private readonly row: PlainRow,
    readonly from: number,
  ) {}

  get lengthImplicit(): false {
    return false;
  }

  get form(): 'ipv6' {
    return 'ipv6';
  }

  get span(): Span {
    return this.row.spanFrom(this.from, this.from + this.text.length);
  }

  toJSON(): PrefixNode {
    return { text: this.text, address: this.address, length: this.length, lengthImplicit: false, form: 'ipv6', span: this.span };
  }
}

class PlainRow implements RowEntry {
  readonly kind = 'row';
  readonly prefix: PlainPrefix;
  readonly precedence: PlainNumber;
  readonly label: PlainNumber;

  /** Each field's text, value and offset in the source, in the order the line has them (no objects to pass: one row of 500k). */
  constructor(
    private readonly lineNumber: number,
    /** The offset column 1 stands for. */
    private readonly origin: number,
    prefixText: string,
    address: bigint,
    length: number,
    prefixFrom: number,
    /** The digits as written, or null when they are the value's own decimal (writtenDigits). */
    precedenceText: string | null,
    precedence: number,
    precedenceFrom: number,
    labelText: string | null,
    label: number,
    labelFrom: number,
  ) {
    this.prefix = new PlainPrefix(prefixText, address, length, this, prefixFrom);
    this.precedence = new PlainNumber(precedenceText, precedence, this, precedenceFrom);
    this.label = new PlainNumber(labelText, label, this, labelFrom);
  }

  spanFrom(from: number, to: number): Span {
    return spanOf(this.lineNumber, this.origin, from, to);
  }

  get span(): Span {
    return this.spanFrom(this.prefix.from, this.label.from + this.label.text.length);
  }

  toJSON(): RowEntry {
    return { kind: 'row', prefix: this.prefix.toJSON(), precedence: this.precedence.toJSON(), label: this.label.toJSON(), span: this.span };
  }
}

/**
 * The plain digits text[from, to) as a string when they are not their value's decimal (a
 * leading zero), else null: a row's two numbers need not keep, or even make, their text
 * (at 500k rows, a million strings of garbage; issue 13).
 */
export const writtenDigits = (text: string, from: number, to: number): string | null =>
  to - from > 1 && text.charCodeAt(from) === 0x30 ? text.slice(from, to) : null;

/** A plain row of line `lineNumber`, whose column 1 is at `origin`; each field's `from` is its offset in the source. */
export const plainRow = (...args: ConstructorParameters<typeof PlainRow>): RowEntry => new PlainRow(...args);
