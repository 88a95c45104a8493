// redundant-entry finds a FreeBSD row's own table row by its position in the file
// (ownRowsByPosition) instead of looking it up: the two must always agree, with duplicate
// rows, rows the kernel refuses (label -1) before and after their twins, nested prefixes, and
// files install refuses (an empty table).
import fc from 'fast-check';
import { readPolicy } from '../src/dialects/registry.js';
import { runPolicyRule } from '../src/lint/lint.js';
import { DEFAULT_CONFIG } from '../src/model/config.js';
import { effectiveTable, type EffectiveTable } from '../src/model/effective-table.js';
import { RULES_BY_ID } from '../src/rules/catalog.js';
import { propertyRuns, propertySeed } from './support/generators.js';

const PREFIXES = ['::/0', '2001:db8::/32', '2001:db8::/48', '2001:db8:0:1::/64', '2001:db8::1/32', 'fd00::/8', 'fd00::/16', '::1/128', '::ffff:0:0/96'];
const lineArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(10, 40, 50), fc.constantFrom(-1, 1, 1, 2)).map(([p, pr, l]) => `${p} ${pr} ${l}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('# note', '', 'not a row') },
);

function findings(text: string, disguise: boolean): string[] {
  const policy = readPolicy('ip6addrctl', text).policy;
  const real = effectiveTable(policy);
  // The same table under another system's name: every line is then looked up.
  const table: EffectiveTable = disguise ? { ...real, system: 'glibc' } : real;
  return runPolicyRule(RULES_BY_ID.get('redundant-entry')!, policy, DEFAULT_CONFIG, table).map((d) => `${d.span.start.line}: ${d.message}`);
}

test('rows found by position give the same redundant-entry findings as rows looked up', () => {
  let found = 0;
  fc.assert(
    fc.property(fc.array(lineArb, { maxLength: 12 }), (lines) => {
      const text = `${lines.join('\n')}\n`;
      const byPosition = findings(text, false);
      expect(byPosition).toEqual(findings(text, true));
      found += byPosition.length;
    }),
    { numRuns: propertyRuns(1500), seed: propertySeed(1316) },
  );
  // Not vacuous: plenty of generated files have redundant rows.
  expect(found).toBeGreaterThan(100);
});
