import { memoryIO } from './support/memory-io.js';
import { command as defaults } from '../src/cli/commands/defaults.js';
import { PLATFORMS } from '../src/model/builtin-tables.js';
import { readPolicy } from '../src/dialects/registry.js';
import { comparePolicies } from '../src/convert/equivalence.js';
import { modelOf } from '../src/model/policy-meaning.js';
import { builtinEffectiveTable } from '../src/model/effective-table.js';

const io = () => memoryIO('/');

test.each(PLATFORMS)('%s: printed table means the built-in table', async (platform) => {
  const { io: cio, out } = io();
  expect(await defaults.run({ platform }, cio)).toBe(0);
  expect(out.stdout.length).toBeGreaterThan(0);
  if (platform === 'linux-kernel') return expect(out.stdout).toMatch(/^ip addrlabel add prefix 2001:10::\/28 label 7$/m);
  const dialect = platform === 'glibc' ? 'gai' : platform === 'windows' ? 'netsh' : 'ip6addrctl';
  const read = readPolicy(dialect, out.stdout);
  const expected = { semantics: 'freebsd' as const, labelsOnly: false, table: builtinEffectiveTable(platform) };
  expect(comparePolicies(expected, modelOf(read.policy, read.semantics)).equivalent).toBe(true);
});

test('freebsd defaults as gai.conf; glibc defaults as ip6addrctl.conf', async () => {
  const a = io();
  expect(await defaults.run({ platform: 'freebsd', to: 'gai' }, a.io)).toBe(0);
  expect(a.out.stdout).toMatch(/^precedence\s+::ffff:0:0\/96\s+35$/m);
  const b = io();
  expect(await defaults.run({ platform: 'glibc', to: 'ip6addrctl' }, b.io)).toBe(0);
  expect(b.out.stdout).toMatch(/^fc00::\/7\s+40\s+6/m);
});

test('unknown platform is a usage error', async () => {
  await expect(defaults.run({ platform: 'plan9' }, io().io)).rejects.toThrow(/--platform must be one of/);
});
