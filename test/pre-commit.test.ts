// The .pre-commit-hooks.yaml hook, run by the REAL pre-commit (Debian's package `pre-commit`)
// on a scratch git repository: a bad ip6addrctl.conf fails the commit with the rule id shown,
// one whose only findings are warnings passes AND shows them, a good one passes.
//
// pre-commit clones the hook repository at `rev`, so this test uses only COMMITTED code:
// by default this project's own root at its current HEAD. Uncommitted changes to the hook
// file, package.json or src/ are NOT seen. To try uncommitted work, commit it in a throwaway
// clone and point POLICYLINT_HOOK_REPO at that clone (its HEAD is used).
//
// pre-commit's `language: node` hook install runs, in the clone: `npm install --dev --prod`
// (dev dependencies included; this runs our `prepare` script = the esbuild build), `npm pack`
// and `npm install -g` of the tarball into its own environment. That needs the npm registry,
// and takes a minute or more the first time; PRE_COMMIT_HOME is a fresh temp dir per run.
//
// Without `pre-commit` (or git) the tests are skipped with one line saying so, except under
// CI=true, where they fail (test/support/system-tool.ts). POLICYLINT_SKIP_PRE_COMMIT=1 skips
// them on purpose, e.g. offline.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { systemTool } from './support/system-tool.js';

const HERE = import.meta.dirname ?? dirname(new URL(import.meta.url).pathname);
const PROJECT_ROOT = resolve(HERE, '..');
const HOOK_REPO = resolve(process.env.POLICYLINT_HOOK_REPO || PROJECT_ROOT);
const TIMEOUT_MS = 15 * 60 * 1000;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
}

