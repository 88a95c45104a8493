// The command-line layer: one table per command drives parsing, errors, help, completion
// and the man page; files are found the way linters find them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closest, editDistance } from '../src/cli/suggest.js';
import { expandGlob, segmentRegExp } from '../src/cli/glob.js';
import { parseCommandLine, type CommandSpec } from '../src/cli/option-table.js';
import { UsageError } from '../src/cli/command.js';
import { COMMANDS, loadAllSpecs } from '../src/cli/command-index.js';
import { cliCommand } from './support/cli-command.js';
import { ROOT } from './support/generators.js';

const CLI = cliCommand();
const FIX = (p: string) => join(ROOT, 'fixtures', p);
const CLEAN_GAI = FIX('glibc/debian-12.gai.conf');
const WARN = FIX('freebsd/ula-precedence-only.ip6addrctl.conf');
const tmp = () => mkdtempSync(join(tmpdir(), 'policylint-layer-'));
const EMPTY_ROOT = tmp();

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const env = { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '', POLICYLINT_SYSTEM_ROOT: EMPTY_ROOT, ...options.env };
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8', input: '', timeout: 60_000 });
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('suggestions', () => {
  test('edit distance counts a transposition as one edit', () => {
    expect(editDistance('lnit', 'lint')).toBe(1);
    expect(editDistance('frmat', 'format')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  test('close words and prefixes are suggested; far ones are not', () => {
    const commands = COMMANDS.map((c) => c.name);
    expect(closest('lnt', commands)).toBe('lint');
    expect(closest('conv', commands)).toBe('convert');
    expect(closest('rule', commands)).toBe('rules');
    expect(closest('x.conf', commands)).toBeUndefined();
    expect(closest('gai.conf', commands)).toBeUndefined();
    expect(closest('ab', commands)).toBeUndefined();
  });
  test('skipping candidates by length picks what measuring every one would', () => {
    // The rule in closest()'s comment, measured against every candidate.
    const measured = (word: string, candidates: readonly string[]) => {
      const w = word.toLowerCase();
      const limit = Math.min(2, Math.max(1, Math.floor(w.length / 3)));
      let best: string | undefined;
      let bestScore = Infinity;
      for (const c of candidates) {
        const d = editDistance(w, c.toLowerCase());
        const score = w.length >= 3 && c.toLowerCase().startsWith(w) ? 0.5 : d <= limit ? d : Infinity;
        if (score < bestScore) [best, bestScore] = [c, score];
      }
      return best;
    };
    const names = [...COMMANDS.map((c) => c.name), 'format', 'fix-dry-run', 'max-bytes', 'Output'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 3000; i++) {
      const base = names[next() % names.length]!;
      let word = base;
      for (let e = next() % 4; e > 0; e--) {
        const at = next() % (word.length + 1);
        const op = next() % 3;
        const ch = 'abcdefgilnorstuv-.'[next() % 18]!;
        word =
          op === 0 ? word.slice(0, at) + ch + word.slice(at) : op === 1 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + ch + word.slice(at + 1);
      }
      if (next() % 5 === 0) word = `${word}/${base}.conf`;
      expect([word, closest(word, names)]).toEqual([word, measured(word, names)]);
    }
  });
});

describe('parseCommandLine', () => {
  const spec: CommandSpec = {
    name: 't',
    summary: 's',
    examples: [],
    positionals: [
      { name: 'file', display: 'FILE', describe: '', required: true },
      { name: 'rest', display: 'REST', describe: '', variadic: true },
    ],
    options: [
      { name: 'format', alias: 'f', type: 'string', choices: ['json', 'text'], default: 'text', describe: '' },
      { name: 'max-n', type: 'number', describe: '' },
      { name: 'source', type: 'string', multiple: true, describe: '' },
      { name: 'color', type: 'boolean', negatable: true, describe: '' },
      { name: 'to', type: 'string', required: true, describe: '' },
    ],
  };
  const parse = (argv: string[]) => parseCommandLine(spec, argv);
  const error = (argv: string[]) => {
    try {
      parse(argv);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  test('values, defaults, camelCase, repeatable options, negation, positionals, --', () => {
    expect(parse(['--to', 'x', 'a', '-f', 'json', '--max-n=3', '--source', 's1', '--source', 's2', '--no-color', 'b', '--', '--c'])).toEqual({
      to: 'x',
      format: 'json',
      'max-n': 3,
      maxN: 3,
      source: ['s1', 's2'],
      color: false,
      file: 'a',
      rest: ['b', '--c'],
    });
    expect(parse(['--to', 'x', 'a'])).toMatchObject({ format: 'text', rest: [] });
    expect(parse(['--to', 'x', 'a', '--no-color', '--color']).color).toBe(true);
    expect(parse(['--to', 'x', '-'])).toMatchObject({ file: '-' });
    expect(parse(['--help'])).toEqual({ help: true });
  });
  test('every mistake is one line that names it, with a suggestion where one is close', () => {
    expect(error(['--frmat', 'json'])).toBe('policylint t: unknown option --frmat; did you mean --format? (see policylint help t)');
    expect(error(['--to', 'x', 'a', '--format', 'jsn'])).toMatch(/--format must be one of json, text, got "jsn"; did you mean "json"\?/);
    expect(error(['--to', 'x', 'a', '--format'])).toMatch(/--format needs a value/);
    expect(error(['--to', 'x', 'a', '--format', '--color'])).toMatch(/--format needs a value/);
    expect(error(['--to', 'x', 'a', '--max-n', 'many'])).toMatch(/--max-n needs a whole number from 0 to \d+, got "many"/);
    expect(error(['--to', 'x', 'a', '--color=yes'])).toMatch(/--color takes no value/);
    expect(error(['a'])).toMatch(/--to is required/);
    expect(error(['--to', 'x'])).toMatch(/missing FILE/);
    expect(error(['--zzzzzz'])).toBe('policylint t: unknown option --zzzzzz (see policylint help t)');
    for (const argv of [['--frmat'], ['a'], ['--to', 'x']]) expect(error(argv)).not.toContain('\n');
  });
});

describe('glob', () => {
  test('segments: *, ?, classes, negation; dots and slashes are literal', () => {
    expect(segmentRegExp('*.gai.conf').test('a.gai.conf')).toBe(true);
    expect(segmentRegExp('*.gai.conf').test('agai.conf')).toBe(false);
    expect(segmentRegExp('host?').test('host1')).toBe(true);
    expect(segmentRegExp('host[0-2]').test('host3')).toBe(false);
    expect(segmentRegExp('host[!0-2]').test('host3')).toBe(true);
    expect(segmentRegExp('a[').test('a[')).toBe(true);
    expect(segmentRegExp('(x)+').test('(x)+')).toBe(true);
  });
  test('expansion: relative to the pattern, sorted, ** through folders but not .git, node_modules or folder symlinks', () => {
    const d = tmp();
    for (const p of ['b/gai.conf', 'a/x/gai.conf', 'a/gai.conf', '.git/gai.conf', 'node_modules/m/gai.conf', '.hidden/gai.conf']) {
      mkdirSync(join(d, p, '..'), { recursive: true });
      writeFileSync(join(d, p), '');
    }
    symlinkSync(join(d, 'a'), join(d, 'link'));
    expect(expandGlob('*/gai.conf', d)).toEqual(['a/gai.conf', 'b/gai.conf']);
    expect(expandGlob('**/gai.conf', d)).toEqual(['a/gai.conf', 'a/x/gai.conf', 'b/gai.conf']);
    expect(expandGlob('.*/gai.conf', d)).toEqual(['.hidden/gai.conf']);
    expect(expandGlob('.git/gai.conf', d)).toEqual(['.git/gai.conf']); // named, not matched
    expect(expandGlob(`${d}/[ab]/gai.conf`, '/')).toEqual([`${d}/a/gai.conf`, `${d}/b/gai.conf`]);
    expect(expandGlob('nope/*', d)).toEqual([]);
  });
});

describe('files the way linters find them', () => {
  const d = tmp();
  for (const [p, from] of [
    ['hosts/b/gai.conf', CLEAN_GAI],
    ['hosts/a/site.ip6addrctl.conf', WARN],
    ['hosts/a/notes.txt', CLEAN_GAI],
    ['hosts/.git/gai.conf', WARN],
    ['hosts/node_modules/gai.conf', WARN],
    ['elsewhere/x/gai.conf', WARN],
  ] as const) {
    mkdirSync(join(d, p, '..'), { recursive: true });
    copyFileSync(from, join(d, p));
  }
  symlinkSync(join(d, 'elsewhere'), join(d, 'hosts', 'c-link')); // a folder symlink: not followed
  symlinkSync(join(d, 'hosts', 'b', 'gai.conf'), join(d, 'hosts', 'linked-gai.conf')); // a file symlink: linted
  spawnSync('mkfifo', [join(d, 'hosts', 'fifo.gai.conf')]); // not a regular file: skipped (and never blocks)
  mkdirSync(join(d, 'empty'));

  test('a folder: every policy-named regular file, in path order, one JSON entry per file', () => {
    const r = run(['hosts', '--format', 'json'], { cwd: d });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual([
      'hosts/a/site.ip6addrctl.conf',
      'hosts/b/gai.conf',
      'hosts/linked-gai.conf',
    ]);
  });
  test('a quoted glob is expanded and filtered by name; arguments keep their order; a file twice is linted once', () => {
    const r = run(['hosts/b/gai.conf', 'hosts/*/*', 'hosts/b/gai.conf', '--format', 'json'], { cwd: d });
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual(['hosts/b/gai.conf', 'hosts/a/site.ip6addrctl.conf']);
    expect(JSON.parse(run(['**/gai.conf', '--format', 'json'], { cwd: d }).stdout).map((f: { filePath: string }) => f.filePath)).toEqual([
      'elsewhere/x/gai.conf',
      'hosts/b/gai.conf',
    ]);
  });
  test('a file named on the command line is linted whatever its name', () => {
    expect(run(['hosts/a/notes.txt', '--dialect', 'gai', '--format', 'json'], { cwd: d })).toMatchObject({ code: 0 });
  });
  test('nothing found: one line, exit 2, the other arguments still linted', () => {
    expect(run(['empty'], { cwd: d })).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^policylint: empty: no policy files in this folder \(looked for gai\.conf, .*\)\n$/),
    });
    expect(run(['nope/*.conf'], { cwd: d })).toMatchObject({ code: 2, stderr: 'policylint: no file matches "nope/*.conf"\n' });
    expect(run(['hosts/a/*.txt'], { cwd: d })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^policylint: "hosts\/a\/\*\.txt" matches 1 path but no policy file/),
    });
    const both = run(['empty', 'hosts/a', '--format', 'json'], { cwd: d });
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stdout)).toHaveLength(1);
  });
  test('no file at all: the system policy files that exist, and it says which', () => {
    const root = tmp();
    mkdirSync(join(root, 'etc'));
    copyFileSync(WARN, join(root, 'etc', 'ip6addrctl.conf'));
    const r = run(['--format', 'json'], { env: { POLICYLINT_SYSTEM_ROOT: root } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`policylint: no files given; linting ${join(root, 'etc', 'ip6addrctl.conf')}\n`);
    expect(JSON.parse(r.stdout)[0].messages[0].ruleId).toBe('ula-gua-label-mismatch');
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^policylint: no files given, and this machine has neither .*etc\/gai\.conf nor .*etc\/ip6addrctl\.conf; name a file/);
  });
});

