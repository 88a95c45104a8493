// knownTableOf says which platform's built-in table a file's table is: the first platform
// whose table is the same one (tables of another size are never compared row by row). Each
// built-in table, and its text read back, is found; a changed one is not.
import { BUILTIN_TABLES, PLATFORMS } from '../src/model/builtin-tables.js';
import { readPolicy } from '../src/dialects/registry.js';
import { builtinEffectiveTable, effectiveTable, type EffectiveTable } from '../src/model/effective-table.js';
import { knownTableOf, stockTableOf } from '../src/impact/stock-tables.js';

/** The effective rows of a table, canonically: what "the same table" means. */
const rowsOf = (t: EffectiveTable) =>
  [t.labels, t.precedences]
    .map((pt) => {
      const first = new Map<string, number>();
      for (const r of pt.rows) if (!first.has(`${r.prefix}/${r.length}`)) first.set(`${r.prefix}/${r.length}`, r.value);
      return [...first]
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join(',');
    })
    .join('|');
/** The first platform whose built-in table is the same table, by building and comparing every one. */
const reference = (t: EffectiveTable) =>
  PLATFORMS.find((p) => builtinEffectiveTable(p).system === t.system && rowsOf(builtinEffectiveTable(p)) === rowsOf(t)) ?? null;

test('each built-in table is known as the first platform that ships it, and a changed one is not', () => {
  for (const p of PLATFORMS) {
    const known = knownTableOf(builtinEffectiveTable(p));
    expect([p, known]).toEqual([p, reference(builtinEffectiveTable(p))]);
    expect(known).not.toBeNull();
  }
  for (const p of PLATFORMS.filter((x) => x !== 'glibc')) {
    const rows = BUILTIN_TABLES[p].rows;
    const text = rows.map((r) => `${r.prefix} ${r.precedence ?? 0} ${r.label}\n`).join('');
    for (const t of [
      text,
      rows.map((r, i) => `${r.prefix} ${(r.precedence ?? 0) + (i === 0 ? 1 : 0)} ${r.label}\n`).join(''),
      `${text}2001:db8:1::/48 40 1\n`,
      rows
        .slice(1)
        .map((r) => `${r.prefix} ${r.precedence ?? 0} ${r.label}\n`)
        .join(''),
    ]) {
      const table = effectiveTable(readPolicy('ip6addrctl', t).policy);
      expect([p, knownTableOf(table)]).toEqual([p, reference(table)]);
    }
    expect(knownTableOf(effectiveTable(readPolicy('ip6addrctl', text).policy))).not.toBeNull();
  }
  expect(stockTableOf(effectiveTable(readPolicy('gai', '# only a comment\n').policy))).toBe('glibc');
  expect(stockTableOf(effectiveTable(readPolicy('gai', 'precedence ::ffff:0:0/96 100\n').policy))).toBeNull();
});
