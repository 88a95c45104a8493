// The esbuild options of the published bundle, shared by scripts/build.mjs (which writes
// dist/) and scripts/notices.mjs (which reads the same build's metafile to learn which
// third-party packages the bundle contains).
import { fileURLToPath } from 'node:url';

const LAZY_GAI_GRAMMAR = fileURLToPath(new URL('../src/cli/lazy-gai-grammar.ts', import.meta.url));

/**
 * The gai.conf reader's grammar, loaded on first use (grammar/gaiconf-entry.ts says why):
 * the bundle resolves grammar/gaiconf-entry.js to its lazy twin.
 */
const lazyGaiGrammar = {
  name: 'lazy-gai-grammar',
  setup(build) {
    build.onResolve({ filter: /grammar\/gaiconf-entry\.js$/ }, () => ({ path: LAZY_GAI_GRAMMAR }));
  },
};

export const buildOptions = {
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/policylint.cjs',
  bundle: true,
  // One CommonJS file: no ES module loader at start-up, and one script for V8's code cache
  // (bin/policylint.cjs). Commands other than lint stay lazy: esbuild runs a dynamically
  // imported module's body only when it is imported.
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Smaller code parses and compiles faster at every start; users never see our stack traces.
  minify: true,
  sourcemap: false,
  // The bundled packages' license comments are stripped; their full license texts are in
  // THIRD_PARTY_NOTICES (scripts/notices.mjs), which ships in the package.
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazyGaiGrammar],
};
