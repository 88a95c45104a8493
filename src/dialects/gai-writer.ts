// Policy -> gai.conf. Comments and line order are kept, columns are aligned, and every
// table glibc uses is written out in full: a file with `label` lines but no `precedence`
// lines (or the reverse) silently uses glibc's built-in table for the other one, so the
// writer spells that table out; a table without a /0 row gets the `::/0` row glibc would
// append by itself. The written file means the same to glibc, and says so.
import { formatIPv4, parseIPv6, prefixText } from '../model/address.js';
import type { GaiTableKind, Policy } from '../model/ast.js';
import { BLANK, comment, documentOf, type DocItem, type GaiItem, type PolicyDocument } from './document.js';
import { GLIBC_IMPLICIT } from '../model/effective-table.js';
import { GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES } from '../model/builtin-tables.js';

export function writeGai(policy: Policy): string {
  return formatGai(documentOf(policy));
}

export function formatGai(doc: PolicyDocument): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(formatGaiBytes(doc));
}

/**
 * The gai.conf text as UTF-8 bytes, made in one buffer: no string per line, no joined text
 * and no encoding of it (issue 13: at 500k rows a million line strings, their pieces and
 * the 61 MB text were most of the writer's time and much of the garbage collector's).
 */
export function formatGaiBytes(doc: PolicyDocument): Uint8Array {
  const items = completeTables(doc.items);
  // Each table line's prefix text, made once for the column width and the line (issue 13:
  // formatting a 128-bit address twice per line was most of the writer's time at 500k rows),
  // kept as bytes (a million strings kept alive are garbage-collector work); a row converted
  // to gai.conf is two lines with one prefix: its text is made once too.
  const texts = new AsciiArena(16 * items.length);
  const textAt = new Int32Array(items.length);
  const textLength = new Uint8Array(items.length);
  let keywordWidth = 0;
  let prefixWidth = 16;
  let valueWidth = 3;
  let previous: GaiItem | undefined;
  let previousAt = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.kind === 'reload') keywordWidth = Math.max(keywordWidth, 'reload'.length);
    if (item.kind !== 'gai') continue;
    if (previous && item.table !== 'scopev4' && previous.table !== 'scopev4' && item.prefix === previous.prefix && item.length === previous.length) {
      textAt[k] = textAt[previousAt]!;
      textLength[k] = textLength[previousAt]!;
    } else {
      const text = gaiPrefixText(item);
      textAt[k] = texts.add(text);
      textLength[k] = text.length;
    }
    previous = item;
    previousAt = k;
    keywordWidth = Math.max(keywordWidth, item.table.length);
    prefixWidth = Math.max(prefixWidth, textLength[k]!);
    valueWidth = Math.max(valueWidth, decimalDigits(item.value));
  }
  // No blank lines at the start or the end (trimBlankEdges): only blank items make empty lines.
  let from = 0;
  let to = items.length;
  while (from < to && items[from]!.kind === 'blank') from++;
  while (to > from && items[to - 1]!.kind === 'blank') to--;
  const eol = doc.eol;
  const tableLine = keywordWidth + prefixWidth + valueWidth + 4 + eol.length;
  const out = new GrowingBytes(tableLine * (to - from) + 64);
  const arena = texts.bytes;
  for (let k = from; k < to; k++) {
    const item = items[k]!;
    switch (item.kind) {
      case 'blank':
        break;
      case 'comment':
        out.text(item.text.startsWith('#') ? item.text : `# ${item.text}`);
        break;
      case 'gai': {
        out.room(tableLine);
        const b = out.bytes;
        let at = out.at;
        at = writeAscii(b, at, item.table);
        at = spaces(b, at, keywordWidth - item.table.length + 2);
        const t = textAt[k]!;
        const n = textLength[k]!;
        for (let i = 0; i < n; i++) b[at + i] = arena[t + i]!;
        at += n;
        at = spaces(b, at, prefixWidth - n + 2);
        out.at = writeDecimal(b, at, item.value, valueWidth);
        break;
      }
      case 'reload':
        out.text(`${'reload'.padEnd(keywordWidth)}  ${item.value}`);
        break;
      default:
        throw new Error(`gai.conf has no ${item.kind} lines`);
    }
    const trailing = item.kind === 'gai' || item.kind === 'reload' ? item.comment : undefined;
    if (trailing) out.text(`  ${trailing}`);
    out.room(eol.length);
    out.at = writeAscii(out.bytes, out.at, eol);
  }
  return out.bytes.subarray(0, out.at);
}

