// documentOf (src/dialects/document.ts) merges a policy's entries and loose comments in
// file order instead of sorting them all (issue 13): it must give exactly the document the
// plain sort gives, for every dialect's reader, including files with invalid lines (whose
// trailing comments stand alone) and hostile text.
import fc from 'fast-check';
import { BLANK, documentOf, type DocItem } from '../src/dialects/document.js';
import { readPolicy, type ConvertDialect } from '../src/dialects/registry.js';
import type { CommentNode, Entry, Policy } from '../src/model/ast.js';
import { gaiPolicyArb, hostileTextArb, ip6addrctlPolicyArb, propertyRuns, propertySeed } from './support/generators.js';

/** The document as a sort of everything by (line, column) makes it: the oracle. */
function sortedDocument(policy: Policy): DocItem[] {
  const attached = new Set<number>();
  for (const entry of policy.entries) if (entry.comment) attached.add(entry.comment.span.start.offset);
  const itemOf = (entry: Entry): DocItem => {
    const comment = entry.comment ? { comment: entry.comment.text.trimEnd() } : {};
    if (entry.kind === 'row')
      return {
        kind: 'row',
        prefix: entry.prefix.address,
        length: entry.prefix.length,
        precedence: entry.precedence.value,
        label: entry.label.value,
        ...comment,
      };
    if (entry.kind === 'reload') return { kind: 'reload', value: entry.value, ...comment };
    return { kind: 'gai', table: entry.kind, prefix: entry.prefix.address, length: entry.prefix.length, value: entry.value.value, ...comment };
  };
  const placed = policy.entries.map((e) => ({ line: e.span.start.line, column: e.span.start.column, endLine: e.span.end.line, item: itemOf(e) }));
  for (const c of policy.comments as CommentNode[]) {
    if (attached.has(c.span.start.offset)) continue;
    placed.push({ line: c.span.start.line, column: c.span.start.column, endLine: c.span.end.line, item: { kind: 'comment', text: c.text.trimEnd() } });
  }
  placed.sort((a, b) => a.line - b.line || a.column - b.column);
  const items: DocItem[] = [];
  let previousLine = 0;
  for (const p of placed) {
    if (previousLine > 0 && p.line > previousLine + 1) items.push(BLANK);
    items.push(p.item);
    previousLine = Math.max(previousLine, p.endLine);
  }
  return items;
}

const DIALECTS: readonly ConvertDialect[] = ['gai', 'ip6addrctl', 'show', 'addrlabel', 'netsh', 'json'];

describe('documentOf', () => {
  test('generated policies: the merged document is the sorted one', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          gaiPolicyArb.map((p) => ({ text: p.text, dialect: 'gai' as const })),
          ip6addrctlPolicyArb.map((p) => ({ text: p.text, dialect: 'ip6addrctl' as const })),
        ),
        (policy) => {
          const { policy: read } = readPolicy(policy.dialect, policy.text);
          expect(documentOf(read).items).toEqual(sortedDocument(read));
        },
      ),
      { numRuns: propertyRuns(300), seed: propertySeed(77) },
    );
  });

  test('hostile and invalid text in every dialect: the merged document is the sorted one', () => {
    fc.assert(
      fc.property(hostileTextArb, fc.constantFrom(...DIALECTS), (text, dialect) => {
        const { policy } = readPolicy(dialect, text);
        expect(documentOf(policy).items).toEqual(sortedDocument(policy));
      }),
      { numRuns: propertyRuns(300), seed: propertySeed(78) },
    );
  });

  test('comments between, before and after rows, a dropped line’s comment, gaps', () => {
    for (const [dialect, text] of [
      ['ip6addrctl', '# a\n\n::1/128 50 0 # one\nbad line # dropped\n\n\n# b\n::/0 40 1\n# end\n'],
      ['gai', '# x\nlabel ::/0 1 # l\nlabel bad 2 # gone\n\nprecedence ::/0 40\n#z'],
    ] as const) {
      const { policy } = readPolicy(dialect, text);
      expect(documentOf(policy).items).toEqual(sortedDocument(policy));
      expect(documentOf(policy).items.some((i) => i.kind === 'blank')).toBe(true);
    }
  });
});
