// Every message is one line of at most 300 characters (the details go to --format json).
// When a message built from its parts is longer, the least needed parts go first: the
// "(+N more scenarios)" count, then the deciding rule's values in parentheses, then the
// middle of the longest quoted text.
export const MAX_MESSAGE = 300;

const DROPS: readonly RegExp[] = [/ \(\+\d+ more scenarios?\)/g, / \(rule \d+:[^()]*\)/g, / \((?:both precedence \d+|a tie)\)/g];

export function fitMessage(message: string): string {
  let out = message.replace(/[\r\n]+/g, ' ');
  for (const drop of DROPS) {
    if (out.length <= MAX_MESSAGE) return out;
    out = out.replace(drop, '');
  }
  if (out.length <= MAX_MESSAGE) return out;
  // A slice keeps its whole parent alive, and the concatenation would keep both: one flat copy.
  const cut = `${out.slice(0, MAX_MESSAGE - 1)}…`;
  cut.charCodeAt(0);
  return cut;
}
