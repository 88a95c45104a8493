#!/usr/bin/env node
// `npm run test:fast`: the inner-loop check, well under a minute on 2 cores. It builds, then
// runs the type check, the lint and the fast Jest run (TEST_FAST=1: test/support/fast-suites.mjs)
// side by side, since each alone leaves a core idle. The web project's type check, the slow
// suites and the per-file rule runs are `npm test`'s.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Run a step with its output held back, so the steps' outputs do not interleave. */
function step(name, command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output }));
  });
}

const results = await Promise.all([
  step('tsc', bin('tsc'), ['--noEmit', '--incremental', '--tsBuildInfoFile', join(ROOT, 'node_modules', '.cache', 'policylint-tsc.tsbuildinfo')]),
  step('lint', 'npm', ['run', '--silent', 'lint']),
  step('jest', bin('jest'), [], { TEST_FAST: '1', NODE_OPTIONS: '--experimental-vm-modules' }),
]);
for (const r of results) {
  process.stdout.write(`\n# ${r.name}: ${r.code === 0 ? 'passed' : `failed (exit ${r.code})`}\n${r.code === 0 && r.name !== 'jest' ? '' : r.output}`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
