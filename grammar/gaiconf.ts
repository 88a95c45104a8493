// Lexer and CST parser for glibc's /etc/gai.conf, as gaiconf_init() reads it.
//
// glibc cuts every line at the first `#` (a comment can start anywhere), splits the rest
// on isspace() (so CRLF is fine), and looks at the first three words: a case-sensitive
// keyword and two values; more words are ignored. Lines it cannot use are dropped one at
// a time, silently. The grammar mirrors that: a statement is a keyword and up to two
// value words, and any word may stand anywhere, so the parser never loses a line.
import { createToken, CstParser, Lexer, type CstNode, type TokenType } from 'chevrotain';
import { forEachBatch, LINE_LEXER_CONFIG, Newline } from './lines.js';

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

export class GaiConfParser extends CstParser {
  constructor(options: { validate?: boolean } = {}) {
    super(gaiTokens, { recoveryEnabled: true, skipValidations: !options.validate });
    this.performSelfAnalysis();
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

let lexer: Lexer | undefined;
let parser: GaiConfParser | undefined;

/** Parse in batches of lines, calling `onLine` with each line's CST node in order (lexer and parser built once per process). */
export function parseGaiConfLines(text: string, onLine: (line: CstNode) => void): void {
  lexer ??= new Lexer(gaiTokens, { ...lexerConfig, skipValidations: true });
  parser ??= new GaiConfParser();
  forEachBatch(text, (batch, shift) => {
    const lexing = lexer!.tokenize(batch);
    shift(lexing.tokens);
    parser!.input = lexing.tokens;
    for (const line of (parser!.gaiFile().children.line ?? []) as CstNode[]) onLine(line);
  });
}

export function createValidatedGaiLexer(): Lexer {
  return new Lexer(gaiTokens, { ...lexerConfig, skipValidations: false });
}
