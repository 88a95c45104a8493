// docs/exit-codes.md, checked against the real CLI: one run per documented case, and a
// section for every command. When a command's codes change, this test and the page change
// together.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCommand } from './support/cli-command.js';
import { ROOT } from './support/generators.js';

const DOC = readFileSync(join(ROOT, 'docs', 'exit-codes.md'), 'utf8');
const CLI = cliCommand();
const FIX = (p: string) => join(ROOT, 'fixtures', p);
const dir = mkdtempSync(join(tmpdir(), 'policylint-exit-'));
const BAD = join(dir, 'bad.ip6addrctl.conf');
writeFileSync(BAD, '::1/128 50 0\n2001:db8:: 45 14\n');
const CRLF = join(dir, 'crlf.ip6addrctl.conf'); // a crlf-line-ending error with a safe fix
copyFileSync(FIX('broken/crlf-blank-line.ip6addrctl.conf'), CRLF);
const WARN = FIX('freebsd/ula-precedence-only.ip6addrctl.conf');
const CLEAN = FIX('freebsd/ipv6-prefer.ip6addrctl.conf');
const GAI = FIX('glibc/debian-12.gai.conf');
const EMPTY = join(dir, 'empty'); // a folder with no policy files, and a system root without /etc
mkdirSync(EMPTY);
const SYSTEM = join(dir, 'system'); // a system root with a clean /etc/gai.conf
mkdirSync(join(SYSTEM, 'etc'), { recursive: true });
copyFileSync(GAI, join(SYSTEM, 'etc', 'gai.conf'));

function code(args: string[], systemRoot = EMPTY): number | null {
  const env = { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '', POLICYLINT_SYSTEM_ROOT: systemRoot };
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: dir, env, input: '', timeout: 60_000 });
  expect(r.stderr.toString()).not.toMatch(/^\s+at /m);
  return r.status;
}

test('the page has a section for every command', () => {
  for (const heading of [
    '## `policylint [lint] FILE...`',
    '## `policylint convert',
    '## `policylint diff',
    '## `policylint explain',
    '## `policylint defaults',
    '## `policylint rules`',
    '## `policylint help` and `policylint completion`',
    '## Help, version, and no arguments',
  ]) {
    expect(DOC).toContain(heading);
  }
});

const CASES: [string, string[], number][] = [
  ['lint: clean', [CLEAN], 0],
  ['lint: warnings only', [WARN], 0],
  ['lint: an error', [BAD], 1],
  ['lint: more warnings than --max-warnings', [WARN, '--max-warnings', '0'], 1],
  ['lint: --quiet still counts warnings for --max-warnings', [WARN, '--quiet', '--max-warnings', '0'], 1],
  ['lint: --fix-dry-run exits by the file as it is', [BAD, '--fix-dry-run'], 1],
  ['lint: --fix-dry-run on a safely fixable error', [CRLF, '--fix-dry-run'], 1],
  ['lint: --fix exits by what is left after the fixes', [CRLF, '--fix'], 0],
  ['lint: no files, and no system policy files', ['--format', 'json'], 2],
  ['lint: unknown option', ['--frmat', 'json', CLEAN], 2],
  ['lint: an option without its value', [CLEAN, '--format'], 2],
  ['lint: a bad option value', ['--format', 'jsn', CLEAN], 2],
  ['lint: a folder is walked for policy files', [dir], 1],
  ['lint: a folder with no policy files', [EMPTY], 2],
  ['lint: a glob that matches nothing', [join(dir, 'nope', '*.gai.conf')], 2],
  ['lint: a glob is expanded', [join(dir, '*.ip6addrctl.conf')], 1],
  ['lint: --unsafe-fixes alone', ['--unsafe-fixes', CLEAN], 2],
  ['lint: --fix on standard input', ['--fix', '-'], 2],
  ['lint: one unreadable file wins over errors in another', [BAD, join(dir, 'missing.gai.conf')], 2],
  ['lint: a bad --config', ['--config', join(dir, 'nope.json'), CLEAN], 2],
  ['lint: the dialect cannot be told', ['-', '--stdin-filename', 'x.conf'], 2],
  ['convert: ok', ['convert', GAI, '--to', 'ip6addrctl'], 0],
  ['convert: errors in FILE', ['convert', BAD, '--to', 'gai'], 1],
  ['convert: errors in FILE with --force', ['convert', BAD, '--to', 'gai', '--force'], 0],
  ['convert: no --to', ['convert', GAI], 2],
  ['convert: -o names the input', ['convert', GAI, '--to', 'gai', '-o', GAI], 2],
  ['diff: equivalent', ['diff', GAI, GAI], 0],
  ['diff: different', ['diff', GAI, WARN], 1],
  ['diff: errors in a file do not change the code', ['diff', BAD, BAD], 0],
  ['diff: one file', ['diff', GAI], 2],
  ['explain: ok', ['explain', '--source', 'fd00::10/64', '2001:db8::1'], 0],
  ['explain: a policy with errors is simulated', ['explain', '--policy', BAD, '2001:db8::1'], 0],
  ['explain: no destination', ['explain'], 2],
  ['explain: a bad destination', ['explain', 'not-an-address'], 2],
  ['explain: an unreadable --policy', ['explain', '--policy', join(dir, 'missing'), '2001:db8::1'], 2],
  ['defaults: ok', ['defaults', '--platform', 'freebsd', '--to', 'gai'], 0],
  ['defaults: unknown platform', ['defaults', '--platform', 'nope'], 2],
  ['rules: ok', ['rules'], 0],
  ['rules: bad --format', ['rules', '--format', 'xml'], 2],
  ['--help', ['--help'], 0],
  ['help', ['help'], 0],
  ['COMMAND --help', ['convert', '--help'], 0],
  ['--version', ['--version'], 0],
  ['help COMMAND', ['help', 'lint'], 0],
  ['help with an unknown command', ['help', 'lnt'], 2],
  ['completion bash', ['completion', 'bash'], 0],
  ['completion for an unknown shell', ['completion', 'tcsh'], 2],
  ['no arguments and no system policy files', [], 2],
  ['a word close to a command that is no file is a typo', ['lnt', CLEAN], 2],
  ['a word that is not a command is a file', ['missing.gai.conf'], 2],
  ['an extra argument', ['defaults', '--platform', 'freebsd', 'extra'], 2],
];

test.each(CASES)('%s', (_name, args, expected) => {
  expect(code(args)).toBe(expected);
});

test('no arguments lints the system policy files that exist', () => {
  expect(code([], SYSTEM)).toBe(0);
});
