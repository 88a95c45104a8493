// Policy -> ip6addrctl.conf, in the layout of FreeBSD's own tables (rc.d/ip6addrctl,
// ip6addrctl.conf.sample): prefix column padded, precedence and label right-aligned.
// Comments, whole-line and trailing, and the row order are kept.
import { prefixText } from '../model/address.js';
import type { Policy } from '../model/ast.js';
import { FGETS_MAX_BYTES } from './ip6addrctl-reader.js';
import { utf8Length } from './source-lines.js';
import { documentOf, joinLines, type PolicyDocument } from './document.js';

export function writeIp6addrctl(policy: Policy): string {
  return formatIp6addrctl(documentOf(policy));
}

export function formatIp6addrctl(doc: PolicyDocument): string {
  // Each row's prefix text, made once for the column width and the line (issue 13).
  const prefixes: (string | undefined)[] = new Array(doc.items.length);
  let prefixWidth = 16;
  let precedenceWidth = 4;
  let labelWidth = 5;
  doc.items.forEach((item, k) => {
    if (item.kind !== 'row') return;
    const prefix = prefixText(item.prefix, item.length);
    prefixes[k] = prefix;
    prefixWidth = Math.max(prefixWidth, prefix.length);
    precedenceWidth = Math.max(precedenceWidth, String(item.precedence).length);
    labelWidth = Math.max(labelWidth, String(item.label).length);
  });
  const lines: string[] = [];
  doc.items.forEach((item, k) => {
    switch (item.kind) {
      case 'blank':
        // ip6addrctl reads a line that is only "\r" as an entry and aborts: with CRLF
        // endings a blank separator would break the file, so it is left out.
        if (doc.eol === '\n') lines.push('');
        break;
      case 'comment':
        lines.push(...wrapComment(item.text.startsWith('#') ? item.text : `# ${item.text}`));
        break;
      case 'row': {
        const cells =
          prefixes[k]!.padEnd(prefixWidth) + '  ' + String(item.precedence).padStart(precedenceWidth) + '  ' + String(item.label).padStart(labelWidth);
        // A trailing `# ...` works: ip6addrctl ignores everything after the label.
        // A line over 2047 bytes is parsed in pieces by fgets(): a long comment moves above the row.
        if (item.comment && utf8Length(`${cells}  ${item.comment}`) > WRAP_BYTES) lines.push(...wrapComment(item.comment), cells);
        else lines.push(item.comment ? `${cells}  ${item.comment}` : cells);
        break;
      }
      default:
        throw new Error(`ip6addrctl.conf has no ${item.kind} lines`);
    }
  });
  return joinLines(trimBlankEdges(lines), doc.eol);
}

/** A comment as `#` lines that each fit in fgets()'s 2047 bytes (a longer one would break install). */
/** Room for a line's text: fgets() takes 2047 bytes including the newline (and a CR). */
const WRAP_BYTES = FGETS_MAX_BYTES - 47;

function wrapComment(text: string): string[] {
  if (utf8Length(text) <= WRAP_BYTES) return [text];
  const body = text.replace(/^#\s?/, '');
  const out: string[] = [];
  let piece = '';
  for (const ch of body) {
    if (utf8Length(piece) + utf8Length(ch) > WRAP_BYTES - 2) {
      out.push(`# ${piece}`);
      piece = '';
    }
    piece += ch;
  }
  if (piece) out.push(`# ${piece}`);
  return out;
}

/** No blank lines at the start or the end of a file. */
export function trimBlankEdges(lines: string[]): string[] {
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from] === '') from++;
  while (to > from && lines[to - 1] === '') to--;
  // Most files need no trimming: no copy of a million lines then.
  return from === 0 && to === lines.length ? lines : lines.slice(from, to);
}
