// ip6addrctl.conf -> Policy, deciding line by line what FreeBSD's `ip6addrctl install`
// (usr.sbin/ip6addrctl/ip6addrctl.c, make_policy_fromfile and parse_prefix) does:
// - fgets() into a 2048-byte buffer: a longer line is cut after 2047 bytes and the rest
//   is parsed as a line of its own (and counted: "parse failed at line N" counts pieces);
// - a line is skipped when, after spaces and tabs, it is empty or starts with `#`;
// - parse_prefix() gets the whole rest of the line and cuts it at the first `/`: no `/`
//   fails, and LEN is atoi() of everything after the `/` (atoi skips blanks, so
//   `::/ 50 1` has LEN 50);
// - PRECEDENCE and LABEL are atoi() of the next two blank-separated fields;
// - any failure aborts: "parse failed at line N", and nothing from the file is installed.
import type { IToken } from 'chevrotain';
import { parseIp6addrctlLines } from '../../grammar/ip6addrctl.js';
import type { CommentNode, NumberNode, Policy, PrefixNode, RowEntry } from '../model/ast.js';
import { cAtoi, isPlainDecimal } from '../model/c-numbers.js';
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { mappedEquivalent, classifyAddressText } from './address-text.js';
import {
  childNode, countLines, detectEol, fieldSpan, lineSpan, sourceLineOf, toField, tokensOf, utf8Length,
  type LineField, type SourceLine,
} from './source-lines.js';

/** fgets(line, 2048, fp) reads at most 2047 bytes. */
export const FGETS_MAX_BYTES = 2047;

export interface ReadResult {
  readonly policy: Policy;
  readonly diagnostics: Diagnostic[];
}

const abortText = (fgetsLine: number) =>
  `ip6addrctl install stops with "parse failed at line ${fgetsLine}" and installs nothing from this file ` +
  '(rc.d flushes first, so the table is left empty and libc stops sorting)';

