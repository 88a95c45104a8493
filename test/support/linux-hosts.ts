// Generated Linux hosts for test/host-linux.test.ts: 1 to 3 interfaces (some down),
// addresses of both families with flags the real kernel can be given (deprecated via
// preferred_lft 0, tentative, home), default routes per interface or none, more specific
// routes, the kernel's `ip addrlabel` table and gai.conf, from a fixed seed.
import type { HostFile, HostFileAddress, HostFileRoute } from '../../src/model/host-file.js';
import { prng as uniform } from './generators.js';

/** The fuzzers' seeded PRNG (generators.ts) with the picks the host generators use, so every run generates the same hosts. */
export function prng(seed: number) {
  const next = uniform(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  const sample = <T>(xs: readonly T[], k: number): T[] => {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(int(pool.length), 1)[0]!);
    return out;
  };
  return { int, pick, chance, sample };
}

export interface LinuxHostCase {
  readonly host: HostFile;
  readonly gaiConf: string;
  readonly destinations: string[];
  /** Link-local destinations with a %zone (an interface name, an index, or no such interface). */
  readonly zoned: string[];
}

const NAMES = ['eth0', 'eth1', 'wan0'];
/** Few distinct files: the oracle runs one resolver process per gai.conf. */
const GAI_CONFS = [
  '',
  'label fc00::/7 1\n',
  'precedence ::ffff:0:0/96 100\n',
  'label ::1/128 0\nlabel ::/0 1\nlabel 2001:db8::/32 9\nlabel ::ffff:0:0/96 9\n',
  'precedence 2001:db8:2::/48 60\nprecedence ::/0 40\n',
];
const LABEL_ROWS = [
  { prefix: '::1/128', label: 0 },
  { prefix: '::/0', label: 1 },
  { prefix: '2002::/16', label: 2 },
  { prefix: '::ffff:0:0/96', label: 4 },
  { prefix: 'fc00::/7', label: 5 },
  { prefix: 'fd00:2::/32', label: 1 },
  { prefix: '2001:db8:1::/48', label: 5 },
  { prefix: '2001:db8::/32', label: 7 },
];
const DESTINATIONS = [
  '2001:db8:99::1',
  '2001:db8:1::99',
  '2001:db8:2::5',
  '2001:db8:3::7',
  '2001:db8:77::9',
  'fd00:1::99',
  'fd00:2::99',
  'fd00:9::1',
  '2002:c000:200::1',
  '198.51.100.7',
  '192.0.2.99',
  '192.0.3.5',
  '10.0.5.5',
  '10.1.0.9',
  '203.0.113.5',
  '::1',
  '127.0.0.1',
  'fe80::1',
];

function addresses(r: ReturnType<typeof prng>, k: number): HostFileAddress[] {
  const n = () => 10 + r.int(80);
  const pool = [
    () => `2001:db8:${k + 1}::${n()}/64`,
    () => `fd00:${k + 1}::${n()}/64`,
    () => `2001:db8:77::${n()}/64`, // the same subnet on several interfaces
    () => `2002:c000:20${k}::${n()}/48`,
    () => `fe80::${k + 1}:${n()}/64`,
    () => `2001:db8:${k + 1}::${n()}/128`,
    () => `192.0.${2 + k}.${n()}/24`,
    () => `10.${k}.0.${n()}/16`,
    () => `203.0.113.${n()}/32`,
  ];
  const out: HostFileAddress[] = [];
  const seen = new Set<string>();
  for (let i = r.int(4); i >= 0; i--) {
    const address = r.pick(pool)();
    if (seen.has(address.split('/')[0]!)) continue;
    seen.add(address.split('/')[0]!);
    const flags: HostFileAddress['flags'] & string[] = [];
    const v6 = address.includes(':');
    if (v6 && r.chance(0.18)) flags.push('deprecated');
    if (v6 && !address.startsWith('fe80') && r.chance(0.08)) flags.push('tentative');
    if (v6 && r.chance(0.05)) flags.push('home');
    out.push(flags.length > 0 ? { address, flags } : { address });
  }
  return out;
}

export function generateLinuxHosts(count: number, seed: number): LinuxHostCase[] {
  const r = prng(seed);
  const cases: LinuxHostCase[] = [];
  for (let c = 0; c < count; c++) {
    const interfaces = NAMES.slice(0, 1 + r.int(3)).map((name, k) => ({ name, up: !r.chance(0.12), addresses: addresses(r, k) }));
    const up = interfaces.filter((i) => i.up).map((i) => i.name);
    const routes: HostFileRoute[] = [];
    // Linux takes no route through a down interface, so routes name up ones only.
    if (up.length > 0 && r.chance(0.75)) routes.push({ to: '::/0', dev: r.pick(up) });
    if (up.length > 0 && r.chance(0.75)) routes.push({ to: '0.0.0.0/0', dev: r.pick(up) });
    if (up.length > 0 && r.chance(0.2)) routes.push({ to: '2001:db8:99::/48', dev: r.pick(up) });
    if (up.length > 0 && r.chance(0.15)) routes.push({ to: '198.51.100.0/24', dev: r.pick(up) });
    if (r.chance(0.05)) routes.push({ to: 'fd00:9::/32', dev: null });
    const host: HostFile = {
      interfaces,
      routes,
      ...(r.chance(0.25) ? { addrlabels: r.sample(LABEL_ROWS, 2 + r.int(5)) } : {}),
    };
    // An own address as destination, but not one on a down interface: whether the kernel then
    // connects from it or fails varied between runs of the same host on the real kernel.
    const own = interfaces.flatMap((i) => (i.up ? i.addresses.map((a) => a.address.split('/')[0]!) : [])).filter((a) => !a.startsWith('fe80'));
    const destinations = r.sample([...DESTINATIONS, ...(own.length > 0 && r.chance(0.2) ? [r.pick(own)] : [])], 2 + r.int(4));
    const zoned = interfaces.filter(() => r.chance(0.4)).map((i) => `fe80::${r.pick(['1', '1:1', '2:99'])}%${i.name}`);
    if (r.chance(0.05)) zoned.push('fe80::1%nosuch0');
    cases.push({ host, gaiConf: r.pick(GAI_CONFS), destinations: [...new Set(destinations)], zoned: [...new Set(zoned)] });
  }
  return cases;
}
