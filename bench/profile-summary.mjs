#!/usr/bin/env node
// Summarize a V8 .cpuprofile (from `node --cpu-prof`): top functions by self time and by
// total (inclusive) time, and self time per source file / package.
// Usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N]');
  process.exit(2);
}
const topIndex = args.indexOf('--top');
const TOP = topIndex >= 0 ? Number(args[topIndex + 1]) : 20;

const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from the samples and their time deltas (microseconds).
const selfUs = new Map();
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  totalUs += dt;
});

const shortUrl = (url) => {
  if (!url) return '';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  return url.replace(/^file:\/\//, '').replace(/^.*\/(dist|src|grammar|bench)\//, '$1/');
};
const keyOf = (n) => {
  const f = n.callFrame;
  const name = f.functionName || '(anonymous)';
  return f.url ? `${name}  ${shortUrl(f.url)}:${f.lineNumber + 1}` : name;
};

// Self time per function, and inclusive time per function (counted once per stack).
const self = new Map();
const total = new Map();
const byFile = new Map();
for (const [id, us] of selfUs) {
  const n = nodes.get(id);
  const k = keyOf(n);
  self.set(k, (self.get(k) ?? 0) + us);
  const fileKey = n.callFrame.url ? shortUrl(n.callFrame.url).replace(/:\d+$/, '') : `(${n.callFrame.functionName || 'native'})`;
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const ck = keyOf(nodes.get(cur));
    if (seen.has(ck)) continue;
    seen.add(ck);
    total.set(ck, (total.get(ck) ?? 0) + us);
  }
}

const ms = (us) => (us / 1000).toFixed(1).padStart(9);
const pct = (us) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(us)} ms ${pct(us)}  ${k}`);
};
console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled, ${profile.samples.length} samples`);
print('top self time (function  file:line)', self);
print('top total time (inclusive)', new Map([...total].filter(([k]) => !/^\((root|program|idle)\)/.test(k))));
print('self time by file / package', byFile);
