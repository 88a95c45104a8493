#!/usr/bin/env node
// policylint's benchmark: `npm run bench` (builds first), or `node bench/run.mjs`.
//
// Measures, side by side in one run, with the runs of each group interleaved round by
// round so that they share the machine's noise:
//   1. cold start: `policylint FIXTURE` vs `node -e 0`, and where the difference goes
//      (loading the bundle, compiling it without the code cache, the lint work itself),
//      and two more typical files (a prefer-IPv4 one-liner, a 9-row table with a finding);
//   2. batch: 1,000 typical files in one invocation vs one file;
//   3. scale: lint and convert of generated 10k- and 100k-row tables (time, peak RSS);
//   3b. max: lint, convert and diff at the allowed maximum (500k rows), each against a Node
//       script that only reads the same file and splits it into lines (issue 13);
//   3c. fix: --fix-dry-run on 10k, 40k and 100k fixable lines (linear, issue 13);
//   4. the exact equivalence check on two 10k-row tables (timed in-process);
//   5. the playground: its gzipped size, and load to first findings in chromium beside the CLI (bench/web.mjs);
//   6. the write path's gap between its last check and the rename (bench/write-gap.mjs).
// Every figure is a median over several runs, with min-max; each line says PASS/FAIL
// against its budget (issue #6). Inputs are generated (seeded) into a temp dir.
//
// Options: --quick (fewer runs), --strict (exit 1 when a budget fails; default: exit 0,
// it is a report), --bin PATH (another policylint entry point), --keep (keep the temp
// dir), --json FILE (also write the figures as JSON), --only cold,batch,scale,max,fix,equiv,web,gap.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { writeBatch, writeFixable, writeTables } from './generate.mjs';
import { reportWriteGap } from './write-gap.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const QUICK = flag('--quick');
const STRICT = flag('--strict');
const BIN = resolve(option('--bin') ?? join(ROOT, 'bin/policylint.cjs'));
const ONLY = new Set((option('--only') ?? 'cold,batch,scale,max,fix,equiv,web,gap').split(','));
const SEED = 6724;
const NODE = process.execPath;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const KILLER = existsSync('/usr/bin/timeout') ? '/usr/bin/timeout' : null;
/** Per-invocation limit: a run over it counts as a FAIL and its case is not run again. */
const TIMEOUT_MS = Number(option('--timeout') ?? (QUICK ? 60 : 120)) * 1000;

const RUNS = QUICK
  ? { cold: 7, batch: 3, scale10k: 3, scale100k: 1, max: 1, fix: 1, equiv: 3 }
  : { cold: 21, batch: 7, scale10k: 5, scale100k: 3, max: 3, fix: 3, equiv: 7 };

const BUDGET = { cold: 1.4, batch: 10, lint100kMs: 1500, lint100kMB: 300, scaleRatio: 12, equivMs: 300, maxVsRead: 25, maxMB: 1024, fixRatio: 12 };

if (!existsSync(BIN)) {
  console.error(`bench: ${BIN} does not exist; run \`npm run build\` first (or pass --bin)`);
  process.exit(STRICT ? 1 : 0);
}

const work = mkdtempSync(join(tmpdir(), 'policylint-bench-'));
const results = [];
let failed = 0;

// ---------------------------------------------------------------- measuring

/**
 * Run a command once: wall time (ms, measured here) and peak RSS (MB, from /usr/bin/time).
 * `toFile`: standard output goes to a file, as `policylint diff a b > out` would, not through
 * a pipe into this process (diff prints 174 MB for two 500k-row tables, and decoding that
 * here would be timed as policylint's).
 */
