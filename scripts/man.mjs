// Writes man/policylint.1 from the command tables (src/cli/man-page.ts). The tables live in
// TypeScript, so this bundles the generator into a temp file with the build's own options
// and imports it. Run by scripts/build.mjs; `node scripts/man.mjs` alone works too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildOptions } from './build-options.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MAN_PAGE = join(ROOT, 'man', 'policylint.1');

export async function writeManPage() {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-man-'));
  try {
    const outfile = join(dir, 'man-page.mjs');
    await build({
      ...buildOptions,
      entryPoints: [join(ROOT, 'src/cli/man-page.ts')],
      outfile,
      format: 'esm',
      minify: false,
      absWorkingDir: ROOT,
      // chevrotain is ESM; a require() shim for the CommonJS bits (ipaddr.js).
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const { manPage } = await import(pathToFileURL(outfile).href);
    mkdirSync(dirname(MAN_PAGE), { recursive: true });
    writeFileSync(MAN_PAGE, await manPage());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await writeManPage();