class Ip6addrctlReader {
  readonly entries: RowEntry[] = [];
  readonly comments: CommentNode[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** fgets() calls so far: the line number FreeBSD prints. */
  private fgetsCount = 0;
  private installable = true;

  constructor(private readonly source: string) {}

  read(): ReadResult {
    parseIp6addrctlLines(this.source, (lineNode) => this.readLine(lineNode));
    this.readTrailingBlanks();
    const policy: Policy = {
      dialect: 'ip6addrctl',
      entries: this.entries,
      comments: this.comments,
      source: this.source,
      eol: detectEol(this.source),
      installable: this.installable,
      lineCount: countLines(this.source),
    };
    return { policy, diagnostics: this.diagnostics };
  }

  private readLine(lineNode: import('chevrotain').CstNode) {
    const entry = childNode(lineNode, 'entry');
    const comment = tokensOf(lineNode, 'Comment')[0];
    const newline = tokensOf(lineNode, 'Newline')[0];
    const first = entry ? tokensOf(entry, 'prefix')[0]! : (comment ?? newline)!;
    const line = sourceLineOf(this.source, first);
    if (utf8Length(line.text) + (line.hasNewline ? 1 : 0) > FGETS_MAX_BYTES) {
      this.readLongLine(line);
      return;
    }
    this.fgetsCount++;
    if (comment) {
      this.readWholeLineComment(line, toField(line, comment));
      return;
    }
    if (!entry) {
      this.readBlankLine(line);
      return;
    }
    const fields = ['prefix', 'precedence', 'label', 'rest'].flatMap((label) => tokensOf(entry, label)).map((t: IToken) => toField(line, t));
    this.readEntryLine(line, fields);
  }

  private report(ruleId: string, severity: Severity, message: string, span: Diagnostic['span'], fix?: Diagnostic['fix']) {
    this.diagnostics.push(fix ? { ruleId, severity, message, span, fix } : { ruleId, severity, message, span });
  }

  /** A failure `install` aborts on: always an error, and nothing gets installed. */
  private fail(ruleId: string, what: string, fix: string, span: Diagnostic['span'], edit?: Diagnostic['fix']) {
    this.installable = false;
    this.report(ruleId, 'error', `${what}: ${abortText(this.fgetsCount)}. ${fix}`, span, edit);
  }

  private readWholeLineComment(line: SourceLine, field: LineField) {
    const text = line.text.slice(field.index);
    this.comments.push({ text, span: lineSpan(line, field.index, line.text.length), trailing: false });
  }

  private readBlankLine(line: SourceLine) {
    // Only blanks: skipped when the newline follows; fgets() hands over "\n" for that.
    if (line.hasNewline || line.text.length === 0) return;
    this.fail(
      'parse-error',
      'Last line has only blanks and no newline: ip6addrctl reads it as an entry with no prefix',
      'Remove the blanks or end the line with a newline.',
      lineSpan(line, 0, line.text.length),
      { safety: 'safe', description: 'remove the trailing blanks', edits: [{ start: line.start, end: line.start + line.text.length, text: '' }] },
    );
  }

  /** Blanks after the last newline make no token, but fgets() still returns them as a line. */
  private readTrailingBlanks() {
    const lastNewline = this.source.lastIndexOf('\n');
    const tail = this.source.slice(lastNewline + 1);
    if (tail.length === 0 || !/^[ \t]+$/.test(tail)) return;
    this.fgetsCount++;
    const number = lastNewline < 0 ? 1 : this.source.slice(0, lastNewline + 1).split('\n').length;
    this.readBlankLine({ number, start: lastNewline + 1, text: tail, hasNewline: false });
  }

  /** A line over 2047 bytes: fgets() returns it in pieces and each piece is parsed as a line. */
  private readLongLine(line: SourceLine) {
    const pieces = splitForFgets(line);
    const firstPiece = this.fgetsCount + 1;
    this.report(
      'line-too-long',
      'error',
      `Line is ${utf8Length(line.text) + (line.hasNewline ? 1 : 0)} bytes: ip6addrctl reads lines with fgets() into a 2048-byte buffer, ` +
        `so it parses this one as ${pieces.length} lines (counted as lines ${firstPiece}-${firstPiece + pieces.length - 1} in its messages). ` +
        'Keep lines under 2047 bytes.',
      lineSpan(line, 0, Math.min(line.text.length, 200)),
    );
    for (const piece of pieces) {
      this.fgetsCount++;
      const fields = splitFields(piece.text);
      if (fields.length === 0) {
        this.readBlankLine(piece);
      } else if (fields[0]!.text.startsWith('#')) {
        this.readWholeLineComment(piece, fields[0]!);
      } else {
        this.readEntryLine(piece, fields);
      }
    }
  }

  private readEntryLine(line: SourceLine, fields: LineField[]) {
    const nul = line.text.indexOf('\0');
    if (nul >= 0) {
      this.fail(
        'nul-byte',
        'NUL byte in an entry: ip6addrctl\'s C string handling stops at it and then scans past it (undefined behaviour)',
        'Remove the NUL byte.',
        lineSpan(line, nul, nul + 1),
      );
      return;
    }
    if (/^[ \t]*\r[ \t]*$/.test(line.text)) {
      this.fail(
        'crlf-line-ending',
        'Blank line with a CRLF (\\r\\n) ending: to ip6addrctl the \\r is not blank, so it reads the line as an entry and fails',
        'Save the file with LF line endings.',
        lineSpan(line, 0, line.text.length),
        { safety: 'safe', description: 'remove the carriage return', edits: [{ start: line.start, end: line.start + line.text.length, text: '' }] },
      );
      return;
    }
    const prefix = this.readPrefix(line, fields);
    if (!prefix) return;

    // SKIP_WORD/SKIP_WHITE: each of the next two fields must exist on the line.
    const [, precedenceField, labelField, ...rest] = fields;
    if (!precedenceField || !labelField) {
      const missing = !precedenceField ? 'precedence and label' : 'label';
      this.fail(
        'parse-error',
        `Missing ${missing}: ip6addrctl needs PREFIX/LEN PRECEDENCE LABEL (with no blank after the last field it even reads past the end of the line)`,
        'Add the missing fields, e.g. `::/0 40 1`.',
        lineSpan(line, fields[0]!.index, line.text.length),
      );
      return;
    }
    const precedence = this.readNumber(line, precedenceField, 'precedence');
    const label = this.readNumber(line, labelField, 'label');

    let comment: CommentNode | undefined;
    if (rest.length > 0) {
      const first = rest[0]!;
      const end = line.text.replace(/[ \t\r]+$/, '').length;
      if (first.text.startsWith('#')) {
        comment = { text: line.text.slice(first.index, end), span: lineSpan(line, first.index, end), trailing: true };
        this.comments.push(comment);
      } else {
        this.report(
          'ignored-text',
          'warning',
          `ip6addrctl ignores everything after the label: \`${line.text.slice(first.index, end)}\` has no effect. Remove it, or start it with # to make it a comment.`,
          lineSpan(line, first.index, end),
          { safety: 'safe', description: 'turn the extra text into a comment', edits: [{ start: line.start + first.index, end: line.start + first.index, text: '# ' }] },
        );
      }
    }
    const span = lineSpan(line, fields[0]!.index, labelField.index + labelField.text.length);
    this.entries.push(comment ? { kind: 'row', prefix, precedence, label, span, comment } : { kind: 'row', prefix, precedence, label, span });
  }

  private readPrefix(line: SourceLine, fields: LineField[]): PrefixNode | undefined {
    const field = fields[0]!;
    const slash = field.text.indexOf('/');
    const addressText = slash >= 0 ? field.text.slice(0, slash) : field.text;
    const address = classifyAddressText(addressText);
    const span = fieldSpan(line, field);
    if (address.kind === 'ipv4') {
      const len = slash >= 0 ? cAtoi(field.text.slice(slash + 1)).value : null;
      const suggestion = mappedEquivalent(addressText, len !== null && len >= 0 && len <= 32 ? len : null);
      this.fail(
        'ipv4-literal-prefix',
        `\`${addressText}\` is an IPv4 address; ip6addrctl resolves the prefix with getaddrinfo(AF_INET6), which rejects it`,
        `IPv4 rows are IPv4-mapped IPv6 prefixes: write \`${suggestion}\`.`,
        span,
        { safety: 'unsafe', description: `write ${suggestion}`, edits: [{ start: span.start.offset, end: span.end.offset, text: suggestion }] },
      );
      return undefined;
    }
    if (slash < 0) {
      this.fail(
        'missing-prefix-length',
        `\`${field.text}\` has no /LEN: ip6addrctl requires PREFIX/LEN`,
        address.kind === 'ipv6' ? `Write \`${field.text}/128\` for a single address.` : 'Write the prefix as PREFIX/LEN.',
        span,
        address.kind === 'ipv6' && !address.zone
          ? { safety: 'unsafe', description: 'add /128', edits: [{ start: span.end.offset, end: span.end.offset, text: '/128' }] }
          : undefined,
      );
      return undefined;
    }
    if (address.kind !== 'ipv6') {
      this.fail(
        'parse-error',
        `\`${addressText}\` is not an IPv6 address: getaddrinfo(AI_NUMERICHOST) fails`,
        'Write the prefix as an IPv6 address, e.g. `2001:db8::/32`.',
        lineSpan(line, field.index, field.index + slash),
      );
      return undefined;
    }
    if (address.zone !== undefined) {
      this.report(
        'zone-in-prefix',
        'warning',
        `Zone \`%${address.zone}\` in a prefix: ip6addrctl accepts it only if that interface exists when it runs (otherwise "parse failed" and nothing is installed), and the kernel ignores it, so the row applies on every interface. Remove the zone.`,
        lineSpan(line, field.index + addressText.indexOf('%'), field.index + slash),
        { safety: 'safe', description: 'remove the zone', edits: [{ start: line.start + field.index + addressText.indexOf('%'), end: line.start + field.index + slash, text: '' }] },
      );
    }
    // atoi() runs over the rest of the line, not just this field.
    const lengthText = field.text.slice(slash + 1);
    const atoi = cAtoi(line.text.slice(field.index + slash + 1));
    const lengthSpan = lineSpan(line, field.index + slash, field.index + field.text.length);
    if (lengthText === '') {
      this.report(
        'invalid-number',
        'error',
        `Empty /LEN: atoi() skips the blank after the / and reads the precedence field as the length too, so the prefix is /${atoi.value}. ` +
          'Write the length right after the /.',
        lengthSpan,
      );
    } else if (!isPlainDecimal(lengthText)) {
      this.report(
        'invalid-number',
        atoi.digits ? 'warning' : 'error',
        `/LEN \`${lengthText}\` is not a plain decimal: atoi() reads it as ${atoi.value}. Write the length as digits only.`,
        lengthSpan,
      );
    }
    if (atoi.value < 0 || atoi.value > 128) {
      this.fail('value-out-of-range', `Prefix length ${atoi.value} is outside 0..128: "invalid prefix length"`, 'Use a length from 0 to 128.', lengthSpan);
      return undefined;
    }
    return {
      text: field.text,
      address: address.address,
      length: atoi.value,
      lengthImplicit: false,
      form: 'ipv6',
      span,
    };
  }

  private readNumber(line: SourceLine, field: LineField, what: 'precedence' | 'label'): NumberNode {
    const atoi = cAtoi(line.text.slice(field.index));
    const span = fieldSpan(line, field);
    const node: NumberNode = { text: field.text, value: atoi.value, span };
    // A CRLF file's last field ends in \r, which atoi stops at: that is still a plain number.
    const digitsOnly = /^[+-]?[0-9]+\r?$/.test(field.text);
    if (atoi.overflow) {
      this.report(
        'value-out-of-range',
        'error',
        `${capital(what)} \`${field.text}\` does not fit in an int: atoi() makes it ${atoi.value}. Use a value from 0 to 2147483647.`,
        span,
      );
    } else if (!digitsOnly) {
      this.report(
        'invalid-number',
        'error',
        `${capital(what)} \`${field.text}\` is not a decimal number: atoi() reads it as ${atoi.value}${atoi.digits ? ' and ignores the rest' : ''}, and install goes on without a warning. Write the ${what} as digits.`,
        span,
      );
    } else if (what === 'label' && atoi.value === -1) {
      this.report(
        'value-out-of-range',
        'error',
        'Label -1 means "no label" to the FreeBSD kernel: it refuses the row with EINVAL, ip6addrctl prints a warning and goes on, so this row is never installed. Use a label from 0 to 2147483647.',
        span,
      );
    } else if (atoi.value < 0) {
      this.report(
        'value-out-of-range',
        'warning',
        what === 'precedence'
          ? `Negative precedence ${atoi.value}: the kernel accepts it and libc ranks these destinations below every other matched one (a matched destination still beats one that matches no row). Use a value from 0 to 2147483647.`
          : `Negative label ${atoi.value}: the kernel accepts it, but glibc cannot express it, so this policy cannot be carried to Linux. Use a label from 0 to 2147483647.`,
        span,
      );
    } else if (field.text.startsWith('+')) {
      this.report('invalid-number', 'warning', `${capital(what)} \`${field.text}\`: atoi() accepts the sign and reads ${atoi.value}. Write plain digits.`, span);
    }
    return node;
  }
}

function capital(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** Fields as SKIP_WORD/SKIP_WHITE see them: split on spaces and tabs. */
function splitFields(text: string): LineField[] {
  const out: LineField[] = [];
  const re = /[^ \t]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], index: m.index });
  return out;
}

