// ip6addrctl.conf -> Policy, with a diagnostic wherever FreeBSD's `ip6addrctl install`
// does something the author may not expect. What install does is decided on the file's
// bytes by ./freebsd-install.ts (the fgets() buffer, SKIP_WORD, getaddrinfo, the kernel);
// this module turns each fgets() call's verdict into AST rows and findings with spans. The
// messages are built by the rule files (src/rules/<id>.ts) from each finding's data.
import { formatIPv6, maskValue } from '../model/address.js';
import type { CommentNode, NumberNode, Policy, PrefixNode, RowEntry } from '../model/ast.js';
import { cAtoi, isPlainDecimal } from '../model/c-numbers.js';
import type { Fix } from '../model/diagnostic.js';
import { ByteOffsets, type SourceEncoding } from './byte-offsets.js';
import { FGETS_BUFFER_BYTES, installWhileReading, type Failure, type InstallRun, type ParsedRow, type Piece, type ZoneReading } from './freebsd-install.js';
import { mappedEquivalent, classifyAddressText } from './address-text.js';
import { plainRow } from './plain-row.js';
import { FindingCollector, finding, type FreebsdField, type ReaderOutput } from './reader-finding.js';
import { countLines, detectEol, fieldSpan, lineSpan, type LineField, type SourceLine } from './source-lines.js';

/** fgets(line, 2048, fp) reads at most 2047 bytes. */
export const FGETS_MAX_BYTES = FGETS_BUFFER_BYTES - 1;

export interface Ip6addrctlReadOptions {
  /** How the text was decoded from the file's bytes (FreeBSD counts bytes). Default utf8. */
  readonly encoding?: SourceEncoding;
  /** The target host's interfaces in index order from 1, for `%zone` names; null: unknown. */
  readonly interfaces?: readonly string[] | null;
  /** Read every line through the byte-by-byte install model (tests compare it with the plain-row shortcut). */
  readonly byteByByte?: boolean;
}

export interface Ip6addrctlReadResult extends ReaderOutput {
  /** What `ip6addrctl install` does with the file. */
  readonly install: InstallRun;
}

/** Fields as SKIP_WORD/SKIP_WHITE see them: split on spaces and tabs. */
function splitFields(text: string): LineField[] {
  const out: LineField[] = [];
  const re = /[^ \t]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], index: m.index });
  return out;
}

/** Where the decimal digits from `from` end. */
function digitsEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  return i;
}

class Ip6addrctlReader extends FindingCollector {
  private readonly entries: RowEntry[] = [];
  private readonly comments: CommentNode[] = [];
  private readonly offsets: ByteOffsets;
  private lineNumber = 1;

  constructor(
    private readonly source: string,
    private readonly options: Ip6addrctlReadOptions,
  ) {
    super();
    this.offsets = new ByteOffsets(source, options.encoding ?? 'utf8');
  }

  read(): Ip6addrctlReadResult {
    // The fgets() calls of one line of the file: more than one when it is over 2047 bytes.
    let line: Piece[] = [];
    const install = installWhileReading(
      this.offsets.bytes,
      { interfaces: this.options.interfaces ?? null, byteByByte: this.options.byteByByte ?? false },
      (piece) => {
        if (line.length === 0 && piece.hasNewline) {
          this.readWholeLine(piece);
          return;
        }
        line.push(piece);
        if (piece.hasNewline) {
          this.readFileLine(line);
          line = [];
        }
      },
    );
    if (line.length > 0) {
      if (line.length === 1) this.readWholeLine(line[0]!);
      else this.readFileLine(line);
    }
    const policy: Policy = {
      dialect: 'ip6addrctl',
      entries: this.entries,
      comments: this.comments,
      source: this.source,
      eol: detectEol(this.source),
      installable: install.outcome === 'installed' || install.outcome === 'depends-on-interfaces',
      lineCount: countLines(this.source),
    };
    return { policy, findings: this.findings, install };
  }

