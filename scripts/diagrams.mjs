// Railroad diagrams of both Chevrotain grammars, as self-contained HTML pages:
//   docs/grammar/ip6addrctl.html  (grammar/ip6addrctl.ts, Ip6addrctlParser)
//   docs/grammar/gaiconf.html     (grammar/gaiconf.ts, GaiConfParser)
// Usage: npm run diagrams            (same as: node scripts/diagrams.mjs)
//        node scripts/diagrams.mjs --out DIR   (write elsewhere; test/grammar.test.ts uses it)
// The grammars are TypeScript: this script registers tsx itself when Node was not started
// with `--import tsx`, so both ways of running it work.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function outDirFromArgs(argv) {
  const i = argv.indexOf('--out');
  if (i < 0) return join(root, 'docs', 'grammar');
  const dir = argv[i + 1];
  if (!dir) throw new Error('--out needs a directory');
  return resolve(dir);
}

async function loadTs(path) {
  const url = pathToFileURL(join(root, path)).href;
  try {
    return await import(url);
  } catch (error) {
    if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { register } = await import('tsx/esm/api');
    register();
    // The failed import is cached under its URL: load it again under another one.
    return import(`${url}?tsx`);
  }
}

const { createSyntaxDiagramsCode } = await import('chevrotain');
const { Ip6addrctlParser } = await loadTs('grammar/ip6addrctl.ts');
const { GaiConfParser } = await loadTs('grammar/gaiconf.ts');

const outDir = outDirFromArgs(process.argv.slice(2));
mkdirSync(outDir, { recursive: true });
const pages = [
  ['ip6addrctl.html', new Ip6addrctlParser({ validate: true })],
  ['gaiconf.html', new GaiConfParser({ validate: true })],
];
for (const [name, parser] of pages) {
  const html = createSyntaxDiagramsCode(parser.getSerializedGastProductions());
  writeFileSync(join(outDir, name), html.endsWith('\n') ? html : `${html}\n`);
  console.log(`wrote ${join(outDir, name)}`);
}
