// Bundled by bench/run.mjs (esbuild, into a temp dir) and run in a fresh process per
// measurement: reads two policy files (not timed), then times the exact equivalence
// check itself, comparePolicies(modelOf(a), modelOf(b)), as `policylint convert` runs it.
// Usage: node equivalence-child.js A DIALECT_A B DIALECT_B [repeats] [--convert-to DIALECT OUT]
// (--convert-to: instead, write A's translation to OUT with convertPolicy, as `convert` does.)
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { convertPolicy } from '../src/convert/convert.js';
import { readPolicy, type ConvertDialect } from '../src/dialects/registry.js';
import { comparePolicies } from '../src/convert/equivalence.js';
import { modelOf } from '../src/model/policy-meaning.js';

const [aPath, aDialect, bPath, bDialect, repeatsText] = process.argv.slice(2);
const a = readPolicy(aDialect as ConvertDialect, readFileSync(aPath!, 'utf8'));
const b = readPolicy(bDialect as ConvertDialect, readFileSync(bPath!, 'utf8'));
const convertAt = process.argv.indexOf('--convert-to');
if (convertAt >= 0) {
  const result = convertPolicy(a, process.argv[convertAt + 1] as ConvertDialect);
  if (!result.check.equivalent) throw new Error('translation is not equivalent');
  writeFileSync(process.argv[convertAt + 2]!, result.output);
  process.exit(0);
}
const repeats = Number(repeatsText ?? 1);
const times: number[] = [];
let equivalent = false;
let regions = 0;
for (let i = 0; i < repeats; i++) {
  const t0 = performance.now();
  const result = comparePolicies(modelOf(a.policy, a.semantics), modelOf(b.policy, b.semantics));
  times.push(performance.now() - t0);
  equivalent = result.equivalent;
  regions = result.regions.length;
}
process.stdout.write(JSON.stringify({ first: times[0], times, equivalent, regions, rows: [a.policy.entries.length, b.policy.entries.length] }) + '\n');
