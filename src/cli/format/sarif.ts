// SARIF 2.1.0 for GitHub code scanning: rules with help, stable ids, relative paths, regions.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintResult } from '../../lint/lint.js';
import { RULES } from '../../rules/catalog.js';
import { docsUrl } from '../../rules/rule.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: readonly LintResult[], cwd: string, version: string): string {
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.meta.description },
    fullDescription: { text: r.meta.description },
    helpUri: docsUrl(r.meta.id),
    help: { text: `${r.meta.description} See ${docsUrl(r.meta.id)}`, markdown: `${r.meta.description}\n\n[Rule documentation](${docsUrl(r.meta.id)})` },
    defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
    properties: { fixable: r.meta.fixable, phase: r.meta.phase },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // A URI, not a path: each segment percent-encoded (`c:d 100%.gai.conf` is not a URI with
  // scheme `c:`). Inside the working folder it is relative to SRCROOT; outside, a file: URI.
  const uri = (path: string): { uri: string; uriBaseId?: string } => {
    if (path === '<stdin>') return { uri: 'stdin', uriBaseId: 'SRCROOT' };
    const rel = relative(cwd, resolve(cwd, path));
    if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(resolve(cwd, path)).href };
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'policylint', version, semanticVersion: version, informationUri: 'https://github.com/policylint/policylint', rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        results: results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: uri(r.filePath),
                  region: {
                    startLine: m.line,
                    startColumn: m.column,
                    endLine: m.endLine,
                    endColumn: m.endLine === m.line ? Math.max(m.endColumn, m.column + 1) : m.endColumn,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
