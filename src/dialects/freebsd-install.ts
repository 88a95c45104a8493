// What FreeBSD's `ip6addrctl install FILE` does with a file's bytes, step by step as its
// C code does it (usr.sbin/ip6addrctl make_policy_fromfile/parse_prefix, libc
// getaddrinfo(AI_NUMERICHOST) with its scope-id parsing, the kernel's in6_src_ioctl), so
// the outcome matches the recorded FreeBSD runs in fixtures/freebsd-recorded/records/.
//
// Why bytes and a buffer model rather than lines of text:
// - fgets() counts bytes (2047 a call) and the line number FreeBSD prints counts calls;
// - the buffer is never cleared: fgets() writes the new line and one NUL, and the bytes an
//   earlier, longer line left after that NUL stay there;
// - SKIP_WORD stops only at a space or tab, past NULs and newlines, so a missing field is
//   read from those leftover bytes, or from memory never written (undefined behaviour);
// - strdup()/strchr()/atoi() stop at the first NUL, so a NUL inside an entry is harmless.
import { maskValue, networkBits, parseIPv6, plainIPv6Bytes } from '../model/address.js';
import { cAtoi, isCSpace } from '../model/c-numbers.js';

/** `char line[_POSIX2_LINE_MAX]`: fgets() stores at most 2047 bytes and a NUL. */
export const FGETS_BUFFER_BYTES = 2048;
const NEVER_WRITTEN = -1;
const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const NUL = 0;

export interface InstallOptions {
  /** The target host's interfaces in index order from 1; null: not known. */
  readonly interfaces?: readonly string[] | null;
  /** Model every line byte by byte, without the plain-row shortcut (tests compare the two). */
  readonly byteByByte?: boolean;
}

/** How getaddrinfo read the `%zone` of a prefix. */
export interface ZoneReading {
  /** The zone's bytes (as latin1 text), after the first `%`. */
  readonly text: string;
  /** Offset of the `%` in the line. */
  readonly at: number;
  /** `name`: an interface of the host; `number`: strtoul; `unknown-name`: interfaces not given. */
  readonly by: 'name' | 'number' | 'unknown-name';
  readonly scopeId: number;
}

export type ZoneFailure = 'empty' | 'not-numeric' | 'out-of-range' | 'no-such-interface';

export interface ParsedRow {
  /** The address as written (host bits included). */
  readonly address: bigint;
  readonly length: number;
  readonly precedence: number;
  readonly label: number;
  readonly zone: ZoneReading | null;
  /** Offsets in the line (the buffer starts at the line) of the `/` and where atoi() began each value; at or past `lineBytes`, the value came from bytes an earlier line left. */
  readonly slashAt: number;
  readonly precedenceAt: number;
  readonly labelAt: number;
  /**
   * Read by the plain-row shortcut: the line is `PREFIX/LEN PRECEDENCE LABEL` in hex, colons
   * and at most 9-digit decimals, with blanks between and only blanks after, so its text
   * and its bytes are the same ASCII and every field ends at a blank or the line's end.
   */
  readonly plain: boolean;
}

export type Failure =
  | { readonly why: 'no-slash' }
  | { readonly why: 'address'; readonly text: string; readonly zone?: ZoneFailure; readonly zoneAt?: number }
  | { readonly why: 'length'; readonly value: number }
  | { readonly why: 'missing-field'; readonly field: 'precedence' | 'label'; readonly at: number };

export type Verdict =
  | { readonly kind: 'blank' }
  | { readonly kind: 'comment'; readonly at: number }
  | { readonly kind: 'row'; readonly row: ParsedRow }
  | { readonly kind: 'fail'; readonly failure: Failure }
  /** A scan read memory no fgets() call wrote: what happens depends on stack contents. */
  | { readonly kind: 'undefined'; readonly field: 'precedence' | 'label'; readonly at: number };

/** One fgets() call: FreeBSD's "line" (`count`). */
export interface Piece {
  readonly count: number;
  /** Byte range in the file, the newline included when this call read it. */
  readonly start: number;
  readonly end: number;
  readonly hasNewline: boolean;
  readonly verdict: Verdict;
}

