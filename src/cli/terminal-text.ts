// Output a terminal can trust: the one place where text that came from a file (its content,
// its name, a config key) is made safe to show. A terminal obeys C0 controls (ESC starts a
// sequence that can retitle the window, rewrite the screen or, on some terminals, run
// commands), C1 controls (U+009B is a one-character CSI) and bidi overrides (U+202E shows
// `gai.conf` as something else). Each is shown as a visible escape instead: `\x1b`, `\x9b`,
// `\u202e`. The core (rules, readers) never escapes: JSON and SARIF keep the raw text, which
// JSON already escapes; stylish, github and every stderr line go through here.

/** C0 (but tab), DEL, C1, the bidi controls, and the Unicode line and paragraph separators. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same characters, for a test that keeps no state between calls (no `g`): most texts have none, and a test is cheaper than a replace (130k messages at 500k rows; issue 13). */
const HAS_UNSAFE = new RegExp(UNSAFE.source);

function visible(c: string): string {
  const code = c.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line's worth of text (a file name, a message): every unsafe character, newlines too, shown as an escape. */
export function terminalText(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, visible) : text;
}

/** A block of lines (what one stderr write prints): escaped, but for the newline that ends it. */
export function terminalLines(text: string): string {
  return text.endsWith('\n') ? `${terminalText(text.slice(0, -1))}\n` : terminalText(text);
}

/** A text report of many lines (show, diff): every line escaped, every newline kept. */
export function terminalBlock(text: string): string {
  return text.split('\n').map(terminalText).join('\n');
}

/** A source line in a code frame: one `·` per unsafe character, so the caret under it stays aligned. */
export function terminalFrame(text: string): string {
  const shown = HAS_UNSAFE.test(text) ? text.replace(UNSAFE, '\u00b7') : text;
  return shown.includes('\t') ? shown.replace(/\t/g, ' ') : shown;
}
