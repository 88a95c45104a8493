// The layout the writers print: rows, table lines, comments and blank lines in order.
// A Policy read from a file becomes a document by putting its entries and comments back
// in source order; a conversion builds a document directly.
import type { CommentNode, Entry, GaiTableKind, Policy } from '../model/ast.js';

export type DocItem =
  | { readonly kind: 'blank' }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'row'; readonly prefix: bigint; readonly length: number; readonly precedence: number; readonly label: number; readonly comment?: string }
  | { readonly kind: 'gai'; readonly table: GaiTableKind; readonly prefix: bigint; readonly length: number; readonly value: number; readonly comment?: string }
  | { readonly kind: 'reload'; readonly value: string; readonly comment?: string };

export type RowItem = Extract<DocItem, { kind: 'row' }>;
export type GaiItem = Extract<DocItem, { kind: 'gai' }>;

export interface PolicyDocument {
  readonly items: readonly DocItem[];
  readonly eol: '\n' | '\r\n';
}

export const comment = (text: string): DocItem => ({ kind: 'comment', text: text.startsWith('#') ? text : `# ${text}` });
export const BLANK: DocItem = { kind: 'blank' };

function itemOf(entry: Entry): DocItem {
  // No spread of an empty object per row (issue 13: 500k rows).
  const text = entry.comment?.text.trimEnd();
  if (entry.kind === 'row') {
    const { prefix, precedence, label } = entry;
    return text !== undefined
      ? { kind: 'row', prefix: prefix.address, length: prefix.length, precedence: precedence.value, label: label.value, comment: text }
      : { kind: 'row', prefix: prefix.address, length: prefix.length, precedence: precedence.value, label: label.value };
  }
  if (entry.kind === 'reload') return text !== undefined ? { kind: 'reload', value: entry.value, comment: text } : { kind: 'reload', value: entry.value };
  const { prefix, value } = entry;
  return text !== undefined
    ? { kind: 'gai', table: entry.kind, prefix: prefix.address, length: prefix.length, value: value.value, comment: text }
    : { kind: 'gai', table: entry.kind, prefix: prefix.address, length: prefix.length, value: value.value };
}

interface Placed {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly item: DocItem;
}

/** Entries and comments back in file order; one blank line wherever the file had a gap. */
export function documentOf(policy: Policy): PolicyDocument {
  const attached = new Set<number>();
  for (const entry of policy.entries) if (entry.comment) attached.add(entry.comment.span.start.offset);
  // The comments no entry carries (few), then the entries: each in file order as the readers
  // keep them, so the two are merged, not sorted; a span is asked for once per entry (a
  // row's span is made when asked for: issue 13, 500k rows).
  const loose: Placed[] = [];
  for (const c of policy.comments as CommentNode[]) {
    // A trailing comment whose line was dropped (invalid) is kept on a line of its own.
    if (attached.has(c.span.start.offset)) continue;
    loose.push({ line: c.span.start.line, column: c.span.start.column, endLine: c.span.end.line, item: { kind: 'comment', text: c.text.trimEnd() } });
  }
  const entries = policy.entries;
  const n = entries.length;
  const lines = new Float64Array(n);
  const columns = new Float64Array(n);
  const endLines = new Float64Array(n);
  let inOrder = true;
  for (let i = 0; i < n; i++) {
    const { start, end } = entries[i]!.span;
    lines[i] = start.line;
    columns[i] = start.column;
    endLines[i] = end.line;
    if (i > 0 && (lines[i - 1]! > start.line || (lines[i - 1] === start.line && columns[i - 1]! > start.column))) inOrder = false;
  }
  for (let k = 1; k < loose.length && inOrder; k++) if (before(loose[k]!, loose[k - 1]!)) inOrder = false;
  const items: DocItem[] = [];
  let previousLine = 0;
  const place = (line: number, endLine: number, item: DocItem) => {
    if (previousLine > 0 && line > previousLine + 1) items.push(BLANK);
    items.push(item);
    previousLine = Math.max(previousLine, endLine);
  };
  if (!inOrder) {
    const placed: Placed[] = [];
    for (let i = 0; i < n; i++) placed.push({ line: lines[i]!, column: columns[i]!, endLine: endLines[i]!, item: itemOf(entries[i]!) });
    for (const p of loose) placed.push(p);
    // Stable: of an entry and a comment at the same place, the entry first, as in the merge below.
    placed.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const p of placed) place(p.line, p.endLine, p.item);
    return { items, eol: policy.eol };
  }
  let c = 0;
  for (let i = 0; i < n; i++) {
    // Comments before this entry (an entry first when both start at the same place).
    while (c < loose.length && (loose[c]!.line < lines[i]! || (loose[c]!.line === lines[i] && loose[c]!.column < columns[i]!))) {
      const p = loose[c++]!;
      place(p.line, p.endLine, p.item);
    }
    place(lines[i]!, endLines[i]!, itemOf(entries[i]!));
  }
  for (; c < loose.length; c++) place(loose[c]!.line, loose[c]!.endLine, loose[c]!.item);
  return { items, eol: policy.eol };
}

const before = (a: Placed, b: Placed) => a.line < b.line || (a.line === b.line && a.column < b.column);

/** Join lines with the document's line ending; a file always ends with one. */
export function joinLines(lines: readonly string[], eol: string): string {
  return lines.length === 0 ? '' : lines.join(eol) + eol;
}

/**
 * A script of one command per row (ip addrlabel, netsh): blank lines and `#` comments
 * kept; a row's own comment goes after it, or on the line before where the shell or
 * netsh only knows whole-line comments.
 */
export function formatCommandScript(
  doc: PolicyDocument,
  what: string,
  command: (row: Extract<PolicyDocument['items'][number], { kind: 'row' }>) => string,
  trailingComments: boolean,
): string {
  const lines: string[] = [];
  for (const item of doc.items) {
    if (item.kind === 'blank') lines.push('');
    else if (item.kind === 'comment') lines.push(item.text.startsWith('#') ? item.text : `# ${item.text}`);
    else if (item.kind === 'row') {
      const text = command(item);
      if (item.comment && !trailingComments) lines.push(item.comment);
      lines.push(item.comment && trailingComments ? `${text}  ${item.comment}` : text);
    } else throw new Error(`${what} has no ${item.kind} lines`);
  }
  return lines.length === 0 ? '' : lines.join(doc.eol) + doc.eol;
}