export type KernelError = 'File exists' | 'Invalid argument';

export interface InstalledRow {
  /** Host bits masked, as the kernel stores it. */
  readonly address: bigint;
  readonly length: number;
  readonly precedence: number;
  readonly label: number;
  readonly scopeId: number;
  readonly line: number;
}

export type InstallOutcome = 'installed' | 'aborted' | 'undefined' | 'depends-on-interfaces';

export interface InstallRun {
  readonly outcome: InstallOutcome;
  /** The line (fgets count) that decided a non-installed outcome. */
  readonly line: number | null;
  /** The kernel's table afterwards (rc.d flushed it first), or null when it cannot be known. */
  readonly rows: readonly InstalledRow[] | null;
  /** Rows the kernel refused (install goes on after each). */
  readonly refused: readonly { readonly line: number; readonly error: KernelError }[];
  /** What ip6addrctl prints on standard error, for the installed and aborted outcomes. */
  readonly stderr: string;
}

class OutOfWrittenMemory extends Error {
  constructor(readonly at: number) {
    super('read of never-written memory');
  }
}

/** The fgets() buffer, remembering which bytes were ever written. */
class LineBuffer {
  private readonly bytes = new Int16Array(FGETS_BUFFER_BYTES).fill(NEVER_WRITTEN);

  /** fgets(): the line's bytes, then a NUL. */
  store(source: Uint8Array, start: number, end: number) {
    for (let i = start; i < end; i++) this.bytes[i - start] = source[i]!;
    this.bytes[end - start] = NUL;
  }

  at(index: number): number {
    const byte = index < FGETS_BUFFER_BYTES ? this.bytes[index]! : NEVER_WRITTEN;
    if (byte === NEVER_WRITTEN) throw new OutOfWrittenMemory(index);
    return byte;
  }

  /** The bytes [from, to) as latin1 text, in one call (a string built byte by byte was most of reading a large file). */
  private text(from: number, to: number): string {
    return String.fromCharCode.apply(null, this.bytes.subarray(from, to) as unknown as number[]);
  }

  /** The C string at `from` (up to its NUL), as latin1 text. */
  cString(from: number): string {
    let i = from;
    while (this.at(i) !== NUL) i++;
    return this.text(from, i);
  }

  /** atoi() at `from`: it reads spaces, a sign and digits. */
  atoi(from: number): number {
    let i = from;
    while (isCSpace(this.at(i))) i++;
    if (this.at(i) === 0x2b || this.at(i) === 0x2d) i++;
    while (this.at(i) >= 0x30 && this.at(i) <= 0x39) i++;
    return cAtoi(this.text(from, i)).value;
  }
}

const isBlank = (b: number) => b === SPACE || b === TAB;

/** Link-local unicast and interface/link-local multicast: the scopes that take interface names. */
function takesInterfaceName(address: bigint): boolean {
  const top = Number(address >> 112n);
  return (top & 0xffc0) === 0xfe80 || ((top & 0xff00) === 0xff00 && ((top & 0x0f) === 1 || (top & 0x0f) === 2));
}

/** strtoul(scope, &ep, 10) with getaddrinfo's checks: all of it consumed, no ERANGE, fits 32 bits. */
function numericScope(text: string): number | null {
  let i = 0;
  while (i < text.length && isCSpace(text.charCodeAt(i))) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') negative = text[i++] === '-';
  const digitsStart = i;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  if (i === digitsStart || i !== text.length) return null;
  const magnitude = BigInt(text.slice(digitsStart, i));
  if (magnitude >= 1n << 64n) return null;
  const value = negative ? ((1n << 64n) - magnitude) & ((1n << 64n) - 1n) : magnitude;
  return value <= 0xffffffffn ? Number(value) : null;
}

type AddressReading = { ok: true; address: bigint; zone: ZoneReading | null } | { ok: false; zone?: ZoneFailure; zoneAt?: number };

