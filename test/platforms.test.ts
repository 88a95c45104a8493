// The built-in tables: every prefix parses, and the hand-written merged glibc table is
// exactly what glibc's split default tables mean (checked over the whole address space).
import { readGaiConf } from '../src/dialects/gai-reader.js';
import { readIp6addrctlRendered as readIp6addrctl } from './support/read-rendered.js';
import { comparePolicies } from '../src/convert/equivalence.js';
import { modelOf } from '../src/model/policy-meaning.js';
import { BUILTIN_TABLES, PLATFORMS } from '../src/model/builtin-tables.js';

const asRows = (platform: keyof typeof BUILTIN_TABLES) =>
  BUILTIN_TABLES[platform].rows.map((r) => `${r.prefix} ${r.precedence ?? 0} ${r.label}`).join('\n') + '\n';

describe('built-in tables', () => {
  test.each(PLATFORMS)('%s reads as a clean ip6addrctl table', (platform) => {
    const r = readIp6addrctl(asRows(platform));
    expect(r.diagnostics).toEqual([]);
    expect(r.policy.entries).toHaveLength(BUILTIN_TABLES[platform].rows.length);
  });
  test('the merged glibc table equals glibc with no gai.conf, over every address', () => {
    const glibc = modelOf(readGaiConf('').policy, 'glibc');
    const merged = modelOf(readIp6addrctl(asRows('glibc')).policy, 'freebsd');
    const result = comparePolicies(glibc, merged);
    expect(result.regions).toEqual([]);
    expect(result.equivalent).toBe(true);
  });
  test('FreeBSD ipv6_prefer and ipv4_prefer differ only in IPv4', () => {
    const a = modelOf(readIp6addrctl(asRows('freebsd')).policy, 'freebsd');
    const b = modelOf(readIp6addrctl(asRows('freebsd-ipv4-prefer')).policy, 'freebsd');
    const { regions } = comparePolicies(a, b);
    expect(regions).toHaveLength(1);
    expect(regions[0]).toMatchObject({ start: 0xffffn << 32n, end: (0xffffn << 32n) | 0xffffffffn, before: { precedence: 35 }, after: { precedence: 100 } });
  });
});
