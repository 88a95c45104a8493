#!/usr/bin/env node
// `npm run build:web`: the browser playground in dist/web/ (or --outdir DIR), from the same
// src/ modules as the CLI. One index.html with its script and style inlined, so it works
// opened from disk (file:// allows no ES modules, workers or fetch) and from any static host;
// the rule docs (docs/rules/*.md) and the docs they link to, rendered to HTML beside it.
// Prints each output's size and the page's gzipped size (issue 16: at most 400 KB).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Marked } from 'marked';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--outdir');
const OUT = resolve(at >= 0 ? args[at + 1] : join(ROOT, 'dist/web'));
const REPO_DOCS = 'https://github.com/policylint/policylint/blob/main/';
/** The page's budget, gzipped (issue 16). */
export const MAX_PAGE_GZIP = 400 * 1024;

/** The examples the page offers, the seed story first. */
const EXAMPLES = [
  ['freebsd/ula-precedence-only.ip6addrctl.conf', 'ULA precedence raised, label kept (the classic mistake)'],
  ['freebsd/ipv6-prefer.ip6addrctl.conf', "FreeBSD rc.d's default table"],
  ['freebsd/rfc6724-site-ula.ip6addrctl.conf', 'RFC 6724 §10.6 site ULA (the fix)'],
  ['glibc/debian-12.gai.conf', "Debian 12's /etc/gai.conf"],
  ['glibc/oneuptime-prefer-ipv4.gai.conf', 'A prefer-IPv4 gai.conf from a blog post'],
  ['broken/keyword-typo.gai.conf', 'A gai.conf with a typo'],
];

const script = await build({
  absWorkingDir: ROOT,
  entryPoints: ['web/app.ts'],
  bundle: true,
  write: false,
  // A classic script, not a module: file:// pages may not load modules.
  format: 'iife',
  platform: 'browser',
  // BigInt (the address arithmetic) needs ES2020.
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const bundled = script.outputFiles[0].text;
const nodeImports = Object.values(script.metafile.inputs)
  .flatMap((i) => i.imports)
  .filter((i) => i.path.startsWith('node:') || (i.external && i.path !== '<runtime>'));
if (nodeImports.length > 0) throw new Error(`build-web: the page bundle imports ${nodeImports.map((i) => i.path).join(', ')}: the core must not use Node APIs`);

// The bundled packages' license texts ship beside the page, as THIRD_PARTY_NOTICES does with the
// CLI: it must name every package the page bundles (npm run notices rewrites it).
const notices = readFileSync(join(ROOT, 'THIRD_PARTY_NOTICES'), 'utf8');
const bundledPackages = new Set(
  Object.keys(script.metafile.inputs)
    .map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1])
    .filter((p) => p !== undefined),
);
const unnoticed = [...bundledPackages].filter((p) => !new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\d`, 'm').test(notices));
if (unnoticed.length > 0) throw new Error(`build-web: THIRD_PARTY_NOTICES does not name ${unnoticed.join(', ')}, which the page bundles; run npm run notices`);

// Inside <script> and <script type=application/json>, `</script` and `<!--` would end or bend the element.
const inScript = (text) => text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const examples = EXAMPLES.map(([path, title]) => ({
  name: path.slice(path.lastIndexOf('/') + 1),
  title,
  text: readFileSync(join(ROOT, 'fixtures', path), 'utf8'),
}));
const page = readFileSync(join(ROOT, 'web/index.html'), 'utf8')
  .replace('/*STYLE*/', () => readFileSync(join(ROOT, 'web/style.css'), 'utf8'))
  .replace(
    '<script id="examples" type="application/json">[]',
    () => `<script id="examples" type="application/json">${JSON.stringify(examples).replace(/</g, '\\u003c')}`,
  )
  .replace('/*SCRIPT*/', () => inScript(bundled));

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'docs/rules'), { recursive: true });
writeFileSync(join(OUT, 'index.html'), page);
writeFileSync(join(OUT, 'THIRD_PARTY_NOTICES.txt'), notices);
writeFileSync(join(OUT, 'LICENSE.txt'), readFileSync(join(ROOT, 'LICENSE')));

// ------------------------------------------------------------------ the docs

/** docs/X.md and docs/rules/X.md, as paths relative to docs/. */
const docs = [
  ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')),
  ...readdirSync(join(ROOT, 'docs/rules'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `rules/${f}`),
];
const rendered = new Set(docs);

/** GitHub's heading anchors, so `impact.md#fix-proof` lands on its heading. */
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

function markedFor(doc) {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth }) {
        const html = this.parser.parseInline(tokens);
        return `<h${depth} id="${slug(html)}">${html}</h${depth}>\n`;
      },
    },
    walkTokens(token) {
      if (token.type !== 'link' || /^[a-z]+:|^#/i.test(token.href)) return;
      // A link to another doc page: to its HTML when it is rendered here, else to the repository.
      const [path, anchor] = token.href.split('#');
      const target = join(dirname(doc), path).replace(/\\/g, '/');
      const hash = anchor ? `#${anchor}` : '';
      if (rendered.has(target)) token.href = `${path.replace(/\.md$/, '.html')}${hash}`;
      else token.href = `${REPO_DOCS}${relative(ROOT, join(ROOT, 'docs', target)).replace(/\\/g, '/')}${hash}`;
    },
  });
  return marked;
}

const docStyle = `body{max-width:52rem;margin:0 auto;padding:1rem;font:15px/1.5 system-ui,sans-serif;color:#1b1f24;background:#fff}
a{color:#0b5cad}code,pre{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:0.9em}
pre{background:#f6f8fa;border:1px solid #d1d9e0;border-radius:6px;padding:0.6rem;overflow:auto}
table{border-collapse:collapse;display:block;overflow-x:auto}th,td{border:1px solid #d1d9e0;padding:0.25rem 0.5rem;text-align:left}
nav{font-size:0.9rem;margin-bottom:1rem}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}a{color:#58a6ff}pre{background:#151b23;border-color:#3d444d}th,td{border-color:#3d444d}}`;

for (const doc of docs) {
  const md = readFileSync(join(ROOT, 'docs', doc), 'utf8');
  const title = /^#\s+(.+)$/m.exec(md)?.[1] ?? doc;
  const up = doc.startsWith('rules/') ? '../../' : '../';
  const body = markedFor(doc).parse(md);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<title>${title.replace(/</g, '&lt;')} · policylint</title><style>${docStyle}</style></head>
<body><nav><a href="${up}index.html">Playground</a> · <a href="${doc.startsWith('rules/') ? '' : 'rules/'}README.html">All rules</a></nav>
${body}</body></html>
`;
  writeFileSync(join(OUT, 'docs', doc.replace(/\.md$/, '.html')), html);
}

const gz = gzipSync(page, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `build-web: ${relative(process.cwd(), join(OUT, 'index.html')) || 'index.html'}: ${kb(page.length)} (${kb(gz)} gzipped, budget ${kb(MAX_PAGE_GZIP)}); ${docs.length} doc pages`,
);
if (gz > MAX_PAGE_GZIP) {
  console.error(`build-web: the page is ${kb(gz)} gzipped, over the ${kb(MAX_PAGE_GZIP)} budget`);
  process.exitCode = 1;
}