/** getaddrinfo(text, AI_NUMERICHOST, AF_INET6): inet_pton, then a `%zone` by the address's kind. */
function readAddress(text: string, textAt: number, interfaces: readonly string[] | null): AddressReading {
  const percent = text.indexOf('%');
  const address = parseIPv6(percent < 0 ? text : text.slice(0, percent));
  if (address === null) return { ok: false };
  if (percent < 0) return { ok: true, address, zone: null };
  const zoneText = text.slice(percent + 1);
  const zoneAt = textAt + percent;
  if (zoneText === '') return { ok: false, zone: 'empty', zoneAt };
  const reading = (by: ZoneReading['by'], scopeId: number): AddressReading => ({ ok: true, address, zone: { text: zoneText, at: zoneAt, by, scopeId } });
  // A zone that strtoul reads as a number, but one outside 32 bits (`%4294967296`, `%-1`).
  const outOfRange = /^[\s+-]*[0-9]+$/.test(zoneText);
  if (takesInterfaceName(address)) {
    const index = interfaces ? interfaces.indexOf(zoneText) : -1;
    if (index >= 0) return reading('name', index + 1);
    const number = numericScope(zoneText);
    if (number !== null) return reading('number', number);
    if (!interfaces) return reading('unknown-name', 0);
    return { ok: false, zone: outOfRange ? 'out-of-range' : 'no-such-interface', zoneAt };
  }
  const number = numericScope(zoneText);
  if (number !== null) return reading('number', number);
  return { ok: false, zone: outOfRange ? 'out-of-range' : 'not-numeric', zoneAt };
}

/** make_policy_fromfile()'s loop body for the line now in the buffer. */
function readBufferedLine(buffer: LineBuffer, interfaces: readonly string[] | null): Verdict {
  let cp = 0;
  while (isBlank(buffer.at(cp))) cp++;
  if (buffer.at(cp) === NEWLINE) return { kind: 'blank' };
  if (buffer.at(cp) === 0x23) return { kind: 'comment', at: cp };
  const prefixAt = cp;

  // parse_prefix(): a copy of the rest of the line, cut at its first `/`.
  const rest = buffer.cString(prefixAt);
  const slash = rest.indexOf('/');
  if (slash < 0) return { kind: 'fail', failure: { why: 'no-slash' } };
  const addressText = rest.slice(0, slash);
  const reading = readAddress(addressText, prefixAt, interfaces);
  if (!reading.ok) {
    const failure: Failure = { why: 'address', text: addressText, ...(reading.zone ? { zone: reading.zone, zoneAt: reading.zoneAt! } : {}) };
    return { kind: 'fail', failure };
  }
  const length = cAtoi(rest.slice(slash + 1)).value;
  if (length < 0 || length > 128) return { kind: 'fail', failure: { why: 'length', value: length } };

  // SKIP_WORD then SKIP_WHITE, twice: the word ends only at a blank.
  const nextField = (field: 'precedence' | 'label'): number | Verdict => {
    try {
      while (!isBlank(buffer.at(cp))) cp++;
      while (isBlank(buffer.at(cp))) cp++;
      if (buffer.at(cp) === NUL || buffer.at(cp) === NEWLINE) return { kind: 'fail', failure: { why: 'missing-field', field, at: cp } };
      buffer.atoi(cp);
      return cp;
    } catch (error) {
      if (error instanceof OutOfWrittenMemory) return { kind: 'undefined', field, at: error.at };
      throw error;
    }
  };
  const precedenceAt = nextField('precedence');
  if (typeof precedenceAt !== 'number') return precedenceAt;
  const labelAt = nextField('label');
  if (typeof labelAt !== 'number') return labelAt;
  return {
    kind: 'row',
    row: {
      address: reading.address,
      length,
      precedence: buffer.atoi(precedenceAt),
      label: buffer.atoi(labelAt),
      zone: reading.zone,
      slashAt: prefixAt + slash,
      precedenceAt,
      labelAt,
      plain: false,
    },
  };
}

const isHexOrColon = (b: number) => (b >= 0x30 && b <= 0x3a) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/**
 * The shortcut for the common line (ParsedRow.plain says which): `PREFIX/LEN PRECEDENCE LABEL`
 * read straight from the file's bytes, with the verdict readBufferedLine gives it. Every
 * field ends at a blank inside the line, so no scan reaches a NUL or bytes an earlier line
 * left, and atoi() of at most 9 digits cannot overflow. Null: not such a line (or not an
 * IPv6 address), and the byte-by-byte model decides. At 500k rows, modelling each byte's
 * buffer read was most of reading the file (issue 13).
 */
