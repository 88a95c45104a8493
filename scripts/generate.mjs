// Rebuilds every generated file from the code it describes:
//   schema/policylint.schema.json   the config schema (rule ids from the catalog, platforms)
//   docs/rules/README.md            the catalog table (between the table markers)
//   docs/grammar/*.html             railroad diagrams of both grammars (scripts/diagrams.mjs)
//   docs/rules/<id>.md              each page's summary and metadata lines (from the rule's meta)
//                                   and its `## Example` output: the ```console block after each
//                                   example input is what policylint prints (see rulePage)
// Usage: npm run generate            (writes into the repository)
//        node scripts/generate.mjs --out DIR   (writes the same tree under DIR; test/generated.test.ts
//                                               compares it with the committed files)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const outRoot = outAt < 0 ? root : resolve(argv[outAt + 1] ?? '');

// The sources import each other by `.js` names, which only tsx maps to the `.ts` files, so
// register tsx before the first import (a failed native import would stay cached).
const { register } = await import('tsx/esm/api');
register();
const loadTs = (path) => import(pathToFileURL(join(root, path)).href);

const { RULES } = await loadTs('src/rules/catalog.ts');
const { RULE_ALIASES } = await loadTs('src/model/rule-aliases.ts');
const { PLATFORMS } = await loadTs('src/model/builtin-tables.ts');
// The CLI itself, from the TypeScript sources (through tsx): no `npm run build` needed first,
// and the output can never come from a stale bundle.
const { main } = await loadTs('src/cli/main.ts');

function write(relPath, text) {
  const path = join(outRoot, relPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}

function configSchema() {
  // Ours, and ESLint's spellings ("warn", 2/1/0), as src/model/config.ts accepts them.
  const severity = { enum: ['error', 'warning', 'warn', 'info', 'off', 2, 1, 0] };
  // As src/model/config.ts checks them: hex and colons (no IPv4 tail), a length without leading zeros.
  const prefix = { type: 'array', items: { type: 'string', pattern: '^[0-9A-Fa-f:]+/(0|[1-9][0-9]{0,2})$' } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/policylint/policylint/blob/main/schema/policylint.schema.json',
    title: 'policylint configuration (.policylint.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Rule severities; "off" disables a rule.',
        additionalProperties: false,
        properties: Object.fromEntries([
          ...RULES.map((r) => [r.meta.id, { ...severity, description: r.meta.description }]),
          ...Object.entries(RULE_ALIASES).map(([old, id]) => [old, { ...severity, deprecated: true, description: `Renamed: the old id of ${id}.` }]),
        ]),
      },
      sitePrefixes: {
        type: 'object',
        description: 'The ULA and global prefixes of your sites that talk to each other (for ula-gua-label-mismatch and ula-below-ipv4).',
        additionalProperties: false,
        properties: { ula: prefix, gua: prefix },
      },
      platform: { enum: [...PLATFORMS] },
      glibcVersion: {
        type: 'string',
        pattern: '^2\\.([5-9]|[1-3][0-9]|4[0-4])$',
        description: 'glibc whose version-dependent parsing applies, 2.5 to 2.44 (default 2.41).',
      },
      baseline: {
        enum: [...PLATFORMS],
        description: "The built-in table impact is judged against (default: the file's own system's: glibc's defaults, FreeBSD's ipv6_prefer).",
      },
      interfaces: {
        type: 'array',
        items: { type: 'string', pattern: '^[!-~]{1,15}$' },
        description: 'The FreeBSD target host\'s interfaces in index order from 1 (decides %name zones), e.g. ["lo0", "em0"].',
      },
    },
  };
}

