// Both Chevrotain grammars pass Chevrotain's own validations (performSelfAnalysis throws on
// grammar errors such as ambiguities or left recursion; the lexers check their token
// patterns), and the committed railroad diagrams in docs/grammar/ match the grammars.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createValidatedGaiLexer, GaiConfParser } from '../grammar/gaiconf.js';
import { createValidatedIp6addrctlLexer, Ip6addrctlParser } from '../grammar/ip6addrctl.js';

const HERE = import.meta.dirname ?? dirname(new URL(import.meta.url).pathname);
const ROOT = resolve(HERE, '..');
const DIAGRAMS = join(ROOT, 'docs', 'grammar');

describe('grammars with validations on', () => {
  test('GaiConfParser builds', () => {
    expect(() => new GaiConfParser({ validate: true })).not.toThrow();
    const parser = new GaiConfParser({ validate: true });
    expect(Object.keys(parser.getGAstProductions())).toEqual(
      expect.arrayContaining([
        'gaiFile',
        'line',
        'statement',
        'labelStatement',
        'precedenceStatement',
        'scopev4Statement',
        'reloadStatement',
        'unknownStatement',
      ]),
    );
  });

  test('Ip6addrctlParser builds', () => {
    expect(() => new Ip6addrctlParser({ validate: true })).not.toThrow();
    const parser = new Ip6addrctlParser({ validate: true });
    expect(Object.keys(parser.getGAstProductions())).toEqual(expect.arrayContaining(['policyFile', 'line', 'entry']));
  });

  test('the validated lexers build without errors', () => {
    const gai = createValidatedGaiLexer();
    const ip6 = createValidatedIp6addrctlLexer();
    expect(gai.lexerDefinitionErrors).toEqual([]);
    expect(ip6.lexerDefinitionErrors).toEqual([]);
    // And they lex a line the way the fast (unvalidated) lexers do.
    expect(gai.tokenize('label ::1/128 0 # loopback\n').tokens.map((t) => t.tokenType.name)).toEqual(['Label', 'Word', 'Word', 'Comment', 'Newline']);
    expect(ip6.tokenize('::1/128 50 0\n# c\n').tokens.map((t) => t.tokenType.name)).toEqual(['Field', 'Field', 'Field', 'Newline', 'Comment', 'Newline']);
  });
});

describe('railroad diagrams (npm run diagrams)', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'policylint-diagrams-'));
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'diagrams.mjs'), '--out', out], { cwd: ROOT, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`scripts/diagrams.mjs failed:\n${result.stdout}\n${result.stderr}`);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('generates both pages', () => {
    expect(readdirSync(out).sort()).toEqual(['gaiconf.html', 'ip6addrctl.html']);
  });

  test.each(['ip6addrctl.html', 'gaiconf.html'])('docs/grammar/%s is up to date (run `npm run diagrams`)', (name) => {
    const fresh = readFileSync(join(out, name), 'utf8');
    expect(fresh).toContain('window.serializedGrammar');
    expect(readFileSync(join(DIAGRAMS, name), 'utf8')).toBe(fresh);
  });
});
