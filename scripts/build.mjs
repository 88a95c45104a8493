// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks
// (explain, convert, completion, ...), so `policylint FILE` starts about as fast as Node.
// The bundle is self-contained (only node: built-ins are imported), so the package has no
// runtime dependencies; chevrotain and ipaddr.js are devDependencies.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { buildOptions } from './build-options.mjs';

// Stale chunks from an earlier build must not ship.
rmSync('dist', { recursive: true, force: true });

await build(buildOptions);

// man/policylint.1, from the same command tables (package.json `man` installs it).
const { writeManPage } = await import('./man.mjs');
await writeManPage();