/** Short ASCII texts, one after another in one buffer. */
class AsciiArena {
  bytes: Uint8Array;
  at = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(Math.max(size, 64));
  }
  /** Where `text` now starts. */
  add(text: string): number {
    if (this.at + text.length > this.bytes.length) {
      const bigger = new Uint8Array(2 * this.bytes.length + text.length);
      bigger.set(this.bytes.subarray(0, this.at));
      this.bytes = bigger;
    }
    const start = this.at;
    this.at = writeAscii(this.bytes, start, text);
    return start;
  }
}

const utf8 = new TextEncoder();

/** Bytes appended to one buffer that doubles when full. */
class GrowingBytes {
  bytes: Uint8Array;
  at = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }
  room(length: number): void {
    if (this.bytes.length - this.at >= length) return;
    const bigger = new Uint8Array(Math.max(2 * this.bytes.length, this.at + length));
    bigger.set(this.bytes.subarray(0, this.at));
    this.bytes = bigger;
  }
  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(3 * text.length);
    this.at += utf8.encodeInto(text, this.bytes.subarray(this.at)).written;
  }
}

/** `text` (ASCII) at `at`; returns where it ends. */
function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return at + text.length;
}

function spaces(bytes: Uint8Array, at: number, count: number): number {
  for (let i = 0; i < count; i++) bytes[at + i] = 0x20;
  return at + count;
}

/** The length of String(value) for a table value (an integer, maybe negative). */
function decimalDigits(value: number): number {
  return value >= 0 && value < 10 ? 1 : value >= 10 && value < 100 ? 2 : String(value).length;
}

/** String(value) right-aligned in `width` columns at `at`; returns where it ends. */
function writeDecimal(bytes: Uint8Array, at: number, value: number, width: number): number {
  if (!(Number.isSafeInteger(value) && value >= 0)) {
    const text = String(value);
    at = spaces(bytes, at, width - text.length);
    return writeAscii(bytes, at, text);
  }
  const end = at + width;
  let i = end;
  do {
    bytes[--i] = 48 + (value % 10);
    value = Math.floor(value / 10);
  } while (value > 0);
  while (i > at) bytes[--i] = 0x20;
  return end;
}

/** scopev4 prefixes are written the way people write them: `169.254.0.0/16`. */
function gaiPrefixText(item: GaiItem): string {
  if (item.table === 'scopev4' && item.length >= 96) {
    return `${formatIPv4(Number(item.prefix & 0xffffffffn) & maskV4(item.length - 96))}/${item.length - 96}`;
  }
  return prefixText(item.prefix, item.length);
}

function maskV4(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

const DEFAULTS: Record<'label' | 'precedence', readonly (readonly [string, number])[]> = {
  label: GLIBC_DEFAULT_LABELS,
  precedence: GLIBC_DEFAULT_PRECEDENCES,
};

function tableItem(table: GaiTableKind, text: string, value: number): GaiItem {
  const [address, length] = text.split('/');
  return { kind: 'gai', table, prefix: parseIPv6(address!)!, length: Number(length), value };
}

/** The items plus the rows glibc would use without them being written. */
export function completeTables(items: readonly DocItem[]): DocItem[] {
  const out = [...items];
  const present = (table: GaiTableKind) => out.some((i) => i.kind === 'gai' && i.table === table);
  const hasLabel = present('label');
  const hasPrecedence = present('precedence');
  // The implicit ::/0 goes right after the table's last line.
  for (const table of ['label', 'precedence'] as const) {
    // Scans, not a filtered copy of the table's lines (issue 13: a million lines at 500k rows).
    const isLine = (i: DocItem) => i.kind === 'gai' && i.table === table;
    if (out.some((i) => isLine(i) && i.kind === 'gai' && i.length === 0)) continue;
    let last = out.length - 1;
    while (last >= 0 && !isLine(out[last]!)) last--;
    if (last < 0) continue;
    out.splice(
      last + 1,
      0,
      comment(`glibc adds this row itself: the ${table} table above has no /0 row`),
      tableItem(table, '::/0', GLIBC_IMPLICIT[table].value),
    );
  }
  if (hasLabel !== hasPrecedence) {
    const missing = hasLabel ? 'precedence' : 'label';
    out.push(
      BLANK,
      comment(`glibc's built-in ${missing} table, written out: without ${missing} lines glibc uses exactly these rows`),
      ...DEFAULTS[missing].map(([text, value]) => tableItem(missing, text, value)),
    );
  }
  return out;
}