function must(result: SpawnSyncReturns<string>, what: string): string {
  if (result.error || result.status !== 0) {
    throw new Error(`${what} failed (status ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const preCommitVersion = run('pre-commit', ['--version'], PROJECT_ROOT);
const haveGit = run('git', ['--version'], PROJECT_ROOT).status === 0;
const preCommit = systemTool({
  tool: 'pre-commit',
  missing:
    (preCommitVersion.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
      ? '`pre-commit` is not in PATH'
      : preCommitVersion.error || preCommitVersion.status !== 0
        ? `\`pre-commit --version\` failed: ${(preCommitVersion.error?.message ?? preCommitVersion.stderr).trim()}`
        : haveGit
          ? null
          : 'git is not installed',
  skips: 'the real pre-commit hook runs (test/pre-commit.test.ts)',
  get: 'apt-get install pre-commit git (or pipx install pre-commit)',
  skipEnv: 'POLICYLINT_SKIP_PRE_COMMIT',
});

const BAD_TABLE = [
  '# fc00::/7 precedence raised, and a row without /LEN',
  '::1/128          50  0',
  '::/0             40  1',
  '::ffff:0:0/96    35  4',
  'fc00::/7         37 13',
  '2001:db8::       45 14',
  '',
].join('\n');

preCommit.describe('pre-commit hook (real pre-commit)', () => {
  let work: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  let rev: string;

  beforeAll(() => {
    rev = must(run('git', ['rev-parse', 'HEAD'], HOOK_REPO), `git rev-parse HEAD in ${HOOK_REPO}`).trim();
    work = mkdtempSync(join(tmpdir(), 'policylint-pre-commit-'));
    repo = join(work, 'repo');
    mkdirSync(repo);
    env = {
      ...process.env,
      PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
      // A clean git identity and no user/system git config for the scratch repo.
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: join(work, 'gitconfig'),
      GIT_AUTHOR_NAME: 'policylint test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'policylint test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      NO_COLOR: '1',
    };
    // The hook repository may belong to another user (CI checkouts): let git read it.
    writeFileSync(join(work, 'gitconfig'), '[safe]\n\tdirectory = *\n[init]\n\tdefaultBranch = main\n');
    delete env.GIT_DIR;
    delete env.GIT_WORK_TREE;
    delete env.GIT_INDEX_FILE;
    delete env.NODE_OPTIONS; // jest's --experimental-vm-modules must not leak into the hook
    must(run('git', ['init', '-q'], repo, env), 'git init');
    writeFileSync(
      join(repo, '.pre-commit-config.yaml'),
      ['repos:', `  - repo: ${JSON.stringify(HOOK_REPO)}`, `    rev: ${rev}`, '    hooks:', '      - id: policylint', ''].join('\n'),
    );
    must(run('git', ['add', '.pre-commit-config.yaml'], repo, env), 'git add config');
    must(run('git', ['commit', '-q', '--no-verify', '-m', 'config'], repo, env), 'git commit config');
    must(run('pre-commit', ['install'], repo, env), 'pre-commit install');
    // Build the hook environment once (clone at rev, npm install, npm pack, npm install -g).
    const started = Date.now();
    must(run('pre-commit', ['install-hooks'], repo, env), 'pre-commit install-hooks');
    console.log(
      `pre-commit install-hooks: ${((Date.now() - started) / 1000).toFixed(1)} s (${preCommitVersion.stdout.trim()}, hook repo ${HOOK_REPO} @ ${rev.slice(0, 12)})`,
    );
  }, TIMEOUT_MS);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test(
    'a bad ip6addrctl.conf fails the commit, naming the rule',
    () => {
      mkdirSync(join(repo, 'etc'), { recursive: true });
      writeFileSync(join(repo, 'etc', 'ip6addrctl.conf'), BAD_TABLE);
      must(run('git', ['add', 'etc/ip6addrctl.conf'], repo, env), 'git add bad file');
      const commit = run('git', ['commit', '-m', 'bad table'], repo, env);
      const output = `${commit.stdout}\n${commit.stderr}`;
      expect(commit.error).toBeUndefined();
      expect({ status: commit.status, output }).toEqual({ status: 1, output: expect.stringContaining('missing-prefix-length') });
      expect(output).toMatch(/policylint.*Failed/);
      expect(output).toContain('etc/ip6addrctl.conf:6:1');
      // The commit did not happen.
      expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe('1');
      must(run('git', ['rm', '-q', '--cached', 'etc/ip6addrctl.conf'], repo, env), 'git rm bad file');
      rmSync(join(repo, 'etc', 'ip6addrctl.conf'));
    },
    TIMEOUT_MS,
  );

  test(
    'an ip6addrctl.conf with only warnings passes the commit, and the warning is shown',
    () => {
      // The classic `fc00::/7 37 13` table: ula-gua-label-mismatch is a warning, not an error.
      // pre-commit hides a passing hook's output unless the hook says `verbose: true`.
      mkdirSync(join(repo, 'etc'), { recursive: true });
      copyFileSync(join(PROJECT_ROOT, 'fixtures', 'freebsd', 'ula-precedence-only.ip6addrctl.conf'), join(repo, 'etc', 'ip6addrctl.conf'));
      must(run('git', ['add', 'etc/ip6addrctl.conf'], repo, env), 'git add warning file');
      const commit = run('git', ['commit', '-m', 'warning table'], repo, env);
      const output = `${commit.stdout}\n${commit.stderr}`;
      expect({ status: commit.status, output }).toEqual({ status: 0, output: expect.stringMatching(/policylint.*Passed/) });
      expect(output).toMatch(/etc\/ip6addrctl\.conf:9:1 +warning .*ula-gua-label-mismatch/);
      expect(output).toContain('1 problem (0 errors, 1 warning, 0 info)');
      expect(output).not.toMatch(/\berror\b.*missing-prefix-length/);
      expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe('2');
    },
    TIMEOUT_MS,
  );

  // Names are data: pre-commit appends the staged names after the entry `policylint --`, so a
  // name that looks like an option is a file. Before the `--`, `--config=evil-gai.conf` was
  // taken as --config (a failing table passed) and `--stdin-filename=…` dropped a file.
  test.each([['--config=evil-gai.conf'], ['--stdin-filename=x.gai.conf']])(
    'a bad table staged as %s is linted as a file and fails the commit',
    (name) => {
      const count = run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim();
      writeFileSync(join(repo, name), BAD_TABLE.replace(/^#.*\n/, '').replace(/^(\S+)\s+(\d+)\s+(\d+)$/gm, 'precedence $1 $2'));
      // Untracked, so pre-commit does not pass it: what --config=evil-gai.conf used to load.
      writeFileSync(join(repo, 'evil-gai.conf'), '{"rules": {"missing-prefix-length": "off", "partial-table": "off"}}\n');
      must(run('git', ['add', '--', name], repo, env), `git add ${name}`);
      const commit = run('git', ['commit', '-m', `staged ${name}`], repo, env);
      const output = `${commit.stdout}\n${commit.stderr}`;
      expect({ status: commit.status, output }).toEqual({ status: 1, output: expect.stringMatching(/policylint.*Failed/) });
      expect(output).toContain(`${name}:5:12`); // the row without /LEN, reported in the file itself
      expect(output).toContain('missing-prefix-length');
      expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe(count);
      must(run('git', ['rm', '-q', '--cached', '--', name], repo, env), `git rm ${name}`);
      rmSync(join(repo, name));
      rmSync(join(repo, 'evil-gai.conf'));
    },
    TIMEOUT_MS,
  );

  test(
    "the hook's args come after -- too: an option there fails the hook (exit 2) instead of bypassing it",
    () => {
      const config = join(repo, '.pre-commit-config.yaml');
      const before = readFileSync(config, 'utf8');
      writeFileSync(config, `${before.trimEnd()}\n        args: [--max-warnings=0]\n`);
      mkdirSync(join(repo, 'etc'), { recursive: true });
      copyFileSync(join(PROJECT_ROOT, 'fixtures', 'freebsd', 'ipv6-prefer.ip6addrctl.conf'), join(repo, 'etc', 'ip6addrctl.conf'));
      must(run('git', ['add', '.pre-commit-config.yaml', 'etc/ip6addrctl.conf'], repo, env), 'git add args config');
      const commit = run('git', ['commit', '-m', 'args'], repo, env);
      const output = `${commit.stdout}\n${commit.stderr}`;
      expect({ status: commit.status, output }).toEqual({ status: 1, output: expect.stringMatching(/policylint.*Failed/) });
      expect(output).toContain('--max-warnings=0: no such file; every word after -- is a file name, not an option');
      expect(output).toMatch(/exit code: 2/);
      writeFileSync(config, before);
      must(run('git', ['reset', '-q'], repo, env), 'git reset');
      must(run('git', ['checkout', '-q', '--', 'etc/ip6addrctl.conf'], repo, env), 'git checkout');
    },
    TIMEOUT_MS,
  );

  test(
    'the policylint-no-warnings hook fails the commit on a table whose only findings are warnings',
    () => {
      const config = join(repo, '.pre-commit-config.yaml');
      const before = readFileSync(config, 'utf8');
      writeFileSync(config, before.replace('- id: policylint\n', '- id: policylint-no-warnings\n'));
      mkdirSync(join(repo, 'etc'), { recursive: true });
      copyFileSync(join(PROJECT_ROOT, 'fixtures', 'freebsd', 'ula-precedence-only.ip6addrctl.conf'), join(repo, 'etc', 'warn.ip6addrctl.conf'));
      must(run('git', ['add', '.pre-commit-config.yaml', 'etc/warn.ip6addrctl.conf'], repo, env), 'git add strict config');
      const commit = run('git', ['commit', '-m', 'strict'], repo, env);
      const output = `${commit.stdout}\n${commit.stderr}`;
      expect({ status: commit.status, output }).toEqual({ status: 1, output: expect.stringMatching(/policylint, warnings fail.*Failed/) });
      expect(output).toContain('1 warning is more than --max-warnings 0');
      writeFileSync(config, before);
      must(run('git', ['reset', '-q'], repo, env), 'git reset');
      rmSync(join(repo, 'etc', 'warn.ip6addrctl.conf'));
    },
    TIMEOUT_MS,
  );

  test(
    'a good ip6addrctl.conf passes, quietly',
    () => {
      mkdirSync(join(repo, 'etc'), { recursive: true });
      copyFileSync(join(PROJECT_ROOT, 'fixtures', 'freebsd', 'ipv6-prefer.ip6addrctl.conf'), join(repo, 'etc', 'ip6addrctl.conf'));
      must(run('git', ['add', 'etc/ip6addrctl.conf'], repo, env), 'git add good file');
      const commit = run('git', ['commit', '-m', 'good table'], repo, env);
      const output = `${commit.stdout}\n${commit.stderr}`;
      expect({ status: commit.status, output }).toEqual({ status: 0, output: expect.stringMatching(/policylint.*Passed/) });
      expect(output).not.toMatch(/warning|problem/);
      expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe('3');
    },
    TIMEOUT_MS,
  );
});