/** The pieces fgets(buf, 2048) returns for one long line. */
function splitForFgets(line: SourceLine): SourceLine[] {
  // Walk line.text itself (no `text + '\n'` copy: on a 10 MB line V8 would rebuild it on
  // every codePointAt); the newline is one more byte after the last character.
  const pieces: SourceLine[] = [];
  const { text } = line;
  let from = 0;
  for (;;) {
    let bytes = 0;
    let to = from;
    while (to < text.length) {
      const code = text.codePointAt(to)!;
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (bytes + size > FGETS_MAX_BYTES) break;
      bytes += size;
      to += code >= 0x10000 ? 2 : 1;
    }
    const newlineFits = to === text.length && line.hasNewline && bytes + 1 <= FGETS_MAX_BYTES;
    pieces.push({ number: line.number, start: line.start + from, text: text.slice(from, to), hasNewline: newlineFits, columnBase: from });
    from = to;
    if (to === text.length && (newlineFits || !line.hasNewline)) break;
    if (to === text.length) {
      // The newline alone is read by one more fgets() call: an empty line, skipped.
      pieces.push({ number: line.number, start: line.start + to, text: '', hasNewline: true, columnBase: to });
      break;
    }
  }
  return pieces;
}

export function readIp6addrctl(source: string): ReadResult {
  return new Ip6addrctlReader(source).read();
}
