// The header `convert` writes on top of a translation, and how a later conversion knows
// it: the header describes one step, so converting A -> B -> A must write one header
// (the last step's), not stack the old one under the new.
import { BLANK, comment, type DocItem } from '../dialects/document.js';

const FIRST_LINE = /^#\s*Converted from \S+ by policylint for /;

/** What the gai.conf -> rows header adds: how two glibc tables became one. */
const GLIBC_MERGE_LINES = [
  "glibc's label and precedence tables merged into one;",
  'each row has the (precedence, label) glibc gives every address in it (checked over all addresses).',
];

/** The header for a translation from `from` (a dialect's file name) for `target` (a system). */
export function conversionHeader(from: string, target: string, mergedGlibcTables: boolean): DocItem[] {
  if (!mergedGlibcTables) return [comment(`Converted from ${from} by policylint for ${target}.`), BLANK];
  return [comment(`Converted from ${from} by policylint for ${target}: ${GLIBC_MERGE_LINES[0]}`), comment(GLIBC_MERGE_LINES[1]!), BLANK];
}

/** The document without a header an earlier conversion wrote at its top (and the blank after it). */
export function withoutConversionHeader(items: readonly DocItem[]): DocItem[] {
  const first = items[0];
  if (first?.kind !== 'comment' || !FIRST_LINE.test(first.text)) return [...items];
  let end = 1;
  const isContinuation = (item: DocItem | undefined) => item?.kind === 'comment' && item.text.replace(/^#\s*/, '') === GLIBC_MERGE_LINES[1];
  if (first.text.endsWith(GLIBC_MERGE_LINES[0]!) && isContinuation(items[end])) end++;
  if (items[end]?.kind === 'blank') end++;
  return items.slice(end);
}
