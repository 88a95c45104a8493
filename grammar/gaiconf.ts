// Lexer and CST parser for glibc's /etc/gai.conf, as gaiconf_init() reads it.
//
// glibc cuts every line at the first `#` (a comment can start anywhere), splits the rest
// on isspace() (so CRLF is fine), and looks at the first three words: a case-sensitive
// keyword and two values; more words are ignored. Lines it cannot use are dropped one at
// a time, silently. The grammar mirrors that: a statement is a keyword and up to two
// value words, and any word may stand anywhere, so the parser never loses a line.
import { createToken, CstParser, Lexer, type CstNode, type IToken, type TokenType } from 'chevrotain';
import { forEachLineRange, LINE_LEXER_CONFIG, Newline } from './lines.js';

export { Newline };

/** C isspace() in the C locale, minus the newline that ends the line. */
export const Blank = createToken({ name: 'Blank', pattern: /[ \t\r\v\f]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/ });

/** Any word; the keywords below are also words, so `label label 5` still parses. */
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA });
export const Word = createToken({ name: 'Word', pattern: /[^ \t\n\v\f\r#]+/, categories: [AnyWord] });
function keyword(name: string, text: string): TokenType {
  return createToken({ name, pattern: new RegExp(text), longer_alt: Word, categories: [AnyWord] });
}
export const Label = keyword('Label', 'label');
export const Precedence = keyword('Precedence', 'precedence');
export const Scopev4 = keyword('Scopev4', 'scopev4');
export const Reload = keyword('Reload', 'reload');

export const gaiTokens: TokenType[] = [Newline, Blank, Comment, Label, Precedence, Scopev4, Reload, Word, AnyWord];

const lexerConfig = { ...LINE_LEXER_CONFIG };

/** The methods Chevrotain's recording phase puts on a parser instance (GastRecorder.enableRecording, chevrotain 11). */
const RECORDING_METHODS: readonly string[] = [
  ...Array.from({ length: 10 }, (_, i) => (i > 0 ? String(i) : '')).flatMap((n) =>
    ['CONSUME', 'SUBRULE', 'OPTION', 'OR', 'MANY', 'MANY_SEP', 'AT_LEAST_ONE', 'AT_LEAST_ONE_SEP'].map((m) => `${m}${n}`),
  ),
  'consume',
  'subrule',
  'option',
  'or',
  'many',
  'atLeastOne',
  'ACTION',
  'BACKTRACK',
  'LA',
];

export class GaiConfParser extends CstParser {
  constructor(options: { validate?: boolean } = {}) {
    // No error recovery: every token sequence is a valid file (any word may stand anywhere),
    // so there is nothing to recover from, and building the recovery tables costs every
    // gai.conf lint about half a millisecond. parseGaiConfLines checks the claim on each batch.
    super(gaiTokens, { recoveryEnabled: false, skipValidations: !options.validate });
    this.performSelfAnalysis();
  }

  /**
   * The end of Chevrotain's grammar recording: its own version deletes the ~90 recording
   * methods it put on the instance, which is over half of building this parser (each delete
   * reshapes the object; issue 10's cold start). Pointing each at the method the class
   * itself has does the same for every later call. test/grammar.test.ts builds the parser
   * with validations on and test/gai-tokens.test.ts parses with it.
   */
  protected disableRecording(): void {
    const self = this as unknown as Record<string, unknown>;
    self.RECORDING_PHASE = false;
    const proto = Object.getPrototypeOf(this) as Record<string, unknown>;
    for (const name of RECORDING_METHODS) self[name] = proto[name];
  }

  public gaiFile = this.RULE('gaiFile', () => {
    this.MANY(() => this.SUBRULE(this.line));
  });

  public line = this.RULE('line', () => {
    this.OR([
      { ALT: () => this.CONSUME(Newline) },
      {
        ALT: () => {
          this.CONSUME(Comment);
          this.OPTION(() => this.CONSUME2(Newline));
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.statement);
          this.OPTION2(() => this.CONSUME2(Comment));
          this.OPTION3(() => this.CONSUME3(Newline));
        },
      },
    ]);
  });

  public statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.labelStatement) },
      { ALT: () => this.SUBRULE(this.precedenceStatement) },
      { ALT: () => this.SUBRULE(this.scopev4Statement) },
      { ALT: () => this.SUBRULE(this.reloadStatement) },
      { ALT: () => this.SUBRULE(this.unknownStatement) },
    ]);
  });

  /** `label PREFIX[/LEN] VALUE` */
  public labelStatement = this.RULE('labelStatement', () => {
    this.CONSUME(Label, { LABEL: 'keyword' });
    this.SUBRULE(this.prefixAndValue);
  });

  /** `precedence PREFIX[/LEN] VALUE` */
  public precedenceStatement = this.RULE('precedenceStatement', () => {
    this.CONSUME(Precedence, { LABEL: 'keyword' });
    this.SUBRULE(this.prefixAndValue);
  });

  /** `scopev4 A.B.C.D[/0..32] VALUE` or `scopev4 ::ffff:A.B.C.D[/96..128] VALUE` */
  public scopev4Statement = this.RULE('scopev4Statement', () => {
    this.CONSUME(Scopev4, { LABEL: 'keyword' });
    this.SUBRULE(this.prefixAndValue);
  });

  public prefixAndValue = this.RULE('prefixAndValue', () => {
    this.OPTION(() => {
      this.CONSUME(AnyWord, { LABEL: 'prefix' });
      this.OPTION2(() => {
        this.CONSUME2(AnyWord, { LABEL: 'value' });
        this.MANY(() => this.CONSUME3(AnyWord, { LABEL: 'rest' }));
      });
    });
  });

  /** `reload yes|no` */
  public reloadStatement = this.RULE('reloadStatement', () => {
    this.CONSUME(Reload, { LABEL: 'keyword' });
    this.OPTION(() => {
      this.CONSUME(AnyWord, { LABEL: 'value' });
      this.MANY(() => this.CONSUME2(AnyWord, { LABEL: 'rest' }));
    });
  });

  /** Any other first word: glibc ignores the line. */
  public unknownStatement = this.RULE('unknownStatement', () => {
    this.CONSUME(Word, { LABEL: 'keyword' });
    this.MANY(() => this.CONSUME(AnyWord, { LABEL: 'rest' }));
  });
}

