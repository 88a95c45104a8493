// Lexer and CST parser for FreeBSD's /etc/ip6addrctl.conf, as `ip6addrctl install` reads it.
//
// The real parser (usr.sbin/ip6addrctl, make_policy_fromfile) is field-based: it skips
// spaces and tabs, treats a line whose first non-blank is `#` as a comment, and reads
// PREFIX/LEN, PRECEDENCE and LABEL as blank-separated fields; whatever follows is ignored.
// So the grammar names the fields by position and accepts any text in them: deciding what
// `install` does with a field (atoi, getaddrinfo) is the AST builder's job. That also
// means one bad line can never stop the parser from seeing the next one.
import { createToken, CstParser, Lexer, type TokenType } from 'chevrotain';
import { LINE_LEXER_CONFIG, Newline } from './lines.js';

export { Newline };

/** Fields are split on spaces and tabs only; `\r` and `\v` are part of a field. */
export const Blank = createToken({ name: 'Blank', pattern: /[ \t]+/, group: Lexer.SKIPPED });

/** `#` starts a comment only as the first non-blank of a line; elsewhere it is field text. */
function matchWholeLineComment(text: string, offset: number): RegExpExecArray | null {
  if (text.charCodeAt(offset) !== 0x23 /* # */) return null;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    if (c !== 0x20 && c !== 0x09) return null;
  }
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  const match = [text.slice(offset, end)] as unknown as RegExpExecArray;
  match.index = offset;
  return match;
}
export const Comment = createToken({
  name: 'Comment',
  pattern: { exec: matchWholeLineComment },
  line_breaks: false,
  start_chars_hint: ['#'],
});
export const Field = createToken({ name: 'Field', pattern: /[^ \t\n]+/ });

export const ip6addrctlTokens: TokenType[] = [Newline, Blank, Comment, Field];

const lexerConfig = { ...LINE_LEXER_CONFIG, ensureOptimizations: false };

export class Ip6addrctlParser extends CstParser {
  constructor(options: { validate?: boolean } = {}) {
    super(ip6addrctlTokens, { recoveryEnabled: true, skipValidations: !options.validate });
    this.performSelfAnalysis();
  }

  public policyFile = this.RULE('policyFile', () => {
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
          this.SUBRULE(this.entry);
          this.OPTION2(() => this.CONSUME3(Newline));
        },
      },
    ]);
  });

  /** PREFIX/LEN PRECEDENCE LABEL, then anything `install` ignores. */
  public entry = this.RULE('entry', () => {
    this.CONSUME(Field, { LABEL: 'prefix' });
    this.OPTION(() => {
      this.CONSUME2(Field, { LABEL: 'precedence' });
      this.OPTION2(() => {
        this.CONSUME3(Field, { LABEL: 'label' });
        this.MANY(() => this.CONSUME4(Field, { LABEL: 'rest' }));
      });
    });
  });
}

/** For tests: a lexer built with Chevrotain's validations on. */
export function createValidatedIp6addrctlLexer(): Lexer {
  return new Lexer(ip6addrctlTokens, { ...lexerConfig, skipValidations: false });
}
