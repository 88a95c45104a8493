// Every message is one line of at most 300 characters (the details go to --format json).
// When a message built from its parts is longer, the least needed parts go first: the
// "(+N more scenarios)" and "(and N more global prefixes)" counts (both are in the JSON
// details), then the deciding rule's values in parentheses, then the message's end, cut
// with an ellipsis.
export const MAX_MESSAGE = 300;

/** Each part that may go, and texts one of which it always starts with (a search for those is much cheaper than the pattern's). */
const DROPS: readonly (readonly [readonly string[], RegExp])[] = [
  [[' (+'], / \(\+\d+ more scenarios?\)/g],
  [[' (and '], / \(and \d+ more global prefix(?:es)?\)/g],
  [[' (rule '], / \(rule \d+:[^()]*\)/g],
  [[' (both precedence ', ' (a tie)'], / \((?:both precedence \d+|a tie)\)/g],
];

export function fitMessage(message: string): string {
  let out = message.includes('\n') || message.includes('\r') ? message.replace(/[\r\n]+/g, ' ') : message;
  for (const [starts, drop] of DROPS) {
    if (out.length <= MAX_MESSAGE) return out;
    if (starts.some((start) => out.includes(start))) out = out.replace(drop, '');
  }
  if (out.length <= MAX_MESSAGE) return out;
  // A slice keeps its whole parent alive, and the concatenation would keep both: one flat copy.
  return flat(`${out.slice(0, MAX_MESSAGE - 1)}…`);
}

/**
 * The string as one piece. V8 keeps a template literal's result as a tree of its parts
 * (a ConsString) until something reads its characters; reading one flattens it. A large
 * table's 100k messages kept about 36 such nodes each, 1.1 KB a finding (issue 13).
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
