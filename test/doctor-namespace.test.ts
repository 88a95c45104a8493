// doctor end to end, on a real Linux host built in a private user + mount + network namespace
// (test/support/doctor-namespace.sh: the seed's host B, whose interface towards the site holds
// only a ULA): its prediction is the order the real glibc returns, its proposed fix, written to
// the namespace's /etc/gai.conf, really turns the site name IPv6-first as it claims, and
// leaves the internet name IPv4-first. Skipped (one line) without the namespace machinery;
// fails under CI=true.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPolicy } from '../src/dialects/registry.js';
import { predictHost } from '../src/host/predict.js';
import { effectiveTable } from '../src/model/effective-table.js';
import type { HostFile } from '../src/model/host-file.js';
import { glibcOracleAvailable } from './oracle/glibc-oracle.mjs';
import { cliCommand } from './support/cli-command.js';
import { ROOT } from './support/generators.js';
import { systemTool } from './support/system-tool.js';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const validDoctorJson = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'doctor.schema.json'), 'utf8')));

const availability = await glibcOracleAvailable();
const namespace = systemTool({
  tool: 'unshare -rmn with ip and veth (user+mount+network namespaces) on glibc',
  missing: availability.ok ? null : availability.reason,
  skips: "doctor's end-to-end run on a namespace host (test/doctor-namespace.test.ts)",
  get: 'run on Linux with glibc, util-linux and iproute2 where user namespaces are permitted',
  skipEnv: 'POLICYLINT_SKIP_GLIBC_ORACLE',
});

interface DoctorJson {
  host: HostFile;
  results: {
    name: string;
    addresses: string[];
    predicted: { order: string[]; sources: Record<string, string | null> };
    observed: { order: string[] } | null;
    agrees: boolean | null;
  }[];
  findings: { severity: string; message: string }[];
  fix: { dialect: 'gai'; text: string; command: string } | null;
}

function doctor(dir: string): { code: number | null; json: DoctorJson; stderr: string } {
  const script = join(ROOT, 'test', 'support', 'doctor-namespace.sh');
  const r = spawnSync(
    'unshare',
    [
      '-rmn',
      'sh',
      script,
      dir,
      process.execPath,
      ...cliCommand(),
      'doctor',
      '--format',
      'json',
      '--dump-host',
      join(dir, 'host.json'),
      'site.example',
      'www.example',
    ],
    {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  if (!r.stdout) throw new Error(`doctor printed nothing (exit ${r.status}): ${r.stderr}`);
  const json: unknown = JSON.parse(r.stdout);
  if (!validDoctorJson(json)) throw new Error(`doctor's JSON does not match schema/doctor.schema.json: ${JSON.stringify(validDoctorJson.errors)}`);
  return { code: r.status, json: JSON.parse(r.stdout) as DoctorJson, stderr: r.stderr };
}

namespace.describe('doctor on a namespace host whose interface holds only a ULA', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-doctor-'));
  writeFileSync(
    join(dir, 'hosts'),
    '127.0.0.1 localhost\n2001:db8:1:2::20 site.example\n198.51.100.7 site.example\n3fff:0:2::1 www.example\n198.51.100.8 www.example\n',
  );

  test('predicts the real order, explains rule 5, and its fix really changes the real order as claimed', () => {
    const before = doctor(dir);
    expect(before.code).toBe(1);
    // The schema is not vacuous.
    expect(validDoctorJson({ ...before.json, fix: { dialect: 'netsh', text: '', command: '' } })).toBe(false);
    const [site, www] = before.json.results;
    // The prediction is glibc's real order.
    expect(site!.observed!.order).toEqual(['198.51.100.7', '2001:db8:1:2::20']);
    expect(site!.agrees).toBe(true);
    expect(www!.agrees).toBe(true);
    expect(site!.predicted.sources['2001:db8:1:2::20']).toBe('fd00:1::10');
    expect(before.json.findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/only source towards 2001:db8:1:2::20 is the ULA fd00:1::10 \(rule 5/),
    );
    for (const f of before.json.findings) expect(f.message.length).toBeLessThanOrEqual(300);
    // The fix is generate's table for this host's own prefixes, and --dump-host wrote the host it read.
    expect(before.json.fix!.command).toBe('policylint generate --ula fd00:1::/64 --gua 2001:db8:1::/48 --to gai');
    const dumped = JSON.parse(readFileSync(join(dir, 'host.json'), 'utf8')) as HostFile;
    expect(dumped).toEqual(before.json.host);
    // What the fix claims: the order predicted for this host under it.
    const fixed = effectiveTable(readPolicy('gai', before.json.fix!.text).policy);
    const claimed = before.json.results.map((r) => predictHost(dumped, 'glibc', r.addresses, fixed).order);
    expect(claimed[0]![0]).toBe('2001:db8:1:2::20');

    writeFileSync(join(dir, 'gai.in'), before.json.fix!.text);
    const after = doctor(dir);
    expect(after.json.results.map((r) => r.observed!.order)).toEqual(claimed);
    expect(after.json.results[1]!.observed!.order[0]).toBe('198.51.100.8'); // the internet stays IPv4-first
    expect(after.json.fix).toBeNull();
    expect(after.code).toBe(0);
  }, 120_000);
});