function plainRow(bytes: Uint8Array, start: number, end: number): ParsedRow | null {
  let p = start;
  while (p < end && isBlank(bytes[p]!)) p++;
  const prefixAt = p;
  while (p < end && isHexOrColon(bytes[p]!)) p++;
  if (p === prefixAt || p >= end || bytes[p] !== 0x2f) return null;
  const slash = p++;
  const length = decimalAt(bytes, p, end, 3);
  p = decimalEnd;
  if (length < 0 || length > 128 || p >= end || !isBlank(bytes[p]!)) return null;
  while (p < end && isBlank(bytes[p]!)) p++;
  const precedenceAt = p;
  const precedence = decimalAt(bytes, p, end, 9);
  p = decimalEnd;
  if (precedence < 0 || p >= end || !isBlank(bytes[p]!)) return null;
  while (p < end && isBlank(bytes[p]!)) p++;
  const labelAt = p;
  const label = decimalAt(bytes, p, end, 9);
  p = decimalEnd;
  if (label < 0) return null;
  while (p < end && isBlank(bytes[p]!)) p++;
  if (p < end && !(bytes[p] === NEWLINE && p === end - 1)) return null;
  const address = plainIPv6Bytes(bytes, prefixAt, slash);
  if (address === undefined) return null;
  return { address, length, precedence, label, zone: null, slashAt: slash - start, precedenceAt: precedenceAt - start, labelAt: labelAt - start, plain: true };
}

/** Where decimalAt stopped (a module variable: no object or closure per field). */
let decimalEnd = 0;

/** Up to maxDigits decimal digits at `from`, ending at a blank, a newline or `end`; -1 when not. */
function decimalAt(bytes: Uint8Array, from: number, end: number, maxDigits: number): number {
  let p = from;
  let value = 0;
  while (p < end && isDigit(bytes[p]!) && p - from < maxDigits) value = value * 10 + bytes[p++]! - 0x30;
  decimalEnd = p;
  return p === from || (p < end && !isBlank(bytes[p]!) && bytes[p] !== NEWLINE) ? -1 : value;
}

/**
 * Every fgets() call on the file, in order, with what the loop body makes of it (also after
 * a failure, for linting), handed to `visit` as it is read: nothing keeps the pieces, so a
 * large file's million objects die young instead of living until the whole file is read.
 */
export function forEachPiece(bytes: Uint8Array, options: InstallOptions, visit: (piece: Piece) => void): void {
  const interfaces = options.interfaces ?? null;
  const shortcut = !options.byteByByte;
  const buffer = new LineBuffer();
  let count = 0;
  let start = 0;
  while (start < bytes.length) {
    let end = start;
    while (end < bytes.length && end - start < FGETS_BUFFER_BYTES - 1) {
      if (bytes[end++] === NEWLINE) break;
    }
    // Stored even when the shortcut reads the line: a later line's missing field reads what it left.
    buffer.store(bytes, start, end);
    const hasNewline = bytes[end - 1] === NEWLINE;
    const plain = shortcut ? plainRow(bytes, start, end) : null;
    const verdict: Verdict = plain ? { kind: 'row', row: plain } : readBufferedLine(buffer, interfaces);
    visit({ count: ++count, start, end, hasNewline, verdict });
    start = end;
  }
}

/** Every fgets() call on the file, with what the loop body makes of it. */
export function readPieces(bytes: Uint8Array, options: InstallOptions = {}): Piece[] {
  const pieces: Piece[] = [];
  forEachPiece(bytes, options, (piece) => pieces.push(piece));
  return pieces;
}

const GAI_NONAME = 'hostname nor servname provided, or not known';

/** What `ip6addrctl install` prints for a failed line before "parse failed". */
function failureWarning(failure: Failure): string {
  if (failure.why === 'address') return `ip6addrctl: getaddrinfo failed for ${failure.text}: ${GAI_NONAME}\n`;
  if (failure.why === 'length') return `ip6addrctl: invalid prefix length: ${failure.value}\n`;
  return '';
}