describe('command words, typos and names that are data', () => {
  const d = tmp();
  copyFileSync(CLEAN_GAI, join(d, 'rules'));
  copyFileSync(CLEAN_GAI, join(d, 'lnt'));
  copyFileSync(CLEAN_GAI, join(d, '-x'));
  test('a command word wins over a file of that name; ./NAME is the file', () => {
    expect(run(['rules'], { cwd: d }).stdout).toContain('ula-gua-label-mismatch');
    expect(run(['./rules', '--dialect', 'gai'], { cwd: d })).toMatchObject({ code: 0, stdout: '' });
  });
  test('a near-miss that is no file is a typo with a suggestion; one that is a file is linted', () => {
    const typo = run(['lnt', 'x.conf']);
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toMatch(/^policylint: unknown command "lnt"; did you mean `policylint lint`\?.*\n$/);
    expect(run(['lnt', '--dialect', 'gai'], { cwd: d })).toMatchObject({ code: 0 });
  });
  test('-- ends the options: every word after it is a file', () => {
    expect(run(['--dialect', 'gai', '--', '-x'], { cwd: d })).toMatchObject({ code: 0 });
    expect(run(['--', 'lint'], { cwd: d })).toMatchObject({ code: 2, stderr: 'lint: no such file\n' });
  });
});