  /** A line that one fgets() call read: readFileLine without its arrays (nearly every line). */
  private readWholeLine(piece: Piece) {
    const start = this.offsets.toText(piece.start);
    const end = this.offsets.toText(piece.end - (piece.hasNewline ? 1 : 0));
    this.readPiece(piece, { number: this.lineNumber, start, text: this.source.slice(start, end), hasNewline: piece.hasNewline, columnBase: 0 }, false);
    this.lineNumber++;
  }

  private readFileLine(pieces: Piece[]) {
    const lineStart = this.offsets.toText(pieces[0]!.start);
    const lines = pieces.map((piece) => {
      const start = this.offsets.toText(piece.start);
      const end = this.offsets.toText(piece.end - (piece.hasNewline ? 1 : 0));
      return {
        number: this.lineNumber,
        start,
        text: this.source.slice(start, end),
        hasNewline: piece.hasNewline,
        columnBase: start - lineStart,
      } satisfies SourceLine;
    });
    if (pieces.length > 1) this.reportLongLine(pieces, lines[0]!);
    pieces.forEach((piece, k) => this.readPiece(piece, lines[k]!, k > 0));
    this.lineNumber++;
  }

  private reportLongLine(pieces: Piece[], first: SourceLine) {
    const bytes = pieces[pieces.length - 1]!.end - pieces[0]!.start;
    const bad = pieces.find((p) => p.verdict.kind === 'fail' || p.verdict.kind === 'undefined');
    const [from, to] = [pieces[0]!.count, pieces[pieces.length - 1]!.count];
    this.report(
      'line-too-long',
      'freebsdPieces',
      {
        bytes,
        pieces: pieces.length,
        from,
        to,
        bad: bad ? { piece: bad.count - from + 1, outcome: bad.verdict.kind === 'fail' ? 'fail' : 'undefined' } : null,
      },
      bad ? 'error' : 'warning',
      lineSpan(first, 0, Math.min(first.text.length, 200)),
    );
  }

  private readPiece(piece: Piece, line: SourceLine, continuation: boolean) {
    const v = piece.verdict;
    if (v.kind === 'blank') return;
    if (v.kind === 'row' && v.row.plain) {
      this.readPlainRow(line, v.row);
      return;
    }
    const fields = splitFields(line.text);
    if (v.kind === 'comment') {
      const at = this.charIndex(piece, line, v.at);
      this.comments.push({ text: line.text.slice(at), span: lineSpan(line, at, line.text.length), trailing: false });
      return;
    }
    const nul = line.text.indexOf('\0');
    if (nul >= 0) {
      this.report(
        'nul-byte',
        'freebsdInEntry',
        v.kind === 'row' ? { outcome: 'row', row: this.rowText(v.row) } : { outcome: v.kind },
        'warning',
        lineSpan(line, nul, nul + 1),
      );
    }
    if (v.kind === 'fail') this.readFailure(piece, line, fields, v.failure, continuation);
    else if (v.kind === 'undefined') this.readUndefined(piece, line, fields, v.field);
    else this.readRow(piece, line, fields, v.row);
  }

  /** Offset in the line's text of a byte offset in FreeBSD's buffer (the buffer starts at the line). */
  private charIndex(piece: Piece, line: SourceLine, bufferOffset: number): number {
    return this.offsets.toText(piece.start + bufferOffset) - line.start;
  }

  private rowText(row: ParsedRow): string {
    return `${this.prefixShown(row)} ${row.precedence} ${row.label}`;
  }

  /** The prefix as the kernel stores it (host bits masked). */
  private prefixShown(row: ParsedRow): string {
    return `${formatIPv6(maskValue(row.address, row.length))}/${row.length}`;
  }

