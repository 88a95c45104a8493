// twinLines takes an ip6addrctl.conf's twins from its FreeBSD table's sort when the table's
// rows are the file's rows (twinsFromTable), and sorts the lines itself otherwise: the two
// must agree, with host bits set, duplicates, rows the kernel refuses (label -1) and files
// install refuses. Each policy is read twice: twinLines keeps its answer per policy.
import fc from 'fast-check';
import { readPolicy } from '../src/dialects/registry.js';
import { effectiveTable } from '../src/model/effective-table.js';
import { twinLines } from '../src/rules/support/twin-lines.js';
import { prefixEntries } from '../src/rules/support/value-lines.js';
import { propertyRuns, propertySeed } from './support/generators.js';

const PREFIXES = ['::/0', '2001:db8::/32', '2001:db8::1/32', '2001:db8:0:1::/64', '2001:db8::/48', 'fd00::/8', 'fd00::5/8', '::1/128', '::ffff:0:0/96'];
const lineArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(10, 40), fc.constantFrom(-1, 1, 1, 2)).map(([p, pr, l]) => `${p} ${pr} ${l}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('# note', '', 'not a row') },
);

/** The first line of the same masked prefix and length, by brute force over the rows. */
function bruteTwins(text: string): number[] {
  const seen = new Map<string, number>();
  return prefixEntries(readPolicy('ip6addrctl', text).policy).map((line, i) => {
    const key = maskedKey(line.prefix.address, line.prefix.length);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    return first ?? -1;
  });
}

const maskedKey = (address: bigint, length: number) => `${length === 0 ? 0n : address >> BigInt(128 - length)}/${length}`;

test("an ip6addrctl.conf's twins from its table's sort are the lines' own", () => {
  let fromTable = 0;
  fc.assert(
    fc.property(fc.array(lineArb, { maxLength: 14 }), (lines) => {
      const text = `${lines.join('\n')}\n`;
      const policy = readPolicy('ip6addrctl', text).policy;
      const table = effectiveTable(policy);
      const twins = [...twinLines(policy, table).twins];
      expect(twins).toEqual(bruteTwins(text));
      if (policy.installable && twins.length > 0 && twins.length === table.labels.size) fromTable++;
    }),
    { numRuns: propertyRuns(1500), seed: propertySeed(1317) },
  );
  // Not vacuous: many generated files take the table's path.
  expect(fromTable).toBeGreaterThan(100);
});

test("a table's earlierTwins name each row's first twin and leave the first at -1", () => {
  const text = '2001:db8::1/32 10 1\nfd00::/8 10 2\n2001:db8::/32 40 3\n2001:db8::/48 10 1\n2001:db8::/32 5 5\n';
  const table = effectiveTable(readPolicy('ip6addrctl', text).policy);
  expect([...table.labels.earlierTwins()]).toEqual([-1, -1, 0, -1, 0]);
});
