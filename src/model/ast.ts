// The one policy AST both dialects are read into and written from.
export type Dialect = 'gai' | 'ip6addrctl';

/** 1-based line and column (UTF-16 units), 0-based offset into the source text. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A source range; `end` is exclusive. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

export interface PrefixNode {
  /** As written, e.g. `fd00::/8`, `::ffff:0.0.0.0/96`, or `169.254.0.0/16` in a scopev4 line. */
  readonly text: string;
  /** The 128-bit address as written, host bits included (IPv4 forms as `::ffff:a.b.c.d`). */
  readonly address: bigint;
  /** The length the real parser uses (IPv4 scopev4 forms are stored as 96 + n). */
  readonly length: number;
  /** True when no `/LEN` was written and the parser's default applies. */
  readonly lengthImplicit: boolean;
  /** `ipv4` only for gai.conf `scopev4 a.b.c.d/n` lines. */
  readonly form: 'ipv6' | 'ipv4';
  readonly span: Span;
}

export interface NumberNode {
  readonly text: string;
  /** The value the real parser reads (FreeBSD: atoi; glibc: strtoul). */
  readonly value: number;
  readonly span: Span;
}

export interface CommentNode {
  /** The comment text including the leading `#`. */
  readonly text: string;
  readonly span: Span;
  /** After a statement on the same line, rather than on a line of its own. */
  readonly trailing: boolean;
}

/** An ip6addrctl.conf row: `PREFIX/LEN PRECEDENCE LABEL`. */
export interface RowEntry {
  readonly kind: 'row';
  readonly prefix: PrefixNode;
  readonly precedence: NumberNode;
  readonly label: NumberNode;
  readonly span: Span;
  readonly comment?: CommentNode;
}

export type GaiTableKind = 'label' | 'precedence' | 'scopev4';

/** A gai.conf `label`, `precedence` or `scopev4` line. */
export interface GaiEntry {
  readonly kind: GaiTableKind;
  readonly prefix: PrefixNode;
  readonly value: NumberNode;
  readonly span: Span;
  readonly comment?: CommentNode;
}

/** A gai.conf `reload` line: only the exact value `yes` turns reloading on. */
export interface ReloadEntry {
  readonly kind: 'reload';
  readonly value: string;
  readonly enabled: boolean;
  readonly span: Span;
  readonly comment?: CommentNode;
}

export type Entry = RowEntry | GaiEntry | ReloadEntry;

export interface Policy {
  readonly dialect: Dialect;
  /** The lines the real parser accepts, in file order (rejected lines are diagnostics only). */
  readonly entries: readonly Entry[];
  /** Every comment, whole-line and trailing, in file order. */
  readonly comments: readonly CommentNode[];
  /** The source text the policy was read from ('' for a policy built in memory). */
  readonly source: string;
  /** Line ending to write back with. */
  readonly eol: '\n' | '\r\n';
  /**
   * FreeBSD only: false when `ip6addrctl install` would abort on this file
   * (a parse failure anywhere installs nothing).
   */
  readonly installable: boolean;
  /** Number of lines the source has (a last line without a newline counts). */
  readonly lineCount: number;
}

export function isRow(entry: Entry): entry is RowEntry {
  return entry.kind === 'row';
}

export function isGaiTableEntry(entry: Entry): entry is GaiEntry {
  return entry.kind === 'label' || entry.kind === 'precedence' || entry.kind === 'scopev4';
}
