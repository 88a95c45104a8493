// Every rule in the catalog has a docs page (docs/rules/<id>.md) whose title is its id and
// which has the Ruff-style sections; every page belongs to a rule; and the catalog table in
// docs/rules/README.md lists exactly the catalog, with the metadata's severity, dialects and
// fixability.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULES } from '../src/rules/catalog.js';
import type { RuleMeta } from '../src/rules/rule.js';

const HERE = import.meta.dirname ?? dirname(new URL(import.meta.url).pathname);
const DOCS = join(resolve(HERE, '..'), 'docs', 'rules');
const SECTIONS = ['What it does', 'Why is this bad?', 'Example', 'Use instead', 'Fix safety', 'Options', 'References'];

// Pages whose example is not lint's output, or that no known input triggers (scripts/generate.mjs).
const RULE_EXAMPLES = JSON.parse(readFileSync(join(resolve(HERE, '..'), 'scripts', 'rule-examples.json'), 'utf8')) as {
  exempt: Record<string, string>;
  untriggered: Record<string, string>;
};

const ids = RULES.map((r) => r.meta.id);
const pages = readdirSync(DOCS)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => f.slice(0, -3));
const read = (id: string) => readFileSync(join(DOCS, `${id}.md`), 'utf8');
const fixableText = (f: RuleMeta['fixable']) => (f === 'no' ? 'none' : f);

/** The first markdown table in the text, as rows of trimmed cells (header and separator dropped). */
function parseTable(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trimStart().startsWith('|'));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.trimStart().startsWith('|')) break;
    // Split on pipes not escaped with a backslash.
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
    rows.push(cells);
  }
  return rows.slice(2);
}

describe('rule docs pages', () => {
  test('the catalog has unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(ids)('%s has a page', (id) => {
    expect(pages).toContain(id);
  });

  test.each(pages)('docs/rules/%s.md belongs to a rule in RULES', (id) => {
    expect(ids).toContain(id);
  });

  test.each(ids.filter((id) => pages.includes(id)))('docs/rules/%s.md: title, metadata line and sections', (id) => {
    const text = read(id);
    const meta = RULES.find((r) => r.meta.id === id)!.meta;
    expect(text.split('\n')[0]).toBe(`# ${id}`);
    expect(text).toContain(
      `**Default severity:** ${meta.defaultSeverity} · **Dialects:** ${meta.dialects.join(', ')} · **Fixable:** ${fixableText(meta.fixable)}`,
    );
    const headings = text
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3));
    expect(headings).toEqual(SECTIONS);
    // The example shows real policylint output that reports this rule (internal-error is a
    // bug report: no input is meant to trigger it; scripts/rule-examples.json lists the rules
    // no known input triggers).
    if (id === 'internal-error' || Object.hasOwn(RULE_EXAMPLES.untriggered, id)) return;
    const example = text.slice(text.indexOf('## Example'), text.indexOf('## Use instead'));
    // lint's stylish line, or (for rules only convert's readers report) convert's `file:L:C: severity: message (id)`.
    expect(example).toMatch(new RegExp(`^\\S+:\\d+:\\d+(?: +(error|warning|info) +.*  ${id}|: (error|warning|info): .* \\(${id}\\))$`, 'm'));
  });
});

describe('docs/rules/README.md catalog table', () => {
  const table = parseTable(readFileSync(join(DOCS, 'README.md'), 'utf8'));
  const byId = new Map(
    table.map((cells) => {
      const m = /^\[([a-z0-9-]+)\]\(([^)]+)\)$/.exec(cells[0] ?? '');
      return [m?.[1] ?? cells[0]!, { link: m?.[2], cells }] as const;
    }),
  );

  test('lists exactly the catalog, once each', () => {
    expect(table.length).toBe(byId.size);
    expect([...byId.keys()].sort()).toEqual([...ids].sort());
  });

  test.each(RULES.map((r) => [r.meta.id, r.meta] as const))('%s: link, severity, dialects, fixable, summary', (id, meta) => {
    const row = byId.get(id);
    expect(row).toBeDefined();
    const [, severity, dialects, fixable, summary] = row!.cells;
    expect(row!.link).toBe(`${id}.md`);
    expect({ severity, dialects, fixable, summary }).toEqual({
      severity: meta.defaultSeverity,
      dialects: meta.dialects.join(', '),
      fixable: fixableText(meta.fixable),
      summary: meta.description,
    });
  });
});