  private readFailure(piece: Piece, line: SourceLine, fields: LineField[], failure: Failure, continuation: boolean) {
    const count = piece.count;
    const whole = lineSpan(line, 0, line.text.length);
    if (continuation) {
      this.report('parse-error', 'freebsdLongLineRest', { line: count }, 'error', whole);
      return;
    }
    if (failure.why === 'no-slash' && /^[ \t]+$/.test(line.text) && !line.hasNewline) {
      this.report('parse-error', 'freebsdBlankLastLine', { line: count }, 'error', whole, {
        safety: 'safe',
        description: 'remove the trailing blanks',
        edits: [{ start: line.start, end: line.start + line.text.length, text: '' }],
      });
      return;
    }
    if (failure.why === 'no-slash' && /^[ \t]*\r[ \t]*$/.test(line.text)) {
      this.report('crlf-line-ending', 'freebsdBlankLine', { line: count }, 'error', whole, {
        safety: 'safe',
        description: 'remove the carriage return',
        edits: [{ start: line.start, end: line.start + line.text.length, text: '' }],
      });
      return;
    }
    const field = fields[0] ?? { text: line.text, index: 0 };
    const span = fieldSpan(line, field);
    if (failure.why === 'no-slash' && line.text.includes('/')) {
      // parse_prefix() saw no / although the line has one: its strdup() copy stopped at a NUL byte before it.
      this.report('parse-error', 'freebsdNulBeforeSlash', { line: count }, 'error', span);
      return;
    }
    const slash = field.text.indexOf('/');
    const addressText = slash >= 0 ? field.text.slice(0, slash) : field.text;
    const address = classifyAddressText(addressText);
    if (failure.why === 'length') {
      const lengthSpan = lineSpan(line, field.index + Math.max(slash, 0), field.index + field.text.length);
      this.report('value-out-of-range', 'freebsdLength', { value: failure.value, line: count }, 'error', lengthSpan);
      return;
    }
    if (failure.why === 'missing-field') {
      const bytes = piece.end - piece.start;
      const stop = failure.at >= bytes ? 'leftover' : this.offsets.bytes[piece.start + failure.at] === 0 ? 'nul' : 'line-end';
      this.report('parse-error', 'freebsdMissingField', { field: failure.field, stop, line: count }, 'error', lineSpan(line, field.index, line.text.length));
      return;
    }
    if (address.kind === 'ipv4') {
      const len = slash >= 0 ? cAtoi(field.text.slice(slash + 1)).value : null;
      const suggestion = mappedEquivalent(addressText, len !== null && len >= 0 && len <= 32 ? len : null);
      this.report('ipv4-literal-prefix', 'freebsd', { address: addressText, suggestion, line: count }, 'error', span, {
        safety: 'unsafe',
        description: `write ${suggestion}`,
        edits: [{ start: span.start.offset, end: span.end.offset, text: suggestion }],
      });
      return;
    }
    if (failure.why === 'address' && failure.zone) {
      const at = this.charIndex(piece, line, failure.zoneAt!);
      const zoneEnd = this.charIndex(
        piece,
        line,
        failure.zoneAt! + 1 + failure.text.slice(failure.text.indexOf('%') + 1).length /* latin1: one byte per character */,
      );
      this.report(
        'zone-in-prefix',
        'freebsdRejected',
        { zone: line.text.slice(at, zoneEnd), why: failure.zone, line: count },
        'error',
        lineSpan(line, at, zoneEnd),
        {
          safety: 'unsafe',
          description: 'remove the zone',
          edits: [{ start: line.start + at, end: line.start + zoneEnd, text: '' }],
        },
      );
      return;
    }
    if (slash < 0) {
      this.report(
        'missing-prefix-length',
        'freebsd',
        { prefix: field.text, address: failure.why === 'address' ? failure.text : null, ipv6: address.kind === 'ipv6', line: count },
        'error',
        span,
        address.kind === 'ipv6' && !address.zone
          ? { safety: 'unsafe', description: 'add /128', edits: [{ start: span.end.offset, end: span.end.offset, text: '/128' }] }
          : undefined,
      );
      return;
    }
    this.report('parse-error', 'freebsdNotIPv6', { address: addressText, line: count }, 'error', lineSpan(line, field.index, field.index + slash));
  }

  private readUndefined(piece: Piece, line: SourceLine, fields: LineField[], field: FreebsdField) {
    const from = fields[0]?.index ?? 0;
    this.report('parse-error', 'freebsdNeverWritten', { field, line: piece.count }, 'error', lineSpan(line, from, line.text.length));
  }

