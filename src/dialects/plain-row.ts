// The AST of a plain ip6addrctl.conf row (`PREFIX/LEN PRECEDENCE LABEL`, nothing else on
// the line) as one object: the row keeps its fields' values and where each starts and ends
// in the source, and its three nodes (PrefixNode, NumberNode) are views made when asked for,
// with their texts sliced from the source and their spans made then too.
//
// Why one object (issue 13): a 500k-row file's rows are alive until the rules are done, and
// every object alive at a young-generation collection is copied, twice before it settles. As
// a row, three nodes and a prefix text, a row was five objects and ~300 bytes, and reading
// such a file spent 0.8 s more than reading it without keeping them; one object of ~140
// bytes halves that. A view costs an allocation that dies at once, which costs next to nothing.
import type { NumberNode, PrefixNode, RowEntry, Span } from '../model/ast.js';
import { spanOf } from './source-lines.js';

class PlainRow implements RowEntry {
  readonly kind = 'row';

  /** Each field's value and [from, end) in the source, in the order the line has them (no objects to pass: one row of 500k). */
  constructor(
    readonly source: string,
    readonly lineNumber: number,
    /** The offset column 1 stands for. */
    readonly origin: number,
    readonly prefixFrom: number,
    readonly prefixEnd: number,
    readonly address: bigint,
    readonly length: number,
    readonly precedenceValue: number,
    readonly precedenceFrom: number,
    readonly precedenceEnd: number,
    readonly labelValue: number,
    readonly labelFrom: number,
    readonly labelEnd: number,
  ) {}

  get prefix(): PrefixNode {
    return new PlainPrefix(this);
  }

  get precedence(): NumberNode {
    return new PlainNumber(this, this.precedenceValue, this.precedenceFrom, this.precedenceEnd);
  }

  get label(): NumberNode {
    return new PlainNumber(this, this.labelValue, this.labelFrom, this.labelEnd);
  }

  spanFrom(from: number, to: number): Span {
    return spanOf(this.lineNumber, this.origin, from, to);
  }

  get span(): Span {
    return this.spanFrom(this.prefixFrom, this.labelEnd);
  }

  toJSON(): RowEntry {
    return { kind: 'row', prefix: this.prefix, precedence: this.precedence, label: this.label, span: this.span };
  }
}

class PlainNumber implements NumberNode {
  constructor(
    private readonly row: PlainRow,
    readonly value: number,
    private readonly from: number,
    private readonly end: number,
  ) {}

  /** The digits as written (a leading zero is kept). */
  get text(): string {
    return this.row.source.slice(this.from, this.end);
  }

  get span(): Span {
    return this.row.spanFrom(this.from, this.end);
  }

  toJSON(): NumberNode {
    return { text: this.text, value: this.value, span: this.span };
  }
}

class PlainPrefix implements PrefixNode {
  constructor(private readonly row: PlainRow) {}

  get text(): string {
    return this.row.source.slice(this.row.prefixFrom, this.row.prefixEnd);
  }

  get address(): bigint {
    return this.row.address;
  }

  get length(): number {
    return this.row.length;
  }

  get lengthImplicit(): false {
    return false;
  }

  get form(): 'ipv6' {
    return 'ipv6';
  }

  get span(): Span {
    return this.row.spanFrom(this.row.prefixFrom, this.row.prefixEnd);
  }

  toJSON(): PrefixNode {
    return { text: this.text, address: this.address, length: this.length, lengthImplicit: false, form: 'ipv6', span: this.span };
  }
}

/** A plain row of line `lineNumber`, whose column 1 is at `origin`; each field's `from` and `end` are offsets in `source`. */
export const plainRow = (...args: ConstructorParameters<typeof PlainRow>): RowEntry => new PlainRow(...args);
