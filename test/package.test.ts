// The package a distribution would ship: what `npm pack` puts in the tarball, its size, its
// licenses, and that the packed tarball installs into an empty prefix with no dependencies
// and runs. Uses the current dist/ (npm test builds it first); --ignore-scripts so packing
// does not rebuild dist/ under the other test files' feet.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCommand } from './support/cli-command.js';
import { ROOT } from './support/generators.js';

const MAX_INSTALLED = 2 * 1024 * 1024;
const MAX_TARBALL = 512 * 1024;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const env = { ...process.env, NODE_OPTIONS: '', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function npm(args: string[], cwd = ROOT) {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

let pack: PackResult;
let paths: string[];

beforeAll(() => {
  // A stale or missing bundle would make every assertion below about the wrong code.
  if (cliCommand()[0] !== join(ROOT, 'bin', 'policylint.cjs')) throw new Error('dist/ is missing or older than src/: run `npm run build` first');
  pack = (JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'])) as PackResult[])[0]!;
  paths = pack.files.map((f) => f.path).sort();
});

test('the tarball holds the program, its docs and licenses, and nothing for developers', () => {
  for (const p of [
    'package.json',
    'README.md',
    'LICENSE',
    'THIRD_PARTY_NOTICES',
    'CHANGELOG.md',
    'bin/policylint.cjs',
    'bin/policylint.js',
    'dist/policylint.cjs',
    'docs/exit-codes.md',
    'schema/policylint.schema.json',
    'man/policylint.1',
  ]) {
    expect(paths).toContain(p);
  }
  const unwanted = paths.filter(
    (p) => /^(test|fixtures|src|scripts|bench|grammar|node_modules|coverage|\.ci)\//.test(p) || /\.(map|ts|tsx|cpuprofile|tgz)$/.test(p) || /(^|\/)\./.test(p),
  );
  expect(unwanted).toEqual([]);
  // dist/ is the one bundle; no code cache ships (it is made for the Node that runs it).
  expect(paths.filter((p) => p.startsWith('dist/'))).toEqual(['dist/policylint.cjs']);
  expect(paths.filter((p) => p.includes('v8-cache'))).toEqual([]);
});

test(`the tarball is at most ${MAX_TARBALL / 1024} KiB and unpacks to at most 2 MiB`, () => {
  expect(pack.size).toBeLessThanOrEqual(MAX_TARBALL);
  expect(pack.unpackedSize).toBeLessThanOrEqual(MAX_INSTALLED);
});

test('no runtime dependencies: the bundle imports only Node built-ins and its own chunks', () => {
  expect(manifest.dependencies ?? {}).toEqual({});
  expect(manifest.optionalDependencies ?? {}).toEqual({});
  expect(manifest.peerDependencies ?? {}).toEqual({});
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const bare: string[] = [];
  // dist/web (npm run build:web, the playground) is a folder, left out of the package.
  for (const f of readdirSync(join(ROOT, 'dist')).filter((name) => statSync(join(ROOT, 'dist', name)).isFile())) {
    const code = readFileSync(join(ROOT, 'dist', f), 'utf8');
    // Static imports/re-exports, dynamic import(), and require() through the createRequire shim.
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*|\brequire\s*\(\s*)(["'])(\.{0,2}\/?[@\w][\w@./:-]*)\1/g)].map((m) => m[2]!);
    expect(specifiers.length).toBeGreaterThan(0);
    for (const s of specifiers) if (!s.startsWith('./') && !builtins.has(s)) bare.push(`${f}: ${s}`);
  }
  expect(bare).toEqual([]);
});

test('package.json installs the man page', () => {
  expect(manifest.man).toEqual(['./man/policylint.1']);
  expect(manifest.bin).toEqual({ policylint: 'bin/policylint.cjs' });
  expect(manifest.files).toContain('man');
});

test('package.json says where the project lives and under which license', () => {
  expect(manifest.license).toBe('BSD-2-Clause');
  expect(manifest.repository).toEqual({ type: 'git', url: 'git+https://github.com/policylint/policylint.git' });
  expect(manifest.homepage).toMatch(/^https:\/\/github\.com\/policylint\/policylint\b/);
  expect(manifest.bugs).toEqual({ url: 'https://github.com/policylint/policylint/issues' });
  const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  expect(license).toMatch(/^BSD 2-Clause License\n\nCopyright \(c\) 2026 the policylint authors\n/);
  expect(license).toContain('Redistributions in binary form must reproduce the above copyright notice');
});

test('THIRD_PARTY_NOTICES is current for what the bundle contains, with each license text', () => {
  const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'notices.mjs'), '--check'], { cwd: ROOT, env, encoding: 'utf8' });
  expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  const notices = readFileSync(join(ROOT, 'THIRD_PARTY_NOTICES'), 'utf8');
  for (const name of ['chevrotain', 'ipaddr.js', 'lodash-es']) {
    expect(notices).toMatch(new RegExp(`^${name.replace('.', '\\.')} \\d+\\.\\d+\\.\\d+\\nLicense: `, 'm'));
  }
  expect(notices).toContain('Apache License\n                           Version 2.0'); // chevrotain's own LICENSE.txt
  expect(notices).toContain('Copyright (C) 2011-2017 whitequark <whitequark@whitequark.org>'); // ipaddr.js
});

test('the packed tarball installs globally into an empty prefix, with nothing else, and runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-pack-'));
  try {
    const out = (JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir])) as PackResult[])[0]!;
    const prefix = join(dir, 'prefix');
    // --offline: with no dependencies the install needs no registry.
    npm(['install', '-g', '--offline', '--prefix', prefix, join(dir, out.filename)], dir);
    const installed = join(prefix, 'lib', 'node_modules', 'policylint');
    expect(readdirSync(join(prefix, 'lib', 'node_modules'))).toEqual(['policylint']);
    expect(readdirSync(installed)).not.toContain('node_modules');
    const size = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + size(join(p, f)), 0) : statSync(p).size);
    expect(size(installed)).toBeLessThanOrEqual(MAX_INSTALLED);
    const bin = join(prefix, 'bin', 'policylint');
    const run = (args: string[]) => spawnSync(bin, args, { cwd: dir, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 30_000 });
    expect(run(['--version'])).toMatchObject({ status: 0, stdout: `${manifest.version}\n` });
    const lint = run([join(ROOT, 'fixtures', 'freebsd', 'ula-precedence-only.ip6addrctl.conf')]);
    expect(lint).toMatchObject({ status: 0, stderr: '' });
    expect(lint.stdout).toContain('ula-gua-label-mismatch');
    // The lazily loaded chunks (explain, convert, diff, rules, help) resolve from the installed package too.
    expect(run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('policylint') });
    expect(run(['rules'])).toMatchObject({ status: 0, stdout: expect.stringContaining('ula-gua-label-mismatch') });
    expect(run(['defaults', '--platform', 'freebsd'])).toMatchObject({ status: 0, stdout: expect.stringContaining('::1/128') });
    expect(run(['explain', '--source', 'fd00::10/64', '2001:db8::1'])).toMatchObject({ status: 0, stdout: expect.stringContaining('2001:db8::1') });
    const gai = join(ROOT, 'fixtures', 'glibc');
    const someGai = join(gai, readdirSync(gai).find((f) => f.endsWith('gai.conf'))!);
    expect(run(['convert', someGai, '--to', 'ip6addrctl'])).toMatchObject({ stderr: '' });
    expect(run(['diff', someGai, someGai])).toMatchObject({ status: 0 });
    expect(run(['help', 'convert'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: policylint convert FILE --to DIALECT') });
    expect(run(['completion', 'bash'])).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('complete -o default -o bashdefault -F _policylint policylint'),
    });
    // npm links the `man` field's page into PREFIX/share/man; man finds it there.
    expect(readdirSync(join(prefix, 'share', 'man', 'man1'))).toContain('policylint.1');
    const man = spawnSync('man', ['-M', join(prefix, 'share', 'man'), 'policylint'], {
      env: { ...env, MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '80' },
      encoding: 'utf8',
    });
    if (man.error) console.log('SKIPPED: man is not installed, so `man policylint` was not run (apt-get install man-db)');
    else expect(man).toMatchObject({ status: 0, stdout: expect.stringMatching(/policylint\s+-\s+lint,\s+convert\s+and\s+explain/) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
