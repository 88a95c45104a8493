// ip6addrctl.conf -> Policy, with a diagnostic wherever FreeBSD's `ip6addrctl install`
// does something the author may not expect. What install does is decided on the file's
// bytes by ./freebsd-install.ts (the fgets() buffer, SKIP_WORD, getaddrinfo, the kernel);
// this module turns each fgets() call's verdict into AST rows and messages with spans.
import { formatIPv6, maskValue } from '../model/address.js';
import type { CommentNode, NumberNode, Policy, PrefixNode, RowEntry } from '../model/ast.js';
import { cAtoi, isPlainDecimal } from '../model/c-numbers.js';
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { ByteOffsets, type SourceEncoding } from './byte-offsets.js';
import { FGETS_BUFFER_BYTES, simulateInstall, type Failure, type InstallRun, type ParsedRow, type Piece, type ZoneReading } from './freebsd-install.js';
import { mappedEquivalent, classifyAddressText } from './address-text.js';
import { countLines, detectEol, fieldSpan, lineSpan, type LineField, type SourceLine } from './source-lines.js';

/** fgets(line, 2048, fp) reads at most 2047 bytes. */
export const FGETS_MAX_BYTES = FGETS_BUFFER_BYTES - 1;

export interface Ip6addrctlReadOptions {
  /** How the text was decoded from the file's bytes (FreeBSD counts bytes). Default utf8. */
  readonly encoding?: SourceEncoding;
  /** The target host's interfaces in index order from 1, for `%zone` names; null: unknown. */
  readonly interfaces?: readonly string[] | null;
}

export interface ReadResult {
  readonly policy: Policy;
  readonly diagnostics: Diagnostic[];
  /** ip6addrctl.conf only: what `ip6addrctl install` does with the file. */
  readonly install?: InstallRun;
}

const abortText = (count: number) => `install stops with "parse failed at line ${count}" and installs nothing (rc.d flushed first: the table stays empty)`;

/** A field's text for a one-line message: control bytes escaped, long text cut. */
export function shown(text: string, max = 40): string {
  const escaped = text.replace(/[\0-\x1f\x7f]/g, (c) => ({ '\t': '\\t', '\r': '\\r', '\v': '\\v', '\f': '\\f', '\n': '\\n', '\0': '\\0' })[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

const ZONE_FAILURES: Record<NonNullable<Extract<Failure, { why: 'address' }>['zone']>, string> = {
  empty: 'an empty zone is invalid',
  'not-numeric': 'only fe80::/10, ff01::/16 and ff02::/16 take interface names; others need a decimal',
  'out-of-range': 'a numeric zone must be 0 to 4294967295',
  'no-such-interface': 'the host has no such interface, and it is not a decimal',
};

/** Fields as SKIP_WORD/SKIP_WHITE see them: split on spaces and tabs. */
function splitFields(text: string): LineField[] {
  const out: LineField[] = [];
  const re = /[^ \t]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], index: m.index });
  return out;
}

const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);

