// The gai.conf reader lexes with a hand-written scanner (grammar/gaiconf.ts tokenizeGaiConf)
// for its start-up cost and speed; Chevrotain's own Lexer, built from the same token
// definitions with its validations on, is the oracle: every token, type and position, the
// same on every fixture, on hostile text and across the parser's batches of lines.
import fc from 'fast-check';
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { createValidatedGaiLexer, GaiConfParser, parseGaiConfLines, tokenizeGaiConf } from '../grammar/gaiconf.js';
import { LINES_PER_BATCH } from '../grammar/lines.js';
import { hostileTextArb, loadFixtures, propertyRuns, propertySeed } from './support/generators.js';

const oracle = createValidatedGaiLexer();
const shown = (tokens: readonly IToken[]) =>
  tokens.map((t) => ({
    type: t.tokenType.name,
    idx: t.tokenTypeIdx,
    image: t.image,
    offsets: [t.startOffset, t.endOffset],
    lines: [t.startLine, t.endLine],
    columns: [t.startColumn, t.endColumn],
  }));
/** Every token under a CST node. */
const leaves = (node: CstNode, out: IToken[] = []): IToken[] => {
  for (const list of Object.values(node.children) as CstElement[][])
    for (const child of list)
      if ('tokenType' in child) out.push(child);
      else leaves(child, out);
  return out;
};
const expectSameTokens = (text: string) => {
  const lexed = oracle.tokenize(text);
  expect(lexed.errors).toEqual([]);
  expect(shown(tokenizeGaiConf(text, 0, text.length, 1))).toEqual(shown(lexed.tokens));
};

test('every fixture lexes as Chevrotain lexes it', () => {
  const texts = loadFixtures().map((f) => f.bytes.toString('utf8'));
  expect(texts.length).toBeGreaterThan(100);
  for (const text of texts) expectSameTokens(text);
});

test('keywords only as whole words, and every blank glibc skips', () => {
  for (const text of [
    'label labels label#x xlabel label\rlabel\vreload\fscopev4\tprecedence',
    'precedence::1/128 50\nreload yes#\n\n#only\n  # indented\nLABEL ::/0 1\r\n',
    '\u00a0label\u2028x \u0000 \ud83d\ude00 scopev4 ::ffff:0:0/96 14',
    '',
    '\n',
    '#',
    'reload',
  ])
    expectSameTokens(text);
});

test('hostile text lexes as Chevrotain lexes it, and parses with no error to recover from', () => {
  const parser = new GaiConfParser();
  fc.assert(
    fc.property(hostileTextArb, (text) => {
      expectSameTokens(text);
      parser.input = tokenizeGaiConf(text, 0, text.length, 1);
      parser.gaiFile();
      expect(parser.errors).toEqual([]);
      // Each line's tokens, as parseGaiConfLines gives them, are its CST's.
      parseGaiConfLines(text, (line, tokens) =>
        expect(shown(tokens)).toEqual(
          shown(
            leaves(line)
              .filter((t) => t.tokenType.name !== 'Newline')
              .sort((a, b) => a.startOffset - b.startOffset),
          ),
        ),
      );
    }),
    { numRuns: propertyRuns(400), seed: propertySeed(6724) },
  );
});

test('the batched parse gives the tokens of one whole-text parse, past the batch boundary', () => {
  const lines: string[] = [];
  for (let i = 0; i < LINES_PER_BATCH * 2 + 17; i++)
    lines.push(
      i % 7 === 0 ? `# c${i}` : i % 5 === 0 ? '' : `${['label', 'precedence', 'scopev4', 'reload', 'bogus'][i % 5]} ::${(i % 65535).toString(16)}/128 ${i} # t`,
    );
  const text = `${lines.join('\n')}\nlabel ::1 0`;
  const batched: IToken[] = [];
  parseGaiConfLines(text, (line, tokens) => {
    const own = leaves(line).sort((a, b) => a.startOffset - b.startOffset);
    // The tokens given with each line are its CST's, in order, without the newline.
    expect(shown(tokens)).toEqual(shown(own.filter((t) => t.tokenType.name !== 'Newline')));
    batched.push(...own);
  });
  const parser = new GaiConfParser();
  parser.input = oracle.tokenize(text).tokens;
  const whole = ((parser.gaiFile().children.line ?? []) as CstNode[]).flatMap((line) => leaves(line).sort((a, b) => a.startOffset - b.startOffset));
  expect(batched.length).toBeGreaterThan(LINES_PER_BATCH * 4);
  expect(shown(batched)).toEqual(shown(whole));
});
