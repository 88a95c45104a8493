// Bundles the CLI into dist/policylint.cjs with esbuild (run by bin/policylint.cjs, with
// V8's code cache), so `policylint FILE` starts about as fast as Node.
// The bundle is self-contained (only node: built-ins are imported), so the package has no
// runtime dependencies; chevrotain and ipaddr.js are devDependencies.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { buildOptions } from './build-options.mjs';

// Stale chunks from an earlier build must not ship, and a code cache for the old bundle is useless.
rmSync('dist', { recursive: true, force: true });
rmSync('.v8-cache', { recursive: true, force: true });

await build(buildOptions);

// man/policylint.1, from the same command tables (package.json `man` installs it).
const { writeManPage } = await import('./man.mjs');
await writeManPage();

// The code cache for this Node (bin/policylint.cjs writes it after a run that found none):
// one lint of a typical file of each dialect (an ip6addrctl.conf with a finding, a gai.conf
// one-liner), so the cache holds the functions both lint paths compile (issue 10: with only
// the ip6addrctl file, every gai.conf compiled its reader and grammar at start).
const { spawnSync } = await import('node:child_process');
spawnSync(process.execPath, ['bin/policylint.cjs', 'fixtures/freebsd/ula-precedence-only.ip6addrctl.conf', 'fixtures/glibc/prefer-ipv4.gai.conf'], {
  stdio: 'ignore',
  env: { ...process.env, POLICYLINT_CODE_CACHE: '1' },
});
