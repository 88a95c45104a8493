// Seeded generators for the benchmark inputs: random valid policy tables and a batch of
// typical files. Nothing here is committed output; run.mjs writes into a temp dir.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALL_ONES = (1n << 128n) - 1n;
const maskOf = (len) => (len === 0 ? 0n : (ALL_ONES << BigInt(128 - len)) & ALL_ONES);

function formatIPv6(value) {
  const parts = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: compress the longest run (>= 2) of zero groups.
  let best = -1,
    bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (parts[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && parts[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = parts.map((p) => p.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/**
 * `n` distinct random prefixes (host bits clear), plus the rows a sane table has
 * (::/0, ::1/128, ::ffff:0:0/96), each with a random precedence and label.
 * Lengths are spread like real tables: mostly /16../64, some host routes.
 */
export function randomRows(n, seed) {
  const rnd = prng(seed);
  const rand16 = () => BigInt(Math.floor(rnd() * 0x10000));
  const rows = [
    { prefix: 0n, length: 0, precedence: 40, label: 1 },
    { prefix: 1n, length: 128, precedence: 50, label: 0 },
    { prefix: 0xffffn << 32n, length: 96, precedence: 35, label: 4 },
  ];
  const seen = new Set(rows.map((r) => `${r.prefix}/${r.length}`));
  while (rows.length < n) {
    let address = 0n;
    for (let i = 0; i < 8; i++) address = (address << 16n) | rand16();
    // Global unicast or ULA space, so lookups look like real traffic.
    address = rnd() < 0.8 ? (address & ~(0xe000n << 112n)) | (0x2000n << 112n) : (address & ~(0xff00n << 112n)) | (0xfd00n << 112n);
    const r = rnd();
    const length = r < 0.9 ? 16 + Math.floor(rnd() * 49) : r < 0.97 ? 65 + Math.floor(rnd() * 63) : 128;
    const prefix = address & maskOf(length);
    const key = `${prefix}/${length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ prefix, length, precedence: 1 + Math.floor(rnd() * 100), label: 5 + Math.floor(rnd() * 60) });
  }
  return rows;
}

export function ip6addrctlText(rows) {
  return rows.map((r) => `${formatIPv6(r.prefix)}/${r.length}\t${r.precedence}\t${r.label}\n`).join('');
}

/** A gai.conf with a label line and a precedence line per row (so 2 lines per row). */
export function gaiText(rows) {
  const label = rows.map((r) => `label ${formatIPv6(r.prefix)}/${r.length} ${r.label}\n`).join('');
  const precedence = rows.map((r) => `precedence ${formatIPv6(r.prefix)}/${r.length} ${r.precedence}\n`).join('');
  return label + precedence;
}

/** `count` typical files: the repository's good fixtures, copied round-robin. */
export function writeBatch(root, dir, count) {
  mkdirSync(dir, { recursive: true });
  const sources = [];
  for (const sub of ['fixtures/freebsd', 'fixtures/glibc']) {
    for (const name of readdirSync(join(root, sub)).sort()) if (name.endsWith('.conf')) sources.push(join(root, sub, name));
  }
  const files = [];
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length];
    const dest = join(dir, `${String(i).padStart(4, '0')}-${src.split('/').pop()}`);
    copyFileSync(src, dest);
    files.push(dest);
  }
  return files;
}

export function writeTables(dir, sizes, seed) {
  mkdirSync(dir, { recursive: true });
  const out = {};
  for (const n of sizes) {
    const rows = randomRows(n, seed + n);
    const other = randomRows(n, seed + n + 1);
    out[n] = {
      ip6addrctl: join(dir, `t${n}.ip6addrctl.conf`),
      gai: join(dir, `t${n}.gai.conf`),
      otherIp6addrctl: join(dir, `u${n}.ip6addrctl.conf`),
    };
    writeFileSync(out[n].ip6addrctl, ip6addrctlText(rows));
    writeFileSync(out[n].gai, gaiText(rows));
    writeFileSync(out[n].otherIp6addrctl, ip6addrctlText(other));
  }
  return out;
}

/**
 * A table of `n` fixable lines: FreeBSD's ipv6_prefer rows, then `n` rows whose prefixes have
 * host bits set (host-bits-set offers a safe fix on each line; no-effect offers one for all).
 */
export function fixableText(n) {
  const stock = [
    '::1/128 50 0',
    '::/0 40 1',
    '::ffff:0:0/96 35 4',
    '2002::/16 30 2',
    '2001::/32 5 5',
    'fc00::/7 3 13',
    '::/96 1 3',
    'fec0::/10 1 11',
    '3ffe::/16 1 12',
  ];
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(`2001:db8:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::1/64 40 1`);
  return `${[...stock, ...rows].join('\n')}\n`;
}

export function writeFixable(dir, sizes) {
  mkdirSync(dir, { recursive: true });
  const out = {};
  for (const n of sizes) writeFileSync((out[n] = join(dir, `fix${n}.ip6addrctl.conf`)), fixableText(n));
  return out;
}
