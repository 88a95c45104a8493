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
  const comment = entry.comment ? { comment: entry.comment.text.trimEnd() } : {};
  if (entry.kind === 'row') {
    return { kind: 'row', prefix: entry.prefix.address, length: entry.prefix.length, precedence: entry.precedence.value, label: entry.label.value, ...comment };
  }
  if (entry.kind === 'reload') return { kind: 'reload', value: entry.value, ...comment };
  return { kind: 'gai', table: entry.kind, prefix: entry.prefix.address, length: entry.prefix.length, value: entry.value.value, ...comment };
}

/** Entries and comments back in file order; one blank line wherever the file had a gap. */
export function documentOf(policy: Policy): PolicyDocument {
  const attached = new Set<number>();
  for (const entry of policy.entries) if (entry.comment) attached.add(entry.comment.span.start.offset);
  const placed: { line: number; column: number; endLine: number; item: DocItem }[] = [];
  for (const entry of policy.entries) {
    placed.push({ line: entry.span.start.line, column: entry.span.start.column, endLine: entry.span.end.line, item: itemOf(entry) });
  }
  for (const c of policy.comments as CommentNode[]) {
    // A trailing comment whose line was dropped (invalid) is kept on a line of its own.
    if (attached.has(c.span.start.offset)) continue;
    placed.push({ line: c.span.start.line, column: c.span.start.column, endLine: c.span.end.line, item: { kind: 'comment', text: c.text.trimEnd() } });
  }
  placed.sort((a, b) => a.line - b.line || a.column - b.column);
  const items: DocItem[] = [];
  let previousLine = 0;
  for (const p of placed) {
    if (previousLine > 0 && p.line > previousLine + 1) items.push(BLANK);
    items.push(p.item);
    previousLine = Math.max(previousLine, p.endLine);
  }
  return { items, eol: policy.eol };
}

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
