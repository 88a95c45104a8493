// Policy -> gai.conf. Comments and line order are kept, columns are aligned, and every
// table glibc uses is written out in full: a file with `label` lines but no `precedence`
// lines (or the reverse) silently uses glibc's built-in table for the other one, so the
// writer spells that table out; a table without a /0 row gets the `::/0` row glibc would
// append by itself. The written file means the same to glibc, and says so.
import { formatIPv4, parseIPv6, prefixText } from '../model/address.js';
import type { GaiTableKind, Policy } from '../model/ast.js';
import { BLANK, comment, documentOf, joinLines, type DocItem, type GaiItem, type PolicyDocument } from './document.js';
import { GLIBC_IMPLICIT } from '../model/effective-table.js';
import { GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES } from '../model/builtin-tables.js';

export function writeGai(policy: Policy): string {
  return formatGai(documentOf(policy));
}

/** Lines per piece of the output: each piece is joined as soon as its lines are made. */
const LINES_PER_PIECE = 4096;

export function formatGai(doc: PolicyDocument): string {
  const items = completeTables(doc.items);
  // Each table line's prefix text, made once for the column width and the line (issue 13:
  // formatting a 128-bit address twice per line was most of the writer's time at 500k rows);
  // a row converted to gai.conf is two lines with one prefix: its text is made once too.
  const prefixes: (string | undefined)[] = new Array(items.length);
  let keywordWidth = 0;
  let prefixWidth = 16;
  let valueWidth = 3;
  let previous: GaiItem | undefined;
  let previousText = '';
  items.forEach((item, k) => {
    if (item.kind === 'reload') keywordWidth = Math.max(keywordWidth, 'reload'.length);
    if (item.kind !== 'gai') return;
    const prefix =
      previous && item.table !== 'scopev4' && previous.table !== 'scopev4' && item.prefix === previous.prefix && item.length === previous.length
        ? previousText
        : gaiPrefixText(item);
    previous = item;
    previousText = prefix;
    prefixes[k] = prefix;
    keywordWidth = Math.max(keywordWidth, item.table.length);
    prefixWidth = Math.max(prefixWidth, prefix.length);
    valueWidth = Math.max(valueWidth, String(item.value).length);
  });
  // No blank lines at the start or the end (trimBlankEdges): only blank items make empty lines.
  let from = 0;
  let to = items.length;
  while (from < to && items[from]!.kind === 'blank') from++;
  while (to > from && items[to - 1]!.kind === 'blank') to--;
  // The text is made piece by piece: a million line strings alive at once were most of the
  // garbage collector's work in convert (issue 13); a piece's lines die young.
  const pieces: string[] = [];
  let lines: string[] = [];
  for (let k = from; k < to; k++) {
    const item = items[k]!;
    let text: string;
    switch (item.kind) {
      case 'blank':
        text = '';
        break;
      case 'comment':
        text = item.text.startsWith('#') ? item.text : `# ${item.text}`;
        break;
      case 'gai':
        text = `${item.table.padEnd(keywordWidth)}  ${prefixes[k]!.padEnd(prefixWidth)}  ${String(item.value).padStart(valueWidth)}`;
        break;
      case 'reload':
        text = `${'reload'.padEnd(keywordWidth)}  ${item.value}`;
        break;
      default:
        throw new Error(`gai.conf has no ${item.kind} lines`);
    }
    const trailing = item.kind === 'gai' || item.kind === 'reload' ? item.comment : undefined;
    lines.push(trailing ? `${text}  ${trailing}` : text);
    if (lines.length === LINES_PER_PIECE) {
      pieces.push(joinLines(lines, doc.eol));
      lines = [];
    }
  }
  if (lines.length > 0) pieces.push(joinLines(lines, doc.eol));
  return pieces.join('');
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