/** docs/rules/README.md with its table rebuilt from the catalog; the prose around it is kept. */
function rulesReadme() {
  const current = readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8');
  const lines = current.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| Rule |'));
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  const cell = (text) => text.replace(/\|/g, '\\|');
  const rows = RULES.map((r) => {
    const fixable = r.meta.fixable === 'no' ? 'none' : r.meta.fixable;
    return `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.dialects.join(', ')} | ${fixable} | ${cell(r.meta.description)} |`;
  });
  return [...lines.slice(0, start), '| Rule | Severity | Dialects | Fixable | Summary |', '|---|---|---|---|---|', ...rows, ...lines.slice(end)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Rule pages (docs/rules/<id>.md).
//
// In `## Example`, every fenced ```conf block whose preceding line names a file
// (`` `gai.conf`: `` or `` `gai.conf` (a note): ``) is an example input. The generator writes it
// under that name into a fresh temporary folder, runs `policylint NAME` there (the arguments of
// the existing `$ policylint …` line are kept, so a page may add options) and replaces the
// ```console block that follows with the real stylish output, `$ echo $?` and the exit code.
// Every example must report the page's rule (unless scripts/rule-examples.json lists the
// page as exempt or untriggered).
// In `## Use instead`, every such named ```conf block is linted too and must report NO finding
// of the page's rule; generation fails with a message naming the page otherwise.
//
// Bytes that a Markdown block cannot show are written as markers, decoded before linting:
//   <BOM>                       U+FEFF (the UTF-8 byte order mark EF BB BF)
//   ␍ (U+240D)                  a carriage return        ␀ (U+2400)   a NUL byte
//   \xHH                        the raw byte HH (not UTF-8 on its own)
//   C… (a N-byte comment line)  the line padded with C to N bytes; in the output, runs of C
//                               longer than 8 are shown as 8 and `…` (line-too-long)
// scripts/rule-examples.json lists the pages that are exempt (their output is not lint's) and
// the ones no known input triggers (their output is regenerated, without the rule).
const RULE_EXAMPLES = JSON.parse(readFileSync(join(root, 'scripts', 'rule-examples.json'), 'utf8'));
const EXAMPLE_EXEMPT = new Map(Object.entries(RULE_EXAMPLES.exempt));
const UNTRIGGERED = new Map(Object.entries(RULE_EXAMPLES.untriggered));

class PageError extends Error {}

const LONG_LINE = /^(.*?)(\S)\2*… \(a (\d+)-byte (?:comment )?line\)$/;

/** An example block's text as the bytes of the file it stands for; `pad` is the long line's filler. */
function decodeExample(text) {
  let pad = null;
  const lines = text.split('\n').map((line) => {
    const m = LONG_LINE.exec(line);
    if (!m) return line;
    pad = m[2];
    return m[1] + m[2].repeat(Math.max(1, Number(m[3]) - Buffer.byteLength(m[1])));
  });
  const joined = lines
    .join('\n')
    .replace(/^<BOM>/, '\uFEFF')
    .replace(/␍/g, '\r')
    .replace(/␀/g, '\0');
  const parts = joined.split(/\\x([0-9A-Fa-f]{2})/);
  const bytes = Buffer.concat(parts.map((part, i) => (i % 2 ? Buffer.from([Number.parseInt(part, 16)]) : Buffer.from(part, 'utf8'))));
  return { bytes, pad };
}

/** Runs the CLI in-process on one file written into a temporary folder. */
async function runPolicylint(name, bytes, args) {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-docs-'));
  try {
    writeFileSync(join(dir, name), bytes);
    let out = '';
    const io = {
      stdout: (t) => void (out += t),
      stderr: (t) => void (out += t),
      readStdin: async () => '',
      cwd: dir,
      env: { NO_COLOR: '1', TERM: 'dumb' },
      isTTY: false,
    };
    const code = await main(args, io);
    return { out, code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Markdown lines of section `## heading`: [start, end) indexes into lines. */
function section(lines, heading) {
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && !lines[end].startsWith('## ')) end++;
  return [start + 1, end];
}

/** Named ```conf blocks in lines[from, to): { name, open, close } (fence line indexes). */
function exampleBlocks(lines, from, to) {
  const blocks = [];
  for (let i = from; i < to; i++) {
    if (lines[i] !== '```conf') continue;
    let close = i + 1;
    while (close < to && lines[close] !== '```') close++;
    let before = i - 1;
    while (before >= from && lines[before].trim() === '') before--;
    const m = /^`([^`/]+)`(?: \(.*\))?:$/.exec(lines[before] ?? '');
    if (m) blocks.push({ name: m[1], open: i, close });
    i = close;
  }
  return blocks;
}

function shellWords(line) {
  return line.trim().split(/\s+/);
}

async function rulePage(id, text) {
  const lines = text.split('\n');
  // The summary line under the title and the metadata line come from the rule's meta.
  const meta = RULES.find((r) => r.meta.id === id)?.meta;
  if (meta) {
    const at = lines.findIndex((l) => l.startsWith('**Default severity:**'));
    const fixable = meta.fixable === 'no' ? 'none' : meta.fixable;
    if (at >= 0) lines[at] = `**Default severity:** ${meta.defaultSeverity} · **Dialects:** ${meta.dialects.join(', ')} · **Fixable:** ${fixable}`;
    if (lines[0] === `# ${id}` && lines[1] === '' && lines[2] && !lines[2].startsWith('**')) lines[2] = meta.description;
  }
  const exempt = EXAMPLE_EXEMPT.has(id);
  const useInstead = section(lines, 'Use instead');
  if (useInstead) {
    for (const block of exampleBlocks(lines, ...useInstead)) {
      const { bytes } = decodeExample(lines.slice(block.open + 1, block.close).join('\n') + '\n');
      const { out } = await runPolicylint(block.name, bytes, ['--format', 'json', block.name]);
      const found = JSON.parse(out)
        .flatMap((r) => r.messages)
        .filter((m) => m.ruleId === id);
      if (found.length > 0) {
        throw new PageError(
          `docs/rules/${id}.md: the "Use instead" input ${block.name} (line ${block.open + 1}) still reports ${id}: ${found.map((m) => `${m.line}:${m.column} ${m.message}`).join(' | ')}`,
        );
      }
    }
  }
  if (exempt) return text;
  const example = section(lines, 'Example');
  if (!example) return text;
  const blocks = exampleBlocks(lines, ...example);
  if (blocks.length === 0)
    throw new PageError(`docs/rules/${id}.md: \`## Example\` has no named \`\`\`conf input (or add the page to EXAMPLE_EXEMPT in scripts/generate.mjs)`);
  // Work from the last block up, so earlier indexes stay valid.
  for (const block of blocks.reverse()) {
    const { bytes, pad } = decodeExample(lines.slice(block.open + 1, block.close).join('\n') + '\n');
    let next = block.close + 1;
    while (next < lines.length && lines[next].trim() === '') next++;
    let consoleEnd = -1;
    let args = [block.name];
    if (lines[next] === '```console') {
      consoleEnd = next + 1;
      while (consoleEnd < lines.length && lines[consoleEnd] !== '```') consoleEnd++;
      const command = lines[next + 1] ?? '';
      if (command.startsWith('$ policylint ')) args = shellWords(command.slice('$ policylint '.length));
    }
    const { out, code } = await runPolicylint(block.name, bytes, args);
    const reports = out.split('\n').some((l) => /^\S+:\d+:\d+ +(error|warning|info) /.test(l) && l.endsWith(`  ${id}`));
    if (!reports && UNTRIGGERED.has(id)) console.warn(`docs/rules/${id}.md: the example does not report ${id} (listed as untriggered: ${UNTRIGGERED.get(id)})`);
    else if (reports && UNTRIGGERED.has(id))
      throw new PageError(`docs/rules/${id}.md: the example reports ${id} now: remove it from "untriggered" in scripts/rule-examples.json`);
    else if (!reports)
      throw new PageError(`docs/rules/${id}.md: the example ${block.name} (line ${block.open + 1}) does not report ${id}; policylint printed:\n${out}`);
    let shown = out.replace(/\n+$/, '');
    if (pad) shown = shown.replace(new RegExp(`${pad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}{9,}`, 'g'), `${pad.repeat(8)}…`);
    const consoleLines = ['```console', `$ policylint ${args.join(' ')}`, ...(shown ? shown.split('\n') : []), '$ echo $?', String(code), '```'];
    if (consoleEnd >= 0) lines.splice(next, consoleEnd - next + 1, ...consoleLines);
    else lines.splice(block.close + 1, 0, '', ...consoleLines);
  }
  return lines.join('\n');
}

write('schema/policylint.schema.json', JSON.stringify(configSchema(), null, 2) + '\n');
write('docs/rules/README.md', rulesReadme());
const pageErrors = [];
for (const file of readdirSync(join(root, 'docs', 'rules'))
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort()) {
  const id = file.slice(0, -3);
  const current = readFileSync(join(root, 'docs', 'rules', file), 'utf8');
  try {
    const page = await rulePage(id, current);
    if (outRoot !== root || page !== current) write(join('docs', 'rules', file), page);
  } catch (error) {
    if (!(error instanceof PageError)) throw error;
    pageErrors.push(error.message);
  }
}
if (pageErrors.length > 0) {
  console.error(`scripts/generate.mjs: ${pageErrors.length} rule page(s) need a different example:\n${pageErrors.join('\n\n')}`);
  process.exit(1);
}
const diagrams = spawnSync(process.execPath, [join(root, 'scripts', 'diagrams.mjs'), '--out', join(outRoot, 'docs', 'grammar')], {
  stdio: 'inherit',
  env: process.env,
});
if (diagrams.status !== 0) process.exit(diagrams.status ?? 1);
