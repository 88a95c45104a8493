// applyFixes builds its output in one pass (issue 13): it must agree with the edit-by-edit
// algorithm it replaced on every list of fixes, overlapping, touching or empty edits included.
import fc from 'fast-check';
import { applyFixes } from '../src/lint/lint.js';
import type { Fix } from '../src/model/diagnostic.js';

/** The algorithm before issue 13: each fix checked against every earlier one, the text rebuilt per edit. */
function reference(text: string, fixes: readonly Fix[]): { output: string; applied: number } {
  const taken: { start: number; end: number }[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  let applied = 0;
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start)))) continue;
    for (const e of fix.edits) {
      taken.push({ start: e.start, end: Math.max(e.end, e.start) });
      edits.push(e);
    }
    applied++;
  }
  edits.sort((a, b) => b.start - a.start);
  let output = text;
  for (const e of edits) output = output.slice(0, e.start) + e.text + output.slice(e.end);
  return { output, applied };
}

const TEXT = 'label ::1/128 0\nprecedence ::/0 40\n# a comment\n';

const editArb = fc
  .tuple(fc.nat({ max: TEXT.length }), fc.nat({ max: 6 }), fc.constantFrom('', 'x', '::/0 1\n', 'ab'))
  .map(([start, len, text]) => ({ start, end: Math.min(TEXT.length, start + len), text }));
const fixArb = fc.array(editArb, { minLength: 0, maxLength: 3 }).map((edits): Fix => ({ safety: 'safe', description: 'd', edits }));

describe('applyFixes', () => {
  it('agrees with the edit-by-edit algorithm on random fixes', () => {
    fc.assert(
      fc.property(fc.array(fixArb, { maxLength: 8 }), (fixes) => {
        expect(applyFixes(TEXT, fixes)).toEqual(reference(TEXT, fixes));
      }),
      { seed: 6724, numRuns: 5000 },
    );
  });

  it('agrees on one-line fixes in file order, as lint gives them', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `2001:db8:${i.toString(16)}::1/64 40 1\n`);
    const text = lines.join('');
    const starts = lines.map((_, i) => lines.slice(0, i).join('').length);
    const fixes: Fix[] = starts.map((s, i) => ({
      safety: 'safe',
      description: 'd',
      edits: [{ start: s, end: s + lines[i]!.indexOf('/'), text: '2001:db8::' }],
    }));
    fixes.splice(50, 0, { safety: 'unsafe', description: 'whole', edits: [{ start: starts[40]!, end: starts[60]!, text: '' }] });
    expect(applyFixes(text, fixes)).toEqual(reference(text, fixes));
  });
});
