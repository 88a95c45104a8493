// rc.conf(5) as FreeBSD's rc.subr reads it: a sh script it sources. policylint does not run
// it; it reads the plain variable assignments (`name=value`, `name="value"`, `name='value'`,
// several on a line, a later one overriding an earlier one) with sh's quoting, comments and
// line continuations. What it does not evaluate, it says: a value with `$` or a backquote
// (an expansion), and every line that is a command rather than assignments (if, ., sourcing
// another file, functions, sysrc-style tricks). Pure: the caller reads the file.

export interface RcAssignment {
  readonly name: string;
  /** The value as sh would assign it; null when it needs an expansion policylint does not evaluate. */
  readonly value: string | null;
  /** The value as written (after the `=`). */
  readonly raw: string;
  readonly line: number;
  readonly column: number;
}

export interface RcUnevaluated {
  readonly line: number;
  readonly column: number;
  /** The command's first words, for the message. */
  readonly text: string;
}

export interface RcConf {
  /** Every assignment, in file order. */
  readonly assignments: readonly RcAssignment[];
  /** Commands policylint did not run (they may assign variables too). */
  readonly unevaluated: readonly RcUnevaluated[];
}

interface Word {
  text: string;
  raw: string;
  line: number;
  column: number;
  /** An unquoted or double-quoted `$` or a backquote: sh would expand it. */
  expands: boolean;
  /** The offset in `text` of the first `=` outside quotes, or -1. */
  equals: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Characters that make a command more than plain words: redirections, subshells, pipes' partners.
const OPERATOR = new Set(['(', ')', '<', '>', '&', '|', ';']);

/** Split the text into commands (lists of words), as sh's lexer would for simple commands. */
function commands(text: string): { words: Word[]; complex: boolean }[] {
  const out: { words: Word[]; complex: boolean }[] = [];
  let words: Word[] = [];
  let complex = false;
  let word: Word | null = null;
  let line = 1;
  let column = 1;
  let i = 0;
  const endCommand = () => {
    if (word) words.push(word);
    word = null;
    if (words.length > 0) out.push({ words, complex });
    words = [];
    complex = false;
  };
  const start = () => (word ??= { text: '', raw: '', line, column, expands: false, equals: -1 });
  const advance = (n = 1) => {
    for (let k = 0; k < n; k++) {
      if (text[i] === '\n') {
        line++;
        column = 1;
      } else column++;
      i++;
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      advance(2); // a line continuation joins the lines
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (word) words.push(word);
      word = null;
      advance();
      continue;
    }
    if (c === '\n' || c === ';' || c === '&' || c === '|') {
      if (c !== '\n' && c !== ';') complex = true;
      endCommand();
      advance();
      continue;
    }
    if (c === '#' && !word) {
      while (i < text.length && text[i] !== '\n') advance();
      continue;
    }
    if (OPERATOR.has(c)) complex = true;
    const w = start();
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? text.length : close;
      w.text += text.slice(i + 1, end);
      w.raw += text.slice(i, end + 1);
      advance(end + 1 - i);
      continue;
    }
    if (c === '"') {
      w.raw += c;
      advance();
      while (i < text.length && text[i] !== '"') {
        const d = text[i]!;
        if (d === '\\' && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1]!)) {
          if (text[i + 1] !== '\n') w.text += text[i + 1];
          w.raw += text.slice(i, i + 2);
          advance(2);
          continue;
        }
        if (d === '$' || d === '`') w.expands = true;
        w.text += d;
        w.raw += d;
        advance();
      }
      w.raw += '"';
      advance();
      continue;
    }
    if (c === '\\') {
      w.text += text[i + 1] ?? '';
      w.raw += text.slice(i, i + 2);
      advance(2);
      continue;
    }
    if (c === '$' || c === '`') w.expands = true;
    if (c === '=' && w.equals < 0) w.equals = w.text.length;
    w.text += c;
    w.raw += c;
    advance();
  }
  endCommand();
  return out;
}

export function readRcConf(text: string): RcConf {
  const assignments: RcAssignment[] = [];
  const unevaluated: RcUnevaluated[] = [];
  for (const { words, complex } of commands(text)) {
    const isAssignment = (w: Word) => w.equals > 0 && NAME.test(w.text.slice(0, w.equals));
    // Only a command made of assignments alone sets shell variables; `a=1 cmd` sets a for cmd only.
    if (complex || !words.every(isAssignment)) {
      const first = words[0]!;
      unevaluated.push({
        line: first.line,
        column: first.column,
        text: words
          .map((w) => w.raw)
          .join(' ')
          .slice(0, 60),
      });
      continue;
    }
    for (const w of words) {
      const rawValue = w.raw.slice(w.raw.indexOf('=') + 1);
      assignments.push({
        name: w.text.slice(0, w.equals),
        value: w.expands ? null : w.text.slice(w.equals + 1),
        raw: rawValue,
        line: w.line,
        column: w.column,
      });
    }
  }
  return { assignments, unevaluated };
}
