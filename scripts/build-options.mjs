// The esbuild options of the published bundle, shared by scripts/build.mjs (which writes
// dist/) and scripts/notices.mjs (which reads the same build's metafile to learn which
// third-party packages the bundle contains).
export const buildOptions = {
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
  // The bundled packages' license comments are stripped; their full license texts are in
  // THIRD_PARTY_NOTICES (scripts/notices.mjs), which ships in the package.
  legalComments: 'none',
  logLevel: 'warning',
  // chevrotain is ESM; a require() shim for the CommonJS bits (ipaddr.js).
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
