// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks
// (explain, convert, yargs' help), so `policylint FILE` starts about as fast as Node.
import { build } from 'esbuild';

await build({
  entryPoints: { policylint: 'src/cli/run.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // yargs and chevrotain are ESM; a require() shim for the CommonJS bits (ipaddr.js).
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
