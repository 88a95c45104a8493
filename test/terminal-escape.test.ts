// Output a terminal can trust (issue 13, finding 8): a policy file whose name and content carry
// ESC sequences, a one-character CSI (U+009B), a bidi override (U+202E) and C0 controls, through
// the real CLI, in every text output: stylish (with and without colour, code frame included),
// github annotations, show and diff, and stderr (convert's refusals, limits, config keys). JSON and SARIF keep
// the raw text (JSON escapes it). src/cli/terminal-text.ts is the one module that escapes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminalFrame, terminalLines, terminalText } from '../src/cli/terminal-text.js';
import { cliCommand } from './support/cli-command.js';

const CLI = cliCommand();
const ESC = '\u001b';
const CSI = '\u009b';
const RLO = '\u202e';
/** Hostile text: an OSC that retitles the window, a C1 CSI colour, a bidi override, a BEL, a backspace. */
const HOSTILE = `${ESC}]0;pwned\u0007${CSI}31m${RLO}fnoc.iag\b`;
/** Anything a terminal would act on; our own colours are checked separately. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let file: string; // a gai.conf named and filled with hostile text
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-escape-'));
  file = join(dir, `x${ESC}[31m${RLO}-gai.conf`);
  writeFileSync(file, `precedence ::1/128 50 ${HOSTILE}\n${ESC}[2Jlabel${HOSTILE} ::/0 1\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: NodeJS.ProcessEnv = { NO_COLOR: '1' }) {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: dir,
    env: { ...process.env, FORCE_COLOR: undefined, ...env, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the escaping module', () => {
  test('every unsafe character becomes a visible escape; tab stays', () => {
    expect(terminalText(`a${ESC}[31m${CSI}${RLO}\u2066\u0085\u007f\r\n\tb`)).toBe('a\\x1b[31m\\x9b\\u202e\\u2066\\x85\\x7f\\x0d\\x0a\tb');
    expect(terminalText('plain gai.conf: `2001:db8::/32` ü')).toBe('plain gai.conf: `2001:db8::/32` ü');
  });
  test('a stderr write keeps only its final newline: a name with a newline cannot forge a line', () => {
    expect(terminalLines('policylint: a\nb.gai.conf: no such file\n')).toBe('policylint: a\\x0ab.gai.conf: no such file\n');
  });
  test('a code frame masks each unsafe character with one dot, so the caret stays under its column', () => {
    const line = `ab${ESC}${CSI}${RLO}\tcd`;
    expect(terminalFrame(line)).toBe('ab··· cd');
    expect(terminalFrame(line)).toHaveLength(line.length);
  });
});

describe('the CLI escapes what came from the file', () => {
  test('stylish, no colour: no raw control at all; the name and the quoted text shown escaped', () => {
    const r = cli([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('x\\x1b[31m\\u202e-gai.conf:1:');
    expect(r.stdout).toContain('\\x1b]0;pwned\\x07\\x9b31m\\u202efnoc.iag\\x08');
    expect(r.stdout).toMatch(/^ {4}1 \| precedence ::1\/128 50 ·\]0;pwned··31m·fnoc\.iag·$/m);
  });
  test('stylish in colour: every ESC left is one of our own SGR colour codes', () => {
    const r = cli([file, '--color']);
    expect(r.stdout).toContain(`${ESC}[`);
    expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW_CONTROL);
  });
  test('github annotations (they land in a log a terminal shows)', () => {
    const r = cli([file, '--format', 'github']);
    expect(r.stdout).toMatch(/^::(error|warning|notice) file=/m);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('file=');
    expect(r.stdout).toContain('\\x1b]0;pwned\\x07\\x9b31m\\u202efnoc.iag');
  });
  test('JSON keeps the raw text (JSON escapes C0 controls; a program reads it back exactly)', () => {
    const r = cli([file, '--format', 'json']);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/); // C1 and bidi stay as they are: JSON is for programs
    const [result] = JSON.parse(r.stdout);
    expect(result.filePath).toBe(file);
    expect(result.messages.map((m: { message: string }) => m.message).join('\n')).toContain(HOSTILE.slice(0, -1));
  });
  test("convert's refusal on stderr: the reader's errors quote the line, escaped", () => {
    const r = cli(['convert', file, '--to', 'ip6addrctl']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('unknown-keyword');
    expect(r.stderr).toContain('\\x1b[2Jlabel');
    expect(
      r.stderr
        .trimEnd()
        .split('\n')
        .every((l) => l.length <= 300 || l.includes('unknown-keyword')),
    ).toBe(true);
  });
  test('a limit on stderr names the file escaped', () => {
    const r = cli([file, '--max-bytes', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `x\\x1b[31m\\u202e-gai.conf: ${Buffer.byteLength(`precedence ::1/128 50 ${HOSTILE}\n${ESC}[2Jlabel${HOSTILE} ::/0 1\n`)} bytes is over the 10-byte limit (raise it with --max-bytes)\n`.replace(
        /^/,
        `${dir}/`,
      ),
    );
  });
  test('a config key on stderr is escaped', () => {
    const cfg = join(dir, 'keys.json');
    writeFileSync(cfg, JSON.stringify({ rules: { [`${ESC}]0;pwned\u0007`]: 'off' } }));
    const r = cli(['--config', cfg, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`policylint: ${cfg}: rules.\\x1b]0;pwned\\x07: no such rule (run \`policylint rules\` for the list)\n`);
  });
  test('show and diff name the file escaped', () => {
    const clean = join(dir, `c${ESC}]0;x\u0007-gai.conf`);
    writeFileSync(clean, 'precedence ::1/128 50\nprecedence ::/0 40\n');
    const show = cli(['show', clean, clean]);
    expect(show.stdout).toContain('==> ');
    expect(show.stdout).not.toMatch(RAW_CONTROL);
    const diff = cli(['diff', clean, file]);
    expect(diff.stdout).toContain('\\x1b]0;x\\x07-gai.conf');
    expect(diff.stdout).not.toMatch(RAW_CONTROL);
    expect(diff.stderr).not.toMatch(RAW_CONTROL);
  });
  test('a file that is not UTF-8: a byte 0x9b (CSI when read as latin1) is escaped too', () => {
    const latin1 = join(dir, 'latin1.gai.conf');
    writeFileSync(latin1, Buffer.concat([Buffer.from('precedence ::1/128 50 '), Buffer.from([0x9b, 0x33, 0x31, 0x6d]), Buffer.from('\n')]));
    const r = cli([latin1]);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\x9b31m');
  });
});