  private readRow(piece: Piece, line: SourceLine, fields: LineField[], row: ParsedRow) {
    const bytes = piece.end - piece.start;
    const prefixField = fields[0]!;
    const slashAt = this.charIndex(piece, line, row.slashAt);
    const slashField = fields.findIndex((f) => slashAt >= f.index && slashAt < f.index + f.text.length);
    const prefixEnd = fields[slashField]!.index + fields[slashField]!.text.length;
    const prefixSpan = lineSpan(line, prefixField.index, prefixEnd);
    const prefix: PrefixNode = {
      text: line.text.slice(prefixField.index, prefixEnd),
      address: row.address,
      length: row.length,
      lengthImplicit: false,
      form: 'ipv6',
      span: prefixSpan,
    };
    // What install stores, for the rare messages that quote it: formatting it for every row
    // was a tenth of reading a 500k-row file.
    const installs = () => this.rowText(row);

    if (row.zone) this.reportZone(line, row.zone, piece, slashAt, slashField > 0 ? installs() : null);
    else if (slashField > 0) {
      this.report('parse-error', 'freebsdBlankInPrefix', { prefix: prefix.text, row: installs() }, 'error', prefixSpan);
    }
    this.checkLength(line, prefixField, slashAt, row.length);

    const numberAt = (offset: number, what: FreebsdField, value: number): { node: NumberNode; field: number } => {
      if (offset >= bytes) {
        const end = lineSpan(line, line.text.length, line.text.length);
        // One message when both came from leftover bytes.
        if (what === 'label' && row.precedenceAt >= bytes) return { node: { text: '', value, span: end }, field: fields.length };
        this.report('parse-error', 'freebsdLeftoverField', { field: what, row: installs() }, 'error', end);
        return { node: { text: '', value, span: end }, field: fields.length };
      }
      const at = this.charIndex(piece, line, offset);
      const index = fields.findIndex((f) => at >= f.index && at < f.index + f.text.length);
      const field = { text: fields[index]!.text.slice(at - fields[index]!.index), index: at };
      return { node: this.checkNumber(line, field, what, value), field: index };
    };
    const precedence = numberAt(row.precedenceAt, 'precedence', row.precedence);
    const label = numberAt(row.labelAt, 'label', row.label);
    const comment = this.readRest(line, fields.slice(label.field + 1));
    const end = label.field < fields.length ? fields[label.field]!.index + fields[label.field]!.text.length : line.text.length;
    const span = lineSpan(line, prefixField.index, end);
    const entry: RowEntry = comment
      ? { kind: 'row', prefix, precedence: precedence.node, label: label.node, span, comment }
      : { kind: 'row', prefix, precedence: precedence.node, label: label.node, span };
    this.entries.push(entry);
  }

  /**
   * A row the install model read by its plain-row shortcut (ParsedRow.plain): ASCII, so the
   * buffer's offsets are the line's, every field is plain digits, nothing follows the label,
   * and none of readRow's checks can report; the same row, without splitting fields, as
   * one PlainRow whose spans are made when asked for (./plain-row.ts).
   */
  private readPlainRow(line: SourceLine, row: ParsedRow) {
    const text = line.text;
    let prefixAt = 0;
    while (text.charCodeAt(prefixAt) === 0x20 || text.charCodeAt(prefixAt) === 0x09) prefixAt++;
    const at = line.start;
    this.entries.push(
      plainRow(
        this.source,
        line.number,
        at - (line.columnBase ?? 0),
        at + prefixAt,
        at + digitsEnd(text, row.slashAt + 1),
        row.address,
        row.length,
        row.precedence,
        at + row.precedenceAt,
        at + digitsEnd(text, row.precedenceAt),
        row.label,
        at + row.labelAt,
        at + digitsEnd(text, row.labelAt),
      ),
    );
  }