/** The kernel's SIOCAADDRCTL_POLICY: label -1 is EINVAL, a masked duplicate EEXIST, else appended. */
function addToKernel(rows: readonly { row: ParsedRow; line: number }[]) {
  const table: InstalledRow[] = [];
  const refused: { line: number; error: KernelError }[] = [];
  // Per length, the network bits of each prefix added (a decimal string key per row was half
  // of this function at 500k rows; the bits shifted down also hash well, see PrefixTable).
  const seen = new Map<number, Set<bigint>>();
  for (const { row, line } of rows) {
    if (row.label === -1) {
      refused.push({ line, error: 'Invalid argument' });
      continue;
    }
    const address = maskValue(row.address, row.length);
    let added = seen.get(row.length);
    if (!added) seen.set(row.length, (added = new Set()));
    const key = networkBits(address, row.length);
    if (added.has(key)) {
      refused.push({ line, error: 'File exists' });
      continue;
    }
    added.add(key);
    table.push({ address, length: row.length, precedence: row.precedence, label: row.label, scopeId: row.zone?.scopeId ?? 0, line });
  }
  return { table, refused };
}

/** The outcome of `ip6addrctl install` on these bytes, from the first line that decides it. */
export function simulateInstall(bytes: Uint8Array, options: InstallOptions = {}): InstallRun {
  return installWhileReading(bytes, options, () => {});
}

/**
 * simulateInstall, handing every piece to `visit` as it is read (the reader builds its AST
 * from them in the same pass). An install that reaches the kernel works out the kernel's
 * table only when asked for, by reading the bytes again: linting never asks.
 */
export function installWhileReading(bytes: Uint8Array, options: InstallOptions, visit: (piece: Piece) => void): InstallRun {
  let decided: InstallRun | null = null;
  forEachPiece(bytes, options, (piece) => {
    visit(piece);
    if (!decided) decided = decidingPiece(piece);
  });
  return decided ?? new InstalledRun(bytes, options);
}

/** The outcome a piece decides, if it decides one: the first failure, undefined read or unknown interface. */
function decidingPiece(piece: Piece): InstallRun | null {
  const v = piece.verdict;
  if (v.kind === 'fail') {
    return {
      outcome: 'aborted',
      line: piece.count,
      rows: [],
      refused: [],
      stderr: `${failureWarning(v.failure)}ip6addrctl: parse failed at line ${piece.count}\n`,
    };
  }
  if (v.kind === 'undefined') return { outcome: 'undefined', line: piece.count, rows: null, refused: [], stderr: '' };
  if (v.kind === 'row' && v.row.zone?.by === 'unknown-name') {
    return { outcome: 'depends-on-interfaces', line: piece.count, rows: null, refused: [], stderr: '' };
  }
  return null;
}

/**
 * An install that reached the kernel: what the kernel kept is worked out when asked for.
 * Linting reads only the outcome (duplicate-prefix judges duplicates itself), and the
 * kernel's duplicate check was a third of reading a 500k-row file (issue 13).
 */
class InstalledRun implements InstallRun {
  readonly outcome = 'installed';
  readonly line = null;
  private kernel: { table: InstalledRow[]; refused: { line: number; error: KernelError }[]; stderr: string } | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly options: InstallOptions,
  ) {}

  private added() {
    if (!this.kernel) {
      const parsed: { row: ParsedRow; line: number }[] = [];
      forEachPiece(this.bytes, this.options, (piece) => {
        if (piece.verdict.kind === 'row') parsed.push({ row: piece.verdict.row, line: piece.count });
      });
      const { table, refused } = addToKernel(parsed);
      let stderr = '';
      for (const r of refused) stderr += `ip6addrctl: ioctl(SIOCAADDRCTL_POLICY): ${r.error}\n`;
      this.kernel = { table, refused, stderr };
    }
    return this.kernel;
  }

  get rows(): readonly InstalledRow[] {
    return this.added().table;
  }

  get refused(): readonly { readonly line: number; readonly error: KernelError }[] {
    return this.added().refused;
  }

  get stderr(): string {
    return this.added().stderr;
  }
}
