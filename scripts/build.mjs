// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks
// (explain, convert, yargs' help), so `policylint FILE` starts about as fast as Node.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Stale chunks from an earlier build must not ship.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { policylint: 'src/cli/run.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Smaller code parses and compiles faster at every start; users never see our stack traces.
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // yargs and chevrotain are ESM; a require() shim for the CommonJS bits (ipaddr.js).
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