  private reportZone(line: SourceLine, zone: ZoneReading, piece: Piece, slashAt: number, shifted: string | null) {
    const at = this.charIndex(piece, line, zone.at);
    const span = lineSpan(line, at, slashAt);
    const text = line.text.slice(at, slashAt);
    const fix: Fix = { safety: 'safe', description: 'remove the zone', edits: [{ start: line.start + at, end: line.start + slashAt, text: '' }] };
    if (zone.by === 'unknown-name') {
      this.report('zone-in-prefix', 'freebsdUnknownInterface', { zone: text, line: piece.count }, 'warning', span, fix);
      return;
    }
    const reading = zone.by === 'name' ? { by: 'name' as const, name: zone.text, index: zone.scopeId } : { by: 'number' as const, scope: zone.scopeId };
    this.report('zone-in-prefix', 'freebsdAccepted', { zone: text, reading, shifted }, shifted ? 'error' : 'warning', span, shifted ? undefined : fix);
  }

  /** /LEN is atoi() of everything after the `/`, not just this field. */
  private checkLength(line: SourceLine, field: LineField, slashAt: number, length: number) {
    const lengthText = line.text
      .slice(slashAt + 1, field.index + field.text.length > slashAt ? field.index + field.text.length : line.text.length)
      .split(/[ \t]/)[0]!;
    const lengthSpan = lineSpan(line, slashAt, slashAt + 1 + lengthText.length);
    if (lengthText === '') {
      this.report('invalid-number', 'freebsdEmptyLength', { length }, 'error', lengthSpan);
    } else if (!isPlainDecimal(lengthText)) {
      this.report('invalid-number', 'freebsdLengthNotPlain', { text: lengthText, length }, cAtoi(lengthText).digits ? 'warning' : 'error', lengthSpan);
    }
  }

  private readRest(line: SourceLine, rest: LineField[]): CommentNode | undefined {
    if (rest.length === 0) return undefined;
    const first = rest[0]!;
    const end = line.text.replace(/[ \t\r]+$/, '').length;
    // Only blanks and a CRLF's \r after the label: nothing is ignored.
    if (end <= first.index) return undefined;
    if (first.text.startsWith('#')) {
      const comment: CommentNode = { text: line.text.slice(first.index, end), span: lineSpan(line, first.index, end), trailing: true };
      this.comments.push(comment);
      return comment;
    }
    // No severity: the rule's default (info), since install ignores the words and nothing changes.
    this.findings.push(
      finding('ignored-text', 'freebsdAfterLabel', { text: line.text.slice(first.index, end) }, lineSpan(line, first.index, end), {
        fix: {
          safety: 'safe',
          description: 'turn the extra text into a comment',
          edits: [{ start: line.start + first.index, end: line.start + first.index, text: '# ' }],
        },
      }),
    );
    return undefined;
  }

  private checkNumber(line: SourceLine, field: LineField, what: FreebsdField, value: number): NumberNode {
    const atoi = cAtoi(line.text.slice(field.index));
    const span = fieldSpan(line, field);
    const node: NumberNode = { text: field.text, value, span };
    // A CRLF file's last field ends in \r, which atoi stops at: that is still a plain number.
    const digitsOnly = /^[+-]?[0-9]+\r?$/.test(field.text);
    if (atoi.overflow) {
      this.report('value-out-of-range', 'freebsdNotCInt', { field: what, text: field.text, value }, 'error', span);
    } else if (!digitsOnly) {
      this.report('invalid-number', 'freebsdNotDecimal', { field: what, text: field.text, value, digits: atoi.digits }, 'error', span);
    } else if (what === 'label' && value === -1) {
      this.report('value-out-of-range', 'freebsdLabelMinusOne', {}, 'error', span);
    } else if (value < 0) {
      this.report('value-out-of-range', 'freebsdNegative', { field: what, value }, 'warning', span);
    } else if (field.text.startsWith('+')) {
      this.report('invalid-number', 'freebsdPlusSign', { field: what, text: field.text, value }, 'warning', span);
    }
    return node;
  }
}

export function readIp6addrctl(source: string, options: Ip6addrctlReadOptions = {}): Ip6addrctlReadResult {
  return new Ip6addrctlReader(source, options).read();
}
