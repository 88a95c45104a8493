// ula-gua-label-mismatch runs one example simulation per distinct input the simulator reads
// (ExampleSimulations, issue 13) and re-labels it with each ULA row's address: only sound if
// the re-labelled simulation is exactly what simulating that row would give.
import fc from 'fast-check';
import { readPolicy } from '../../src/dialects/registry.js';
import { lookup, effectiveTable } from '../../src/model/effective-table.js';
import { formatAnyAddress, formatIPv4 } from '../../src/model/address.js';
import { simulate } from '../../src/simulate/simulate.js';
import { ExampleSimulations } from '../../src/rules/ula-gua-label-mismatch.js';

const STOCK = ['::1/128 50 0', '::/0 40 1', '::ffff:0:0/96 35 4', '2002::/16 30 2', '2001::/32 5 5', '::/96 1 3'];
const hex16 = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
// ULA rows inside fc00::/7 (some overlapping, some /128), and global rows and destinations.
const ula = fc.tuple(fc.constantFrom('fc', 'fd'), fc.integer({ min: 0, max: 255 }), hex16, fc.constantFrom(16, 32, 48, 64, 128)).map(([top, b, g, len]) => ({
  address: (BigInt(`0x${top}${b.toString(16).padStart(2, '0')}${g.padStart(4, '0')}`) << 96n) | (len === 128 ? 0x10n : 0n),
  len,
}));
const gua = fc
  .tuple(fc.constantFrom('2001:db8', '3fff:0', '2a00:1', '2002:c000', '2001:0'), fc.constantFrom(16, 32, 48))
  .map(([p, len]) => ({ text: `${p}::/${len}`, dest: `${p}::1` }));
const label = fc.constantFrom(0, 1, 4, 13, 14, 99);
const precedence = fc.constantFrom(1, 30, 40, 45, 100);

test('a re-labelled example simulation is the simulation of that row', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(ula, precedence, label), { minLength: 1, maxLength: 12 }),
      fc.array(fc.tuple(gua, precedence, label), { maxLength: 3 }),
      fc.boolean(),
      fc.boolean(),
      (ulas, guas, gai, fc7) => {
        const rows = [...STOCK, ...(fc7 ? ['fc00::/7 3 13'] : [])];
        for (const [g, p, l] of guas) rows.push(`${g.text} ${p} ${l}`);
        for (const [u, p, l] of ulas) rows.push(`${formatAnyAddress(u.address, 6)}/${u.len} ${p} ${l}`);
        const text = gai
          ? rows
              .map((r) => {
                const [pfx, p, l] = r.split(' ');
                return `precedence ${pfx} ${p}\nlabel ${pfx} ${l}\n`;
              })
              .join('')
          : rows.map((r) => `${r}\n`).join('');
        const table = effectiveTable(readPolicy(gai ? 'gai' : 'ip6addrctl', text).policy);
        const platform = gai ? 'glibc' : 'freebsd';
        const memo = new ExampleSimulations();
        const destinations = [...guas.map(([g]) => g.dest), '2001:db8::1'];
        for (const d of destinations) {
          const destination = BigInt(
            `0x${d
              .replace('::1', '')
              .split(':')
              .map((x) => x.padStart(4, '0'))
              .join('')
              .padEnd(31, '0')}1`,
          );
          for (const [u] of ulas) {
            const source = u.len === 128 ? u.address : u.address | 1n;
            const {
              first,
              rule,
              simulation: got,
            } = memo.get(platform, table, source, formatAnyAddress(source, 6), lookup(table, source), destination, formatAnyAddress(destination, 6));
            const sim = simulate({
              platform,
              table,
              sources: [`${formatAnyAddress(source, 6)}/64`, '192.0.2.10/24'],
              destinations: [formatAnyAddress(destination, 6), formatIPv4(0xc6336407)],
            });
            expect(JSON.stringify(got)).toBe(JSON.stringify({ order: sim.order, sources: sim.sources, steps: sim.steps }));
            // What the rule reads without re-labelling, and what reading the re-labelled one gives.
            expect([first, rule]).toEqual([sim.order[0], sim.steps[0]?.rule]);
            expect([got.order, got.sources, got.steps]).toEqual([sim.order, sim.sources, sim.steps]);
          }
        }
      },
    ),
    { numRuns: 200 },
  );
});