describe('help, completion, man page', () => {
  let specs: CommandSpec[];
  beforeAll(async () => {
    specs = await loadAllSpecs();
  });
  test('the command index and the tables agree, and every command has examples', () => {
    expect(specs.map((s) => s.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const [i, s] of specs.entries()) {
      expect(s.summary).toBe(COMMANDS[i]!.summary);
      expect(s.examples.length).toBeGreaterThan(0);
    }
  });
  test('help CMD is CMD --help: usage, every option, examples', () => {
    for (const s of specs) {
      const viaHelp = run(['help', s.name]);
      expect(viaHelp.code).toBe(0);
      expect(run([s.name, '--help']).stdout).toBe(viaHelp.stdout);
      for (const o of s.options) expect(viaHelp.stdout).toContain(`--${o.negatable ? '[no-]' : ''}${o.name}`);
      expect(viaHelp.stdout).toContain('Examples:');
    }
    expect(run(['help', 'lnt'])).toMatchObject({ code: 2, stderr: expect.stringContaining('did you mean lint?') });
    expect(run(['--help']).stdout).toMatch(/policylint help \[COMMAND\]/);
  });
  test('bash completion completes commands, options and option values', () => {
    const script = run(['completion', 'bash']).stdout;
    const complete = (...words: string[]) => {
      const line = words.map((w) => `'${w}'`).join(' ');
      const r = spawnSync(
        'bash',
        ['-c', `${script}\nCOMP_WORDS=(policylint ${line}); COMP_CWORD=${words.length}; _policylint; printf '%s\\n' "\${COMPREPLY[@]}"`],
        { encoding: 'utf8', cwd: tmp() },
      );
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(complete('con')).toEqual(['convert']);
    expect(complete('--fr')).toEqual([]);
    expect(complete('convert', 'x', '--t')).toEqual(['--to']);
    expect(complete('convert', 'x', '--to', 'i')).toEqual(['ip6addrctl']);
    expect(complete('--for')).toEqual(['--format']);
    expect(complete('x', '--format', 's')).toEqual(['stylish', 'sarif']);
    expect(complete('completion', 'f')).toEqual(['fish']);
  });
  test('zsh and fish scripts name every command and option', () => {
    for (const shell of ['zsh', 'fish']) {
      const script = run(['completion', shell]).stdout;
      for (const s of specs) {
        expect(script).toContain(s.name);
        for (const o of s.options) expect(script).toMatch(new RegExp(`(--|-l )${o.name}\\b`));
      }
    }
  });
  test('the man page is generated from the tables and renders without warnings', () => {
    const page = readFileSync(join(ROOT, 'man', 'policylint.1'), 'utf8');
    expect(page).toMatch(/^\.TH POLICYLINT 1 /);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'ENVIRONMENT', 'FILES', 'EXIT STATUS', 'SEE ALSO'])
      expect(page).toContain(`.SH ${section}`);
    for (const s of specs) for (const o of s.options) expect(page).toContain(`\\-\\-${o.negatable ? '[no\\-]' : ''}${o.name.replace(/-/g, '\\-')}`);
    expect(page.split('\n').filter((l) => /^[.'][A-Za-z]/.test(l) && !/^\.(TH|SH|SS|TP|PP|B|br|RS|RE|nf|fi) ?/.test(l))).toEqual([]);
    const groff = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', join(ROOT, 'man', 'policylint.1')], { encoding: 'utf8' });
    if (groff.error) {
      console.log('SKIPPED: groff is not installed, so the man page was only checked for structure (apt-get install groff-base)');
      return;
    }
    expect({ status: groff.status, stderr: groff.stderr }).toEqual({ status: 0, stderr: '' });
    // groff overstrikes bold text (X\bX); strip that to read it.
    const text = spawnSync('groff', ['-man', '-Tutf8', join(ROOT, 'man', 'policylint.1')], { encoding: 'utf8' }).stdout.replace(/.\x08/g, '');
    expect(text).toContain('EXIT STATUS');
    expect(text).toContain('policylint completion bash|zsh|fish');
  });
});
