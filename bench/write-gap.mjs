#!/usr/bin/env node
// The window in which a concurrent edit of a file being rewritten is lost (issue 13): the
// gap from the write path's last check to its rename call, and the rename call itself, as
// the real CLI measures them (POLICYLINT_DEBUG=1 prints both), for `--fix` and `convert -o`.
// Run by bench/run.mjs (section 5), or alone: `node bench/write-gap.mjs [--runs N] [--bin PATH]`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXABLE = '# site table\n::1/128        50  0 loopback\n::/0           40  1\n';
const GAI = '# site\nlabel ::1/128 0\nlabel ::/0 1\nprecedence ::1/128 50\nprecedence ::/0 40\n';
const TIMING = /: ([\d.]+) µs from the last check to the rename, which took ([\d.]+) µs$/m;

/** One write; returns [gap µs, rename µs]. */
function timedWrite(bin, args) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, POLICYLINT_DEBUG: '1' }, timeout: 120000 });
  const m = r.stderr.match(TIMING);
  if (!m) throw new Error(`bench: ${args.join(' ')}: no write timing in its output (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
  return [Number(m[1]), Number(m[2])];
}

const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `${median.toFixed(1)} µs [${s[0].toFixed(1)}–${s[s.length - 1].toFixed(1)}]`;
};

/** Measure and print; `work` is a scratch folder (a real disk: a fsync must cost what it costs). */
export function reportWriteGap({ bin = join(ROOT, 'bin/policylint.cjs'), work = tmpdir(), runs = 15 } = {}) {
  const dir = mkdtempSync(join(work, 'write-gap-'));
  try {
    const policy = join(dir, 'policy.ip6addrctl.conf');
    const source = join(dir, 'in.gai.conf');
    writeFileSync(source, GAI);
    const cases = [
      {
        id: '--fix',
        run: () => {
          writeFileSync(policy, FIXABLE);
          return timedWrite(bin, [policy, '--fix']);
        },
      },
      { id: 'convert -o (over a file)', run: () => timedWrite(bin, ['convert', source, '--to', 'ip6addrctl', '-o', join(dir, 'out.conf')]) },
    ];
    console.log(`\n5. the write path: last check → rename (µs; median [min–max] of ${runs} writes; a change in this window is lost)`);
    for (const c of cases) {
      const samples = Array.from({ length: runs }, () => c.run());
      const gap = summary(samples.map((s) => s[0]));
      const rename = summary(samples.map((s) => s[1]));
      console.log(`  ${c.id.padEnd(32)} check → rename call ${gap}; the rename call ${rename}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  reportWriteGap({ ...(option('--bin') ? { bin: resolve(option('--bin')) } : {}), runs: Number(option('--runs') ?? 15) });
}
