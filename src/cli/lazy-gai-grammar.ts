// The CLI bundle's stand-in for grammar/gaiconf-entry.ts (see there): the same function,
// with Chevrotain and the grammar loaded by a synchronous require() on first use. esbuild
// turns that require() into the bundled module's lazy initialiser; nothing is read from
// disk. It lives in the CLI layer because only the CLI bundle uses it (and require and
// process are Node's).
import type { CstNode, IToken } from 'chevrotain';

type Grammar = typeof import('../../grammar/gaiconf.js');
let grammar: Grammar | undefined;

export function parseGaiConfLines(text: string, onLine: (line: CstNode, tokens: IToken[]) => void): void {
  if (!grammar) {
    grammar = require('../../grammar/gaiconf.js') as Grammar;
    // What test/lazy-grammar.test.ts watches for: only a gai.conf loads Chevrotain.
    if (process.env.POLICYLINT_DEBUG) process.stderr.write('policylint: loaded the gai.conf grammar (Chevrotain)\n');
  }
  grammar.parseGaiConfLines(text, onLine);
}