function runOnce(cmd, cmdArgs, { okCodes = [0, 1], env, toFile = false } = {}) {
  const rssFile = join(work, 'rss.txt');
  // coreutils' timeout kills the measured process itself: spawnSync's own timeout would kill
  // only /usr/bin/time and leave the process running, orphaned, on the shared machine.
  const limited = KILLER ? [KILLER, '-s', 'KILL', String(TIMEOUT_MS / 1000), cmd, ...cmdArgs] : [cmd, ...cmdArgs];
  const [file, argv] = TIME ? [TIME, ['-f', '%M', '-o', rssFile, ...limited]] : [limited[0], limited.slice(1)];
  const out = toFile ? openSync(join(work, 'stdout.txt'), 'w') : 'pipe';
  const t0 = performance.now();
  const r = spawnSync(file, argv, {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', out, 'pipe'],
    timeout: TIMEOUT_MS + 5000,
    killSignal: 'SIGKILL',
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  const ms = performance.now() - t0;
  if (toFile) closeSync(out);
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL' || (KILLER && r.status === 137))
    return { ms: Infinity, mb: NaN, stdout: '', stderr: '', status: null, timedOut: true };
  if (r.error) throw r.error;
  if (!okCodes.includes(r.status)) {
    throw new Error(`${cmd} ${cmdArgs.join(' ')}: exit ${r.status}\n${r.stderr.slice(0, 2000)}`);
  }
  let mb = NaN;
  if (TIME) {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    mb = Number(lines[lines.length - 1]) / 1024;
  }
  return { ms, mb, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Interleave: each round runs every case once, in a rotating order. */
function interleaved(cases, rounds) {
  const samples = cases.map(() => []);
  const dead = cases.map(() => false);
  // One warm-up round (page cache, lazy disk reads), not counted unless it timed out.
  cases.forEach((c, i) => {
    const r = c.run();
    if (r.timedOut) {
      dead[i] = true;
      samples[i].push(r);
    }
  });
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + round) % cases.length;
      if (dead[i]) continue;
      const r = cases[i].run();
      samples[i].push(r);
      if (r.timedOut) dead[i] = true;
    }
  }
  return samples;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const num = (x) => (x === Infinity ? `>${TIMEOUT_MS / 1000} s` : x.toFixed(x < 100 ? 1 : 0));
const fmtMs = (s) => (s.median === Infinity ? `TIMEOUT (killed after ${TIMEOUT_MS / 1000} s)` : `${num(s.median)} ms [${num(s.min)}–${num(s.max)}]`);
const fmtMB = (s) => (Number.isNaN(s.median) ? 'n/a' : `${s.median.toFixed(0)} MB [${s.min.toFixed(0)}–${s.max.toFixed(0)}]`);

function verdict(value, budget) {
  const ok = value <= budget; // NaN (a timed-out run on both sides) fails too
  if (!ok) failed++;
  return ok ? 'PASS' : 'FAIL';
}

function line(name, text, value, budget, unit) {
  const v = budget === undefined ? '' : `  budget ≤ ${budget}${unit}  ${verdict(value, budget)}`;
  console.log(`${name.padEnd(34)} ${text}${v}`);
}

function record(id, data) {
  results.push({ id, ...data });
}

const lint =
  (...files) =>
  () =>
    runOnce(NODE, [BIN, ...files]);

// ---------------------------------------------------------------- header

const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
console.log(`policylint bench: node ${process.version}, ${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM`);
console.log(`bin: ${BIN}${QUICK ? '  (--quick)' : ''}; peak RSS ${TIME ? 'from /usr/bin/time -f %M' : 'not measured (no /usr/bin/time)'}; temp dir ${work}`);
console.log('figures: median [min–max] of wall time per invocation; runs interleaved round by round\n');

try {
  // ------------------------------------------------------------ 1. cold start
  if (ONLY.has('cold')) {
    const fixture = join(ROOT, 'fixtures/freebsd/ipv6-prefer.ip6addrctl.conf');
    // Typical files beside the stock table (issue 10): the prefer-IPv4 one-liner gai.conf and a
    // 9-row table with one finding (the impact engine simulates its scenarios at start).
    const typical = [
      { id: 'prefer-ipv4.gai.conf (one line)', file: join(ROOT, 'fixtures/glibc/prefer-ipv4.gai.conf') },
      { id: 'ula-precedence-only (9 rows, 1 finding)', file: join(ROOT, 'fixtures/freebsd/ula-precedence-only.ip6addrctl.conf') },
    ];
    // A gai.conf with only a comment: Chevrotain and the gai.conf reader start, no line to judge.
    const commentOnly = join(work, 'comment-only.gai.conf');
    writeFileSync(commentOnly, '# nothing but a comment\n');
    // The breakdown cases run in the same rounds, so their differences share the noise.
    const cases = [
      { run: lint(fixture) },
      { run: () => runOnce(NODE, ['-e', '0']) },
      { run: () => runOnce(NODE, [BIN, '--version']) }, // load the bundle, do nothing
      { run: () => runOnce(NODE, [BIN, fixture], { env: { POLICYLINT_CODE_CACHE: '0' } }) }, // compile it from source
      { run: lint(commentOnly) },
      ...typical.map((t) => ({ run: lint(t.file) })),
    ];
    const [pl, base, load, uncached, gaiStart, ...others] = interleaved(cases, RUNS.cold).map((s) => stats(s.map((x) => x.ms)));
    const ratio = pl.median / base.median;
    const ms = (x) => `${x >= 0 ? '' : '−'}${Math.abs(x).toFixed(1)} ms`;
    console.log('1. cold start');
    line('  node -e 0', fmtMs(base));
    line('  policylint ipv6-prefer.ip6addrctl.conf', fmtMs(pl));
    line('  ratio', `${ratio.toFixed(2)}×`, ratio, BUDGET.cold, '×');
    console.log(`  where the ${ms(pl.median - base.median)} over node go (differences of medians):`);
    console.log(`    loading the bundle (read, code cache, top-level code): ${ms(load.median - base.median)}  (policylint --version ${fmtMs(load)})`);
    console.log(`    linting the file (arguments, read, rules, output; an ip6addrctl.conf needs no Chevrotain): ${ms(pl.median - load.median)}`);
    console.log(
      `    without the code cache, compiling would add: ${ms(uncached.median - pl.median)}  (POLICYLINT_CODE_CACHE=0: ${fmtMs(uncached)}, ${(uncached.median / base.median).toFixed(2)}×)`,
    );
    const typicalRecords = typical.map((t, i) => {
      const s = others[i];
      const r = s.median / base.median;
      line(`  policylint ${t.id}`, fmtMs(s));
      line('  ratio', `${r.toFixed(2)}×  (linting it: ${ms(s.median - load.median)})`, r, BUDGET.cold, '×');
      if (t.file.endsWith('.gai.conf'))
        console.log(
          `    of which Chevrotain's start and the gai.conf reader: ${ms(gaiStart.median - load.median)} (a comment-only gai.conf, ${fmtMs(gaiStart)}); judging its line (rules, impact): ${ms(s.median - gaiStart.median)}`,
        );
      return { id: t.id, policylint: s, ratio: r };
    });
    record('cold', { policylint: pl, node: base, load, uncached, gaiStart, ratio, typical: typicalRecords });
  }

  // ------------------------------------------------------------ 2. batch
  if (ONLY.has('batch')) {
    const files = writeBatch(ROOT, join(work, 'batch'), 1000);
    const [many, one] = interleaved([{ run: lint(...files) }, { run: lint(files[0]) }], RUNS.batch).map((s) => stats(s.map((x) => x.ms)));
    const ratio = many.median / one.median;
    console.log("\n2. batch (the repository's 26 good fixtures, copied round-robin)");
    line('  1 file', fmtMs(one));
    line('  1,000 files, one invocation', fmtMs(many));
    line('  ratio', `${ratio.toFixed(2)}×  (${((many.median - one.median) / 999).toFixed(2)} ms per extra file)`, ratio, BUDGET.batch, '×');
    record('batch', { one, many, ratio });
  }

  // ------------------------------------------------------------ 3. scale
  let tables;
  if (ONLY.has('scale') || ONLY.has('equiv')) tables = writeTables(join(work, 'tables'), [10_000, 100_000], SEED);
  if (ONLY.has('scale')) {
    console.log('\n3. scale (random valid rows, seeded; gai.conf: a label and a precedence line per row)');
    const ops = [
      { id: 'lint ip6addrctl', file: (n) => tables[n].ip6addrctl, extra: [] },
      { id: 'lint gai', file: (n) => tables[n].gai, extra: [] },
      { id: 'convert ip6addrctl → gai', file: (n) => tables[n].ip6addrctl, extra: ['--to', 'gai'], convert: true },
      { id: 'convert gai → ip6addrctl', file: (n) => tables[n].gai, extra: ['--to', 'ip6addrctl'], convert: true },
    ];
    const measured = {};
    for (const n of [10_000, 100_000]) {
      const cases = ops.map((op) => ({
        run: () => runOnce(NODE, op.convert ? [BIN, 'convert', op.file(n), ...op.extra] : [BIN, op.file(n)]),
      }));
      const samples = interleaved(cases, n === 10_000 ? RUNS.scale10k : RUNS.scale100k);
      ops.forEach((op, i) => {
        measured[`${op.id} ${n}`] = { time: stats(samples[i].map((x) => x.ms)), mb: stats(samples[i].map((x) => x.mb)) };
      });
    }
    for (const op of ops) {
      const small = measured[`${op.id} 10000`];
      const big = measured[`${op.id} 100000`];
      const ratio = big.time.median === Infinity && small.time.median === Infinity ? NaN : big.time.median / small.time.median;
      const isLint = !op.convert;
      console.log(`  ${op.id}`);
      line('    10k rows', `${fmtMs(small.time)}  peak ${fmtMB(small.mb)}`);
      line('    100k rows', fmtMs(big.time), big.time.median, isLint ? BUDGET.lint100kMs : undefined, ' ms');
      line('    100k rows peak RSS', fmtMB(big.mb), big.mb.median, isLint && TIME ? BUDGET.lint100kMB : undefined, ' MB');
      line('    100k / 10k time', Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a (timed out)', ratio, BUDGET.scaleRatio, '×');
      record(`scale ${op.id}`, { small, big, ratio });
    }
  }

  // ------------------------------------------------------------ 3b. the allowed maximum
  if (ONLY.has('max')) {
    const sizes = [100_000, 500_000];
    const big = writeTables(join(work, 'max'), sizes, SEED);
    // The reference: a Node script that reads the file and splits it into lines, nothing more.
    const READ = "require('fs').readFileSync(process.argv[1],'utf8').split('\\n').length";
    const ops = [
      { id: 'read and split (reference)', run: (n) => runOnce(NODE, ['-e', READ, big[n].ip6addrctl], { toFile: true }), reference: true },
      { id: 'lint ip6addrctl', run: (n) => runOnce(NODE, [BIN, big[n].ip6addrctl], { toFile: true }) },
      { id: 'convert ip6addrctl → gai', run: (n) => runOnce(NODE, [BIN, 'convert', big[n].ip6addrctl, '--to', 'gai'], { toFile: true }) },
      { id: 'diff two ip6addrctl tables', run: (n) => runOnce(NODE, [BIN, 'diff', big[n].ip6addrctl, big[n].otherIp6addrctl], { toFile: true }) },
    ];
    console.log('\n3b. the allowed maximum (random valid rows, seeded; budget: 25x read-and-split, 1 GB)');
    const measured = {};
    for (const n of sizes) {
      const samples = interleaved(
        ops.map((op) => ({ run: () => op.run(n) })),
        RUNS.max,
      );
      ops.forEach((op, i) => {
        measured[`${op.id} ${n}`] = { time: stats(samples[i].map((x) => x.ms)), mb: stats(samples[i].map((x) => x.mb)) };
      });
    }
    const ref = measured[`read and split (reference) 500000`];
    for (const op of ops) {
      const mid = measured[`${op.id} 100000`];
      const top = measured[`${op.id} 500000`];
      const vsRead = top.time.median / ref.time.median;
      console.log(`  ${op.id}`);
      line('    100k rows', `${fmtMs(mid.time)}  peak ${fmtMB(mid.mb)}`);
      line('    500k rows', `${fmtMs(top.time)}  peak ${fmtMB(top.mb)}`);
      if (!op.reference) {
        line('    500k vs read-and-split', Number.isFinite(vsRead) ? `${vsRead.toFixed(1)}×` : 'n/a (timed out)', vsRead, BUDGET.maxVsRead, '×');
        line('    500k peak RSS', fmtMB(top.mb), top.mb.median, TIME ? BUDGET.maxMB : undefined, ' MB');
      }
      const ratio = top.time.median / mid.time.median;
      line('    500k / 100k time', Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a (timed out)');
      record(`max ${op.id}`, { mid, top, vsRead, ratio });
    }
  }

  // ------------------------------------------------------------ 3c. --fix-dry-run
  if (ONLY.has('fix')) {
    const sizes = [10_000, 40_000, 100_000];
    const files = writeFixable(join(work, 'fix'), sizes);
    const samples = interleaved(
      sizes.map((n) => ({ run: () => runOnce(NODE, [BIN, '--fix-dry-run', files[n]]) })),
      RUNS.fix,
    );
    const s = sizes.map((_, i) => ({ time: stats(samples[i].map((x) => x.ms)), mb: stats(samples[i].map((x) => x.mb)) }));
    console.log('\n3c. --fix-dry-run, fixable lines (a host-bits-set fix on each line, a no-effect fix over all)');
    sizes.forEach((n, i) => line(`  ${n / 1000}k lines`, `${fmtMs(s[i].time)}  peak ${fmtMB(s[i].mb)}`));
    const r40 = s[1].time.median / s[0].time.median;
    const r100 = s[2].time.median / s[0].time.median;
    line('  40k / 10k time', Number.isFinite(r40) ? `${r40.toFixed(2)}×  (linear: 4×)` : 'n/a (timed out)');
    line('  100k / 10k time', Number.isFinite(r100) ? `${r100.toFixed(2)}×  (linear: 10×)` : 'n/a (timed out)', r100, BUDGET.fixRatio, '×');
    record('fix', { sizes, times: s, r40, r100 });
  }

  // ------------------------------------------------------------ 4. equivalence
  if (ONLY.has('equiv')) {
    const { build } = await import('esbuild');
    const child = join(work, 'equivalence-child.mjs');
    await build({
      absWorkingDir: ROOT,
      entryPoints: [join(ROOT, 'bench/equivalence-child.ts')],
      outfile: child,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    // The check `convert` runs: a 10k-row table and its translation (equivalent), and
    // two unrelated 10k-row tables (not equivalent: every run differs, the worst case).
    const converted = join(work, 'tables/t10000-converted.gai.conf');
    // (Made in-process from the bundled sources: `policylint convert` itself may be slow.)
    const conv = runOnce(
      NODE,
      [child, tables[10_000].ip6addrctl, 'ip6addrctl', tables[10_000].ip6addrctl, 'ip6addrctl', '1', '--convert-to', 'gai', converted],
      { okCodes: [0] },
    );
    if (conv.timedOut) throw new Error('making the gai translation timed out');
    const pairs = [
      { id: 'ip6addrctl vs its gai translation', args: [tables[10_000].ip6addrctl, 'ip6addrctl', converted, 'gai'] },
      { id: 'two unrelated ip6addrctl tables', args: [tables[10_000].ip6addrctl, 'ip6addrctl', tables[10_000].otherIp6addrctl, 'ip6addrctl'] },
    ];
    const samples = interleaved(
      pairs.map((p) => ({
        run: () => {
          const r = runOnce(NODE, [child, ...p.args, '3'], { okCodes: [0] });
          return r.timedOut ? { timedOut: true, first: Infinity, times: [Infinity, Infinity, Infinity], equivalent: '?', regions: '?' } : JSON.parse(r.stdout);
        },
      })),
      RUNS.equiv,
    );
    console.log('\n4. exact equivalence check, two 10k-row tables (first call in a fresh process; warm = 3rd call)');
    pairs.forEach((p, i) => {
      const first = stats(samples[i].map((x) => x.first));
      const warm = stats(samples[i].map((x) => x.times[2]));
      const s = samples[i][0];
      line(`  ${p.id}`, `${fmtMs(first)}  warm ${fmtMs(warm)}  (equivalent: ${s.equivalent}, ${s.regions} regions)`, first.median, BUDGET.equivMs, ' ms');
      record(`equiv ${p.id}`, { first, warm, equivalent: s.equivalent, regions: s.regions });
    });
  }
  if (ONLY.has('web')) {
    const { benchWeb } = await import('./web.mjs');
    await benchWeb({ root: ROOT, work, rounds: RUNS.cold, lintOnce: (f) => runOnce(NODE, [BIN, f]), stats, fmtMs, line, record });
  }
  if (ONLY.has('gap')) reportWriteGap({ bin: BIN, work, runs: QUICK ? 5 : 15 });
} finally {
  if (!flag('--keep')) rmSync(work, { recursive: true, force: true });
}

console.log(`\n${failed === 0 ? 'all budgets met' : `${failed} budget(s) not met`}${STRICT ? '' : ' (report only; --strict makes a failure exit 1)'}`);
const jsonOut = option('--json');
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ node: process.version, cpus: cpus().length, quick: QUICK, results }, null, 2));
}
process.exitCode = STRICT && failed > 0 ? 1 : 0;
