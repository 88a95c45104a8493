// convert: exact translations, every lossy case warned about, all dialects, the CLI.
import { memoryIO } from './support/memory-io.js';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync, chmodSync, symlinkSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertPolicy, onlyInexpressible, planTranslation, translatePolicy, writeTranslation } from '../src/convert/convert.js';
import type { ConvertDialect } from '../src/dialects/registry.js';
import { readDiagnosed as readPolicy } from '../src/rules/render-finding.js';
import { detectDialect } from '../src/dialects/detect.js';
import { comparePolicies } from '../src/convert/equivalence.js';
import { modelOf } from '../src/model/policy-meaning.js';
import { lookup } from '../src/model/effective-table.js';
import { parseAnyAddress } from '../src/model/address.js';
import { command as convertCommand } from '../src/cli/commands/convert.js';

const FIXTURES = join(new URL('.', import.meta.url).pathname, '..', 'fixtures');
const rowsOf = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() && !l.trimStart().startsWith('#'))
    .map((l) => l.replace(/#.*/, '').trim().split(/\s+/).join(' '));

const io = memoryIO;

describe('gai.conf -> ip6addrctl.conf', () => {
  test('the one-line prefer-IPv4 file is the full table glibc really uses (::1 at 40, default labels)', () => {
    const result = convertPolicy(readPolicy('gai', 'precedence ::ffff:0:0/96 100\n'), 'ip6addrctl');
    expect(result.check.equivalent).toBe(true);
    expect(new Set(rowsOf(result.output))).toEqual(
      new Set(['::ffff:0:0/96 100 4', '::1/128 40 0', '2002::/16 40 2', '::/96 40 3', 'fec0::/10 40 5', 'fc00::/7 40 6', '2001::/32 40 7', '::/0 40 1']),
    );
  });

  test('comments travel with their rows', () => {
    const out = convertPolicy(
      readPolicy('gai', '# loopback first\nprecedence ::1/128 60 # lo\nlabel ::1/128 0\n\n# the rest\nprecedence ::/0 40\n'),
      'ip6addrctl',
    ).output;
    expect(out).toMatch(/# loopback first\n::1\/128\s+60\s+0\s+# lo\n/);
    expect(out).toMatch(/# the rest\n::\/0\s+40\s+1\n/);
  });

  test('scopev4 that changes IPv4 scopes: not exact; each lost range said plainly; reload warned', () => {
    const result = convertPolicy(readPolicy('gai', 'scopev4 ::ffff:10.0.0.0/104 5\nreload yes\n'), 'ip6addrctl');
    expect(result.warnings.join('\n')).toMatch(/`reload yes` is not carried over/);
    expect(result.output).toMatch(/^# policylint: scopev4 ::ffff:10\.0\.0\.0\/104 5 is not carried over: FreeBSD derives IPv4 scope from the address/m);
    expect(result.output).toMatch(/^# policylint: `reload yes` is not carried over/m);
    // The file's table replaces glibc's whole default: 127/8 and 169.254/16 fall to the implicit 14 too.
    expect(result.check.equivalent).toBe(false);
    expect(result.check.regions).toEqual([]);
    expect(onlyInexpressible(result)).toBe(true);
    const why = 'ip6addrctl.conf cannot express scopev4: FreeBSD derives IPv4 scope from the address (127/8 and 169.254/16 link-local, the rest global); ';
    expect(result.lost).toEqual([
      `${why}::ffff:10.0.0.0/104 would have scope 5 on glibc, 14 on FreeBSD`,
      `${why}::ffff:127.0.0.0/104 would have scope 14 on glibc, 2 on FreeBSD`,
      `${why}::ffff:169.254.0.0/112 would have scope 14 on glibc, 2 on FreeBSD`,
    ]);
    for (const line of result.lost) expect(line.length).toBeLessThanOrEqual(300);
  });

  test("scopev4 lines that restate glibc's defaults: nothing lost, exact, only a comment", () => {
    const result = convertPolicy(readPolicy('gai', 'scopev4 169.254.0.0/16 2\nscopev4 127.0.0.0/8 2\nscopev4 0.0.0.0/0 14\n'), 'ip6addrctl');
    expect(result.check.equivalent).toBe(true);
    expect(result.lost).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.output).toMatch(/^# policylint: scopev4 ::ffff:169\.254\.0\.0\/112 2 is left out: FreeBSD derives the same IPv4 scopes from the address/m);
  });

  test('every target without scopev4 names itself and its system', () => {
    const source = readPolicy('gai', 'scopev4 ::ffff:169.254.0.0/112 14\n');
    expect(convertPolicy(source, 'netsh').lost[0]).toMatch(
      /^`netsh` prefix policies cannot express scopev4: Windows derives .* ::ffff:127\.0\.0\.0\/104 would have scope 14 on glibc, 2 on Windows$/,
    );
    expect(convertPolicy(source, 'addrlabel').lost[0]).toMatch(/^`ip addrlabel` cannot express scopev4: the Linux kernel derives /);
    expect(convertPolicy(source, 'show').lost).toHaveLength(2);
    // JSON keeps glibc's meaning, scopev4 lines included.
    const json = convertPolicy(source, 'json');
    expect(json.check.equivalent).toBe(true);
    expect(json.lost).toEqual([]);
  });

  test('to ip addrlabel: precedence is lost (warned)', () => {
    const result = convertPolicy(readPolicy('gai', ''), 'addrlabel');
    expect(result.warnings.join('\n')).toMatch(/precedence is lost.*source address selection only, not glibc's sorting/);
    expect(result.check.equivalent).toBe(true);
    expect(result.check.labelsOnly).toBe(true);
    expect(result.output).toMatch(/^ip addrlabel add prefix fc00::\/7 label 6\b/m);
  });
});

describe('ip6addrctl.conf -> gai.conf', () => {
  const stock = readFileSync(join(FIXTURES, 'freebsd', 'ipv6-prefer.ip6addrctl.conf'), 'utf8');

  test('complete label and precedence tables; same values for every address', () => {
    const result = convertPolicy(readPolicy('ip6addrctl', stock), 'gai');
    expect(result.check.equivalent).toBe(true);
    expect(result.warnings).toEqual([]);
    const gai = readPolicy('gai', result.output);
    const table = modelOf(gai.policy, 'glibc').table;
    expect(table.fromDefaults).toEqual({ label: false, precedence: false, scopev4: true });
    expect(lookup(table, parseAnyAddress('fd00::1')!.value)).toMatchObject({ precedence: 3, label: 13 });
    expect(lookup(table, parseAnyAddress('192.0.2.1')!.value)).toMatchObject({ precedence: 35, label: 4 });
  });

  test('no ::/0 row: FreeBSD "no match" cannot be said in glibc (warning, explicit ::/0 with an unused label)', () => {
    const result = convertPolicy(readPolicy('ip6addrctl', '::1/128 50 0\n2001:db8::/32 40 1\n'), 'gai');
    expect(result.warnings.join('\n')).toMatch(
      /outside every row no label and precedence 0; glibc always has a ::\/0 row: written as ::\/0 precedence 0 label 2/,
    );
    expect(result.output).toMatch(/^precedence\s+::\/0\s+0$/m);
    expect(result.output).toMatch(/^label\s+::\/0\s+2$/m);
    expect(result.check.equivalent).toBe(true);
  });

  test('label -1 row: not carried over (the kernel refuses it)', () => {
    const result = convertPolicy(readPolicy('ip6addrctl', '::/0 40 1\n2001:db8::/32 10 -1\n'), 'gai');
    expect(result.warnings.join('\n')).toMatch(/row 2001:db8::\/32 10 -1 is not carried over: label -1 is refused/);
    expect(result.output).not.toMatch(/^label\s+2001:db8/m);
  });

  test('negative label: renamed to an unused label (exact), warned', () => {
    const result = convertPolicy(readPolicy('ip6addrctl', '::/0 40 0\nfd00::/8 45 -7\n'), 'gai');
    expect(result.warnings.join('\n')).toMatch(/label -7 cannot be written for glibc .* written as label 1/);
    expect(result.output).toMatch(/^label\s+fd00::\/8\s+1$/m);
    expect(result.check.equivalent).toBe(true);
  });

  test('negative precedence: clamped to 0, warned', () => {
    const result = convertPolicy(readPolicy('ip6addrctl', '::/0 40 1\nfd00::/8 -5 2\n'), 'gai');
    expect(result.warnings.join('\n')).toMatch(/precedence -5 is outside glibc's range 0 to 2147483647: written as 0/);
    expect(result.output).toMatch(/^precedence\s+fd00::\/8\s+0$/m);
  });

  test('a value beyond the target range (Windows precedence 3000000000 -> glibc)', () => {
    const result = convertPolicy(readPolicy('netsh', 'netsh interface ipv6 add prefixpolicy ::/0 3000000000 1\n'), 'gai');
    expect(result.warnings.join('\n')).toMatch(/precedence 3000000000 is outside glibc's range .* written as 2147483647/);
    expect(result.check.equivalent).toBe(true);
  });

  test('ip addrlabel -> gai.conf: precedence lost, kernel labels are not glibc sorting (warned)', () => {
    const result = convertPolicy(readPolicy('addrlabel', readFileSync(join(FIXTURES, 'convert', 'addrlabel.sh'), 'utf8')), 'gai');
    const warnings = result.warnings.join('\n');
    expect(warnings).toMatch(/precedence is lost/);
    expect(warnings).toMatch(/steer source address selection only; glibc's destination sorting never reads them/);
    expect(result.output).toMatch(/^precedence\s+::1\/128\s+50$/m); // glibc's defaults, written out
    expect(result.check.equivalent).toBe(true);
  });
});

describe('readers of the other dialects', () => {
  test('ip6addrctl show output: Use ignored, ::ffff:0.0.0.0/96 form, empty-table line', () => {
    const show = readPolicy('show', readFileSync(join(FIXTURES, 'convert', 'show-output.txt'), 'utf8'));
    expect(show.diagnostics).toEqual([]);
    const stock = readPolicy('ip6addrctl', readFileSync(join(FIXTURES, 'freebsd', 'ipv6-prefer.ip6addrctl.conf'), 'utf8'));
    expect(comparePolicies(modelOf(stock.policy, 'freebsd'), modelOf(show.policy, 'freebsd')).equivalent).toBe(true);
    const empty = readPolicy('show', 'no source-address-selection policy is installed\n');
    expect(empty.policy.entries).toEqual([]);
    expect(convertPolicy(empty, 'show').output).toBe('no source-address-selection policy is installed\n');
    expect(convertPolicy(stock, 'show').output).toMatch(/^::ffff:0\.0\.0\.0\/96\s+35\s+4\s+0$/m);
  });

  test('netsh show prefixpolicies output equals the RFC 6724 table', () => {
    const netsh = readPolicy('netsh', readFileSync(join(FIXTURES, 'convert', 'netsh-show.txt'), 'utf8'));
    expect(netsh.diagnostics).toEqual([]);
    expect(netsh.policy.entries).toHaveLength(9);
    const back = readPolicy('netsh', convertPolicy(netsh, 'netsh').output);
    expect(comparePolicies(modelOf(netsh.policy, 'windows'), modelOf(back.policy, 'windows')).equivalent).toBe(true);
  });

  test('ip addrlabel: commands and list rows; dev is warned about; 0xffffffff refused', () => {
    const read = readPolicy(
      'addrlabel',
      'prefix ::1/128 label 0 \nip addrlabel add prefix fd00::/8 dev eth0 label 5\nip addrlabel add prefix ::/0 label 4294967295\n',
    );
    expect(read.policy.entries).toHaveLength(2);
    expect(read.diagnostics.map((d) => d.ruleId)).toEqual(['interface-label', 'value-out-of-range']);
  });

  test('JSON round trips both models with comments; bad JSON is a diagnostic', () => {
    for (const [dialect, file] of [
      ['gai', 'convert/debian-style-gai.conf'],
      ['ip6addrctl', 'convert/commented-ip6addrctl.conf'],
    ] as const) {
      const source = readPolicy(dialect, readFileSync(join(FIXTURES, file), 'utf8'));
      const json = convertPolicy(source, 'json');
      expect(json.check.equivalent).toBe(true);
      const back = convertPolicy(readPolicy('json', json.output), dialect);
      expect(back.output).toBe(convertPolicy(source, dialect).output);
    }
    expect(readPolicy('json', '{').diagnostics[0]!.ruleId).toBe('json-schema');
    expect(
      readPolicy('json', '{"format":"policylint-policy","version":1,"semantics":"glibc","items":[{"table":"label","prefix":"::/0","value":-1}]}').diagnostics,
    ).toHaveLength(1);
  });

  test('dialect detection from names and content', () => {
    const cases: [string, string, ConvertDialect][] = [
      ['x/gai.conf', '', 'gai'],
      ['a.ip6addrctl.conf', '', 'ip6addrctl'],
      ['p.json', '', 'json'],
      ['-', 'Prefix  Prec Label Use\n', 'show'],
      ['-', 'ip addrlabel add prefix ::/0 label 1\n', 'addrlabel'],
      ['-', 'netsh interface ipv6 add prefixpolicy ::/0 40 1\n', 'netsh'],
      ['-', '# x\nprecedence ::/0 40\n', 'gai'],
      ['-', '::/0 40 1\n', 'ip6addrctl'],
    ];
    for (const [name, text, dialect] of cases) expect(detectDialect(name, text)).toBe(dialect);
  });
});

describe('round trips', () => {
  const headers = (text: string) => text.match(/Converted from/g)?.length ?? 0;
  const via = (text: string, from: ConvertDialect, ...steps: ConvertDialect[]) => {
    let read = readPolicy(from, text);
    const outputs: string[] = [];
    for (const to of steps) {
      const result = convertPolicy(read, to);
      expect(result.check.equivalent).toBe(true);
      outputs.push(result.output);
      read = readPolicy(to, result.output);
    }
    return outputs;
  };

  test('A -> B -> A writes one "Converted from" header (the last step\'s), never a stack', () => {
    for (const out of via('# mine\nprecedence ::ffff:0:0/96 100\n', 'gai', 'ip6addrctl', 'gai', 'ip6addrctl', 'gai')) expect(headers(out)).toBe(1);
    const [, back] = via('::1/128 50 0\n::/0 40 1\n', 'ip6addrctl', 'netsh', 'ip6addrctl');
    expect(back).toMatch(/^# Converted from netsh by policylint for FreeBSD\.\n\n::1\/128/);
    const [, , last] = via('::/0 40 1\n', 'ip6addrctl', 'gai', 'addrlabel', 'gai');
    expect(headers(last!)).toBe(1);
    // The file's own comments stay.
    expect(via('# mine\nprecedence ::ffff:0:0/96 100\n', 'gai', 'ip6addrctl', 'gai')[1]).toMatch(/^# mine$/m);
  });

  test('gai -> ip6addrctl -> gai with a scopev4 table: the first step is refused, forced it is flagged where it differs', () => {
    const source = readPolicy('gai', 'scopev4 ::ffff:10.0.0.0/104 5\nscopev4 0.0.0.0/0 14\n');
    const freebsd = convertPolicy(source, 'ip6addrctl');
    expect(onlyInexpressible(freebsd)).toBe(true);
    expect(freebsd.lost).toEqual([
      expect.stringMatching(/::ffff:10\.0\.0\.0\/104 would have scope 5 on glibc, 14 on FreeBSD$/),
      expect.anything(),
      expect.anything(),
    ]);
    const back = readPolicy('gai', convertPolicy(readPolicy('ip6addrctl', freebsd.output), 'gai').output);
    const roundTrip = comparePolicies(modelOf(source.policy, 'glibc'), modelOf(back.policy, 'glibc'));
    expect(roundTrip.equivalent).toBe(false);
    expect(roundTrip.scopeRegions).toEqual(freebsd.check.scopeRegions);
  });

  test('gai -> json -> gai keeps scopev4 (exact)', () => {
    const text = 'scopev4 ::ffff:10.0.0.0/104 5 # site\nscopev4 0.0.0.0/0 14\n';
    const json = convertPolicy(readPolicy('gai', text), 'json');
    expect(json.check.equivalent).toBe(true);
    expect(json.output).toMatch(/"table": "scopev4"/);
    const back = convertPolicy(readPolicy('json', json.output), 'gai');
    expect(back.check.equivalent).toBe(true);
    expect(back.output).toBe(convertPolicy(readPolicy('gai', text), 'gai').output);
    expect(comparePolicies(modelOf(readPolicy('gai', text).policy, 'glibc'), modelOf(readPolicy('gai', back.output).policy, 'glibc')).equivalent).toBe(true);
  });
});

describe('every fixture converts exactly to every dialect', () => {
  const files = ['freebsd', 'glibc', 'convert'].flatMap((d) =>
    readdirSync(join(FIXTURES, d))
      .filter((f) => f.endsWith('.conf'))
      .map((f) => join(FIXTURES, d, f)),
  );
  test.each(files)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    const source = readPolicy(detectDialect(file, text)!, text);
    for (const to of ['gai', 'ip6addrctl', 'json', 'netsh', 'show'] as const) {
      const result = convertPolicy(source, to);
      expect(result.check.regions).toEqual([]);
      // IPv4 scopes: the same, or a gai.conf scopev4 table the target cannot express (said).
      expect(result.check.scopeRegions.length === 0 || onlyInexpressible(result)).toBe(true);
    }
  });
});

describe('policylint convert (CLI module)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-convert-'));
  const gai = join(dir, 'gai.conf');
  writeFileSync(gai, 'precedence ::ffff:0:0/96 100\n');

  test('stdout by default', async () => {
    const { io: cio, out } = io(dir);
    expect(await convertCommand.run({ file: 'gai.conf', to: 'ip6addrctl' }, cio)).toBe(0);
    expect(out.stdout).toMatch(/^::ffff:0:0\/96\s+100\s+4$/m);
  });

  test('-o writes atomically and keeps the mode; refuses the input without --in-place', async () => {
    const target = join(dir, 'out.conf');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    const { io: cio } = io(dir);
    expect(await convertCommand.run({ file: 'gai.conf', to: 'ip6addrctl', output: 'out.conf' }, cio)).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/::ffff:0:0\/96/);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    await expect(convertCommand.run({ file: 'gai.conf', to: 'gai', output: 'gai.conf' }, cio)).rejects.toThrow(/gai\.conf is the input file; add --in-place/);
    expect(await convertCommand.run({ file: 'gai.conf', to: 'gai', inPlace: true }, cio)).toBe(0);
    expect(readFileSync(gai, 'utf8')).toMatch(/^label\s+::1\/128\s+0$/m);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('-o through a symlink replaces its target and keeps the link', async () => {
    const real = join(dir, 'real.conf');
    writeFileSync(real, '');
    symlinkSync('real.conf', join(dir, 'link.conf'));
    const { io: cio } = io(dir);
    expect(await convertCommand.run({ file: 'gai.conf', to: 'ip6addrctl', output: 'link.conf' }, cio)).toBe(0);
    expect(lstatSync(join(dir, 'link.conf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/::\/0/);
  });

  test('a file with errors is not converted without --force', async () => {
    writeFileSync(join(dir, 'bad.ip6addrctl.conf'), '::1/128 50 0\n10.0.0.0/8 40 1\n');
    const { io: cio, out } = io(dir);
    expect(await convertCommand.run({ file: 'bad.ip6addrctl.conf', to: 'gai' }, cio)).toBe(1);
    expect(out.stderr).toMatch(/bad\.ip6addrctl\.conf:2:1: error: .*IPv4/);
    expect(out.stderr).toMatch(/not converted/);
    expect(out.stdout).toBe('');
    const forced = io(dir);
    expect(await convertCommand.run({ file: 'bad.ip6addrctl.conf', to: 'ip6addrctl', force: true }, forced.io)).toBe(0);
    expect(forced.out.stderr).toMatch(/installs nothing; the result is an empty table/);
    expect(rowsOf(forced.out.stdout)).toEqual([]);
  });

  test('--force on gai.conf converts the valid lines (what glibc uses)', async () => {
    writeFileSync(join(dir, 'bad-gai.conf'), 'precedence ::1/128 60\nprecedence 10.0.0.0/8 5\n');
    const { io: cio, out } = io(dir);
    expect(await convertCommand.run({ file: 'bad-gai.conf', to: 'ip6addrctl', force: true }, cio)).toBe(0);
    expect(out.stderr).toMatch(/glibc ignores the lines with errors; only the valid lines are converted/);
    expect(out.stdout).toMatch(/^::1\/128\s+60\s+0$/m);
  });

  test('a scopev4 table the target cannot express: refused (exit 1) with one line per range; --force writes it', async () => {
    writeFileSync(join(dir, 'scope-gai.conf'), 'precedence ::ffff:0:0/96 100\nscopev4 ::ffff:169.254.0.0/112 14\n');
    const { io: cio, out } = io(dir);
    expect(await convertCommand.run({ file: 'scope-gai.conf', to: 'ip6addrctl' }, cio)).toBe(1);
    expect(out.stdout).toBe('');
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^policylint: scope-gai\.conf: ip6addrctl\.conf cannot express scopev4: .*; ::ffff:127\.0\.0\.0\/104 would have scope 14 on glibc, 2 on FreeBSD$/,
      ),
      expect.stringMatching(
        /^policylint: scope-gai\.conf: ip6addrctl\.conf cannot express scopev4: .*; ::ffff:169\.254\.0\.0\/112 would have scope 14 on glibc, 2 on FreeBSD$/,
      ),
      expect.stringMatching(/^policylint: scope-gai\.conf: not converted: ip6addrctl\.conf has no scopev4, .*--force to convert without them\.$/),
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(300 + 'policylint: scope-gai.conf: '.length);
    const forced = io(dir);
    expect(await convertCommand.run({ file: 'scope-gai.conf', to: 'ip6addrctl', force: true }, forced.io)).toBe(0);
    expect(forced.out.stderr).toMatch(/^policylint: warning: scope-gai\.conf: ip6addrctl\.conf cannot express scopev4: /m);
    expect(forced.out.stdout).toMatch(/^# policylint: scopev4 ::ffff:169\.254\.0\.0\/112 14 is not carried over/m);
    expect(forced.out.stdout).toMatch(/^::ffff:0:0\/96\s+100\s+4$/m);
  });

  test("scopev4 lines that restate glibc's defaults convert without a word on stderr", async () => {
    writeFileSync(join(dir, 'scope-default-gai.conf'), 'scopev4 ::ffff:169.254.0.0/112 2\nscopev4 ::ffff:127.0.0.0/104 2\nscopev4 ::ffff:0.0.0.0/96 14\n');
    const { io: cio, out } = io(dir);
    expect(await convertCommand.run({ file: 'scope-default-gai.conf', to: 'ip6addrctl' }, cio)).toBe(0);
    expect(out.stderr).toBe('');
  });

  test('missing file and bad --to are one-line usage errors naming the file', async () => {
    const { io: cio } = io(dir);
    await expect(convertCommand.run({ file: 'nope.conf', to: 'gai' }, cio)).rejects.toThrow(/^policylint: nope\.conf: no such file$/);
    await expect(convertCommand.run({ file: 'gai.conf', to: 'yaml' }, cio)).rejects.toThrow(/--to must be one of/);
    await expect(convertCommand.run({ file: dir, to: 'gai' }, cio)).rejects.toThrow(/is a directory/);
  });

  test('stdin', async () => {
    const { io: cio, out } = io(dir, '::/0 40 1\n');
    expect(await convertCommand.run({ file: '-', to: 'gai', from: 'ip6addrctl' }, cio)).toBe(0);
    expect(out.stdout).toMatch(/^label\s+::\/0\s+1$/m);
  });
});

describe('planTranslation and writeTranslation (the CLI lets the source go in between)', () => {
  test('give what translatePolicy gives, and say once where the source’s model died', () => {
    for (const [dialect, text, to] of [
      ['ip6addrctl', '::1/128 50 0\n::/0 40 1 # all\n', 'gai'],
      ['ip6addrctl', '::1/128 50 0\n', 'ip6addrctl'],
      ['gai', 'label ::1/128 0\n', 'ip6addrctl'],
    ] as const) {
      const source = readPolicy(dialect, text);
      let dropped = 0;
      const plan = planTranslation(source, to, { dropped: () => dropped++ });
      const { output, warnings } = writeTranslation(plan);
      const whole = translatePolicy(source, to);
      expect(output).toBe(whole.output);
      expect(warnings).toEqual(whole.warnings);
      // gai.conf sources keep their model to the end: nothing dies early.
      expect(dropped).toBe(dialect === 'gai' ? 0 : 1);
    }
  });
});