class Ip6addrctlReader {
  private readonly entries: RowEntry[] = [];
  private readonly comments: CommentNode[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly offsets: ByteOffsets;
  private readonly run: InstallRun;
  private lineNumber = 1;

  constructor(
    private readonly source: string,
    options: Ip6addrctlReadOptions,
  ) {
    this.offsets = new ByteOffsets(source, options.encoding ?? 'utf8');
    this.run = simulateInstall(this.offsets.bytes, { interfaces: options.interfaces ?? null });
  }

  read(): ReadResult {
    const pieces = this.run.pieces;
    for (let i = 0; i < pieces.length; ) {
      // The fgets() calls of one line of the file: more than one when it is over 2047 bytes.
      let j = i + 1;
      while (j < pieces.length && !pieces[j - 1]!.hasNewline) j++;
      this.readFileLine(pieces.slice(i, j));
      i = j;
    }
    const policy: Policy = {
      dialect: 'ip6addrctl',
      entries: this.entries,
      comments: this.comments,
      source: this.source,
      eol: detectEol(this.source),
      installable: this.run.outcome === 'installed' || this.run.outcome === 'depends-on-interfaces',
      lineCount: countLines(this.source),
    };
    return { policy, diagnostics: this.diagnostics, install: this.run };
  }

  private readFileLine(pieces: Piece[]) {
    const lineStart = this.offsets.toText(pieces[0]!.start);
    const lines = pieces.map((piece) => {
      const start = this.offsets.toText(piece.start);
      const end = this.offsets.toText(piece.end - (piece.hasNewline ? 1 : 0));
      return { number: this.lineNumber, start, text: this.source.slice(start, end), hasNewline: piece.hasNewline, columnBase: start - lineStart } satisfies SourceLine;
    });
    if (pieces.length > 1) this.reportLongLine(pieces, lines[0]!);
    pieces.forEach((piece, k) => this.readPiece(piece, lines[k]!, k > 0));
    this.lineNumber++;
  }

  private report(ruleId: string, severity: Severity, message: string, span: Diagnostic['span'], fix?: Diagnostic['fix']) {
    this.diagnostics.push(fix ? { ruleId, severity, message, span, fix } : { ruleId, severity, message, span });
  }

  /** A line `install` aborts on: always an error. */
  private fail(ruleId: string, what: string, count: number, fix: string, span: Diagnostic['span'], edit?: Diagnostic['fix']) {
    this.report(ruleId, 'error', `${what}: ${abortText(count)}. ${fix}`, span, edit);
  }

  private reportLongLine(pieces: Piece[], first: SourceLine) {
    const bytes = pieces[pieces.length - 1]!.end - pieces[0]!.start;
    const bad = pieces.find((p) => p.verdict.kind === 'fail' || p.verdict.kind === 'undefined');
    const [from, to] = [pieces[0]!.count, pieces[pieces.length - 1]!.count];
    const effect = bad ? `piece ${bad.count - from + 1} fails, so install aborts` : 'each piece still parses, but an edit can break that';
    this.report(
      'line-too-long',
      bad ? 'error' : 'warning',
      `Line is ${bytes} bytes: FreeBSD's fgets() reads at most 2047 bytes at a time, so ip6addrctl parses it as ${pieces.length} lines (${from}-${to} in its count); ${effect}. Keep lines under 2047 bytes.`,
      lineSpan(first, 0, Math.min(first.text.length, 200)),
    );
  }

  private readPiece(piece: Piece, line: SourceLine, continuation: boolean) {
    const v = piece.verdict;
    if (v.kind === 'blank') return;
    const fields = splitFields(line.text);
    if (v.kind === 'comment') {
      const at = this.charIndex(piece, line, v.at);
      this.comments.push({ text: line.text.slice(at), span: lineSpan(line, at, line.text.length), trailing: false });
      return;
    }
    const nul = line.text.indexOf('\0');
    if (nul >= 0) {
      const effect = v.kind === 'row' ? `here it installs \`${this.rowText(v.row)}\`` : 'here the line fails (see the other message)';
      this.report(
        'nul-byte',
        'warning',
        `NUL byte in an entry: ip6addrctl's strdup() and atoi() stop at it, but its field scan (SKIP_WORD) goes on past it; ${effect}. Remove the NUL byte.`,
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
      this.fail('parse-error', `This is the rest of a line over 2047 bytes, which fgets() hands over as line ${count} of its own, and it is not an entry`, count, 'Keep lines under 2047 bytes.', whole);
      return;
    }
    if (failure.why === 'no-slash' && /^[ \t]+$/.test(line.text) && !line.hasNewline) {
      this.fail('parse-error', 'Last line has only blanks and no newline: ip6addrctl reads it as an entry with no prefix', count, 'Remove the blanks or end the line with a newline.', whole, {
        safety: 'safe', description: 'remove the trailing blanks', edits: [{ start: line.start, end: line.start + line.text.length, text: '' }],
      });
      return;
    }
    if (failure.why === 'no-slash' && /^[ \t]*\r[ \t]*$/.test(line.text)) {
      this.fail('crlf-line-ending', 'Blank line with a CRLF (\\r\\n) ending: to ip6addrctl the \\r is not blank, so it reads the line as an entry and fails', count, 'Save the file with LF line endings.', whole, {
        safety: 'safe', description: 'remove the carriage return', edits: [{ start: line.start, end: line.start + line.text.length, text: '' }],
      });
      return;
    }
    const field = fields[0] ?? { text: line.text, index: 0 };
    const span = fieldSpan(line, field);
    const slash = field.text.indexOf('/');
    const addressText = slash >= 0 ? field.text.slice(0, slash) : field.text;
    const address = classifyAddressText(addressText);
    if (failure.why === 'length') {
      const lengthSpan = lineSpan(line, field.index + Math.max(slash, 0), field.index + field.text.length);
      this.fail('value-out-of-range', `Prefix length ${failure.value} is outside 0..128: ip6addrctl prints "invalid prefix length"`, count, 'Use a length from 0 to 128.', lengthSpan);
      return;
    }
    if (failure.why === 'missing-field') {
      const bytes = piece.end - piece.start;
      const where = failure.at >= bytes ? "runs past the line's end into bytes an earlier line left in its buffer and finds no value" : 'reaches the end of the line';
      const missing = failure.field === 'precedence' ? 'precedence and label' : 'label';
      this.fail('parse-error', `Missing ${missing}: ip6addrctl's field scan ${where}`, count, 'Write PREFIX/LEN PRECEDENCE LABEL.', lineSpan(line, field.index, line.text.length));
      return;
    }
    if (address.kind === 'ipv4') {
      const len = slash >= 0 ? cAtoi(field.text.slice(slash + 1)).value : null;
      const suggestion = mappedEquivalent(addressText, len !== null && len >= 0 && len <= 32 ? len : null);
      this.fail('ipv4-literal-prefix', `\`${shown(addressText)}\` is an IPv4 address; ip6addrctl resolves the prefix with getaddrinfo(AF_INET6), which rejects it`, count, `IPv4 rows are IPv4-mapped IPv6 prefixes: write \`${suggestion}\`.`, span, {
        safety: 'unsafe', description: `write ${suggestion}`, edits: [{ start: span.start.offset, end: span.end.offset, text: suggestion }],
      });
      return;
    }
    if (failure.why === 'address' && failure.zone) {
      const at = this.charIndex(piece, line, failure.zoneAt!);
      const zoneEnd = this.charIndex(piece, line, failure.zoneAt! + 1 + failure.text.slice(failure.text.indexOf('%') + 1).length /* latin1: one byte per character */);
      this.fail('zone-in-prefix', `Zone \`${shown(line.text.slice(at, zoneEnd))}\`: getaddrinfo rejects it (${ZONE_FAILURES[failure.zone]})`, count, 'Remove the zone (the kernel matches on the address only).', lineSpan(line, at, zoneEnd), {
        safety: 'unsafe', description: 'remove the zone', edits: [{ start: line.start + at, end: line.start + zoneEnd, text: '' }],
      });
      return;
    }
    if (slash < 0) {
      const through = failure.why === 'address' ? `; it takes the text up to the line's first / (\`${shown(failure.text)}\`) as the address, which getaddrinfo rejects` : '';
      this.fail('missing-prefix-length', `\`${shown(field.text)}\` has no /LEN: ip6addrctl requires PREFIX/LEN${through}`, count,
        address.kind === 'ipv6' ? `Write \`${shown(field.text)}/128\` for a single address.` : 'Write the prefix as PREFIX/LEN.', span,
        address.kind === 'ipv6' && !address.zone ? { safety: 'unsafe', description: 'add /128', edits: [{ start: span.end.offset, end: span.end.offset, text: '/128' }] } : undefined,
      );
      return;
    }
    this.fail('parse-error', `\`${shown(addressText)}\` is not an IPv6 address: getaddrinfo(AI_NUMERICHOST) fails`, count, 'Write the prefix as an IPv6 address, e.g. `2001:db8::/32`.', lineSpan(line, field.index, field.index + slash));
  }

  private readUndefined(piece: Piece, line: SourceLine, fields: LineField[], field: 'precedence' | 'label') {
    const missing = field === 'precedence' ? 'precedence and label' : 'label';
    const from = fields[0]?.index ?? 0;
    this.report(
      'parse-error',
      'error',
      `Missing ${missing}: ip6addrctl's field scan runs past the end of the line and past all that fgets() ever stored, into memory never written; what install does from line ${piece.count} on depends on memory contents. Write PREFIX/LEN PRECEDENCE LABEL.`,
      lineSpan(line, from, line.text.length),
    );
  }

  private readRow(piece: Piece, line: SourceLine, fields: LineField[], row: ParsedRow) {
    const bytes = piece.end - piece.start;
    const prefixField = fields[0]!;
    const slashAt = this.charIndex(piece, line, row.slashAt);
    const slashField = fields.findIndex((f) => slashAt >= f.index && slashAt < f.index + f.text.length);
    const prefixEnd = fields[slashField]!.index + fields[slashField]!.text.length;
    const prefixSpan = lineSpan(line, prefixField.index, prefixEnd);
    const prefix: PrefixNode = { text: line.text.slice(prefixField.index, prefixEnd), address: row.address, length: row.length, lengthImplicit: false, form: 'ipv6', span: prefixSpan };
    const installs = `FreeBSD installs \`${this.rowText(row)}\``;

    if (row.zone) this.reportZone(line, row.zone, piece, slashAt, slashField > 0 ? installs : null);
    else if (slashField > 0) {
      this.report('parse-error', 'error', `The prefix \`${shown(prefix.text)}\` has a blank in it: ip6addrctl reads the address up to the line's first /, but the precedence and label from the words after the first blank; ${installs}. Remove the blank.`, prefixSpan);
    }
    this.checkLength(line, prefixField, slashAt, row.length);

    const numberAt = (offset: number, what: 'precedence' | 'label', value: number): { node: NumberNode; field: number } => {
      if (offset >= bytes) {
        const end = lineSpan(line, line.text.length, line.text.length);
        const missing = what === 'precedence' ? 'precedence and label' : 'label';
        // One message when both came from leftover bytes.
        if (what === 'label' && row.precedenceAt >= bytes) return { node: { text: '', value, span: end }, field: fields.length };
        this.report('parse-error', 'error', `Missing ${missing}: with no blank after the last field, ip6addrctl's field scan runs past the end of the line into bytes an earlier, longer line left in its buffer; ${installs}. Write PREFIX/LEN PRECEDENCE LABEL.`, end);
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

  private reportZone(line: SourceLine, zone: ZoneReading, piece: Piece, slashAt: number, shifted: string | null) {
    const at = this.charIndex(piece, line, zone.at);
    const span = lineSpan(line, at, slashAt);
    const text = shown(line.text.slice(at, slashAt));
    const fix: Diagnostic['fix'] = { safety: 'safe', description: 'remove the zone', edits: [{ start: line.start + at, end: line.start + slashAt, text: '' }] };
    if (zone.by === 'unknown-name') {
      this.report('zone-in-prefix', 'warning', `Zone \`${text}\` names an interface: install works only if the host has it (else "parse failed at line ${piece.count}" and an empty table); pass --interfaces to check. The kernel ignores the zone. Remove it.`, span, fix);
      return;
    }
    const how = zone.by === 'name' ? `interface ${shown(zone.text)}, index ${zone.scopeId}` : `scope ${zone.scopeId}`;
    const also = shifted ? `; the blank in it shifts the fields: ${shifted}` : '';
    this.report('zone-in-prefix', shifted ? 'error' : 'warning', `Zone \`${text}\`: getaddrinfo accepts it (${how}) and the kernel stores it but matches on the address only, so the row applies on every interface${also}. Remove the zone.`, span, shifted ? undefined : fix);
  }

  /** /LEN is atoi() of everything after the `/`, not just this field. */
  private checkLength(line: SourceLine, field: LineField, slashAt: number, length: number) {
    const lengthText = line.text.slice(slashAt + 1, field.index + field.text.length > slashAt ? field.index + field.text.length : line.text.length).split(/[ \t]/)[0]!;
    const lengthSpan = lineSpan(line, slashAt, slashAt + 1 + lengthText.length);
    if (lengthText === '') {
      this.report('invalid-number', 'error', `Empty /LEN: atoi() skips the blank after the / and reads the precedence field as the length too, so the prefix is /${length}. Write the length right after the /.`, lengthSpan);
    } else if (!isPlainDecimal(lengthText)) {
      this.report('invalid-number', cAtoi(lengthText).digits ? 'warning' : 'error', `/LEN \`${shown(lengthText)}\` is not a plain decimal: atoi() reads it as ${length}. Write the length as digits only.`, lengthSpan);
    }
  }

  private readRest(line: SourceLine, rest: LineField[]): CommentNode | undefined {
    if (rest.length === 0) return undefined;
    const first = rest[0]!;
    const end = line.text.replace(/[ \t\r]+$/, '').length;
    if (first.text.startsWith('#')) {
      const comment: CommentNode = { text: line.text.slice(first.index, end), span: lineSpan(line, first.index, end), trailing: true };
      this.comments.push(comment);
      return comment;
    }
    this.report('ignored-text', 'warning', `ip6addrctl ignores everything after the label: \`${shown(line.text.slice(first.index, end))}\` has no effect. Remove it, or start it with # to make it a comment.`, lineSpan(line, first.index, end), {
      safety: 'safe', description: 'turn the extra text into a comment', edits: [{ start: line.start + first.index, end: line.start + first.index, text: '# ' }],
    });
    return undefined;
  }

  private checkNumber(line: SourceLine, field: LineField, what: 'precedence' | 'label', value: number): NumberNode {
    const atoi = cAtoi(line.text.slice(field.index));
    const span = fieldSpan(line, field);
    const node: NumberNode = { text: field.text, value, span };
    // A CRLF file's last field ends in \r, which atoi stops at: that is still a plain number.
    const digitsOnly = /^[+-]?[0-9]+\r?$/.test(field.text);
    const name = capital(what);
    if (atoi.overflow) {
      this.report('value-out-of-range', 'error', `${name} \`${shown(field.text)}\` does not fit in an int: atoi() makes it ${value}. Use a value from 0 to 2147483647.`, span);
    } else if (!digitsOnly) {
      this.report('invalid-number', 'error', `${name} \`${shown(field.text)}\` is not a decimal number: atoi() reads it as ${value}${atoi.digits ? ' and ignores the rest' : ''}, and install goes on without a warning. Write the ${what} as digits.`, span);
    } else if (what === 'label' && value === -1) {
      this.report('value-out-of-range', 'error', 'Label -1 means "no label" to the FreeBSD kernel: it refuses the row with EINVAL, ip6addrctl prints a warning and goes on, so this row is never installed. Use a label from 0 to 2147483647.', span);
    } else if (value < 0) {
      this.report('value-out-of-range', 'warning', what === 'precedence'
        ? `Negative precedence ${value}: the kernel accepts it and libc ranks these destinations below every other matched one (a matched destination still beats one that matches no row). Use a value from 0 to 2147483647.`
        : `Negative label ${value}: the kernel accepts it, but glibc cannot express it, so this policy cannot be carried to Linux. Use a label from 0 to 2147483647.`, span);
    } else if (field.text.startsWith('+')) {
      this.report('invalid-number', 'warning', `${name} \`${shown(field.text)}\`: atoi() accepts the sign and reads ${value}. Write plain digits.`, span);
    }
    return node;
  }
}

export function readIp6addrctl(source: string, options: Ip6addrctlReadOptions = {}): ReadResult {
  return new Ip6addrctlReader(source, options).read();
}