/** What a word is, as the Word token says: anything but isspace() and `#`. */
function isWordCode(c: number): boolean {
  return c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x23;
}
const KEYWORDS = new Map<string, TokenType>([
  ['label', Label],
  ['precedence', Precedence],
  ['scopev4', Scopev4],
  ['reload', Reload],
]);

function token(image: string, tokenType: TokenType, startOffset: number, line: number, column: number): IToken {
  const end = image.length - 1;
  return {
    image,
    startOffset,
    endOffset: startOffset + end,
    startLine: line,
    endLine: line,
    startColumn: column,
    endColumn: column + end,
    tokenTypeIdx: tokenType.tokenTypeIdx!,
    tokenType,
  };
}

/**
 * The tokens of text[start, end), which starts a line (`line`, 1-based): the same tokens,
 * positions and all, as a Chevrotain Lexer built from gaiTokens (test/gai-tokens.test.ts
 * compares them), with none of its start-up cost (the Lexer analyses every pattern
 * when it is built: a third of a cold gai.conf lint, issue 10) and about a third of its
 * time per line. Every character is a blank, a newline, a comment or a word, so there is
 * never a lexing error; a word is a keyword only when it is the keyword exactly, as
 * Chevrotain's longer_alt decides.
 */
export function tokenizeGaiConf(text: string, start: number, end: number, line: number): IToken[] {
  const tokens: IToken[] = [];
  let lineStart = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      tokens.push(token('\n', Newline, i, line, i - lineStart + 1));
      i++;
      line++;
      lineStart = i;
    } else if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c) {
      i++;
    } else if (c === 0x23) {
      let j = text.indexOf('\n', i);
      if (j < 0 || j > end) j = end;
      tokens.push(token(text.slice(i, j), Comment, i, line, i - lineStart + 1));
      i = j;
    } else {
      let j = i + 1;
      while (j < end && isWordCode(text.charCodeAt(j))) j++;
      const image = text.slice(i, j);
      tokens.push(token(image, KEYWORDS.get(image) ?? Word, i, line, i - lineStart + 1));
      i = j;
    }
  }
  return tokens;
}

let parser: GaiConfParser | undefined;

/**
 * Parse in batches of lines, calling `onLine` with each line's CST node and its tokens in
 * order, without the newline (the parser is built once per process). A line's tokens are the
 * tokens up to its newline: a line never holds two statements, and every token belongs to
 * some line, so they come from the scanner's list instead of a walk of the CST (a fifth of
 * reading a large file; test/gai-tokens.test.ts checks they are the CST's tokens).
 */
export function parseGaiConfLines(text: string, onLine: (line: CstNode, tokens: IToken[]) => void): void {
  parser ??= new GaiConfParser();
  forEachLineRange(text, (start, end, line) => {
    const tokens = tokenizeGaiConf(text, start, end, line);
    parser!.input = tokens;
    const lines = (parser!.gaiFile().children.line ?? []) as CstNode[];
    if (parser!.errors.length > 0) throw new Error(`gai.conf grammar: unexpected parse error at line ${line}: ${parser!.errors[0]!.message}`);
    let at = 0;
    for (const lineNode of lines) {
      let stop = at;
      while (stop < tokens.length && tokens[stop]!.tokenType !== Newline) stop++;
      onLine(lineNode, tokens.slice(at, stop));
      at = stop + 1;
    }
  });
}

/** For tests: the Chevrotain Lexer of these tokens, with its validations on (tokenizeGaiConf's oracle). */
export function createValidatedGaiLexer(): Lexer {
  return new Lexer(gaiTokens, { ...lexerConfig, skipValidations: false });
}
