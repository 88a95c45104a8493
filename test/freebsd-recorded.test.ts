// The recorded FreeBSD runs (fixtures/freebsd-recorded/records/install.jsonl, made by
// running FreeBSD's own ip6addrctl, libc and kernel code on a host with lo0 and em0) are
// the truth: the reader must predict every one, outcome, table and messages alike.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIp6addrctl } from '../src/dialects/ip6addrctl-reader.js';
import type { InstallRun } from '../src/dialects/freebsd-install.js';
import { lintText } from '../src/lint/lint.js';
import { DEFAULT_CONFIG } from '../src/model/config.js';
import { RULES } from '../src/rules/catalog.js';

/** The rules the ip6addrctl reader reports: what install does with a line. */
const READER_RULES = new Set(RULES.filter((r) => r.meta.phase === 'reader').map((r) => r.meta.id));

const RECORDS = join(import.meta.dirname, '..', 'fixtures', 'freebsd-recorded', 'records');
const HOST = ['lo0', 'em0'];

interface Row {
  prefix: string;
  length: number;
  precedence: number;
  label: number;
  scope: number;
}
type Recorded = { exit: number; rows: Row[]; stderr: string } | { undefinedAtLine: number };
interface InstallRecord {
  name: string;
  file_base64: string;
  freebsd: Recorded;
}

const records: InstallRecord[] = readFileSync(join(RECORDS, 'install.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

/** Text as policylint's CLI decodes a file: UTF-8 if it is, else one character per byte. */
function decode(bytes: Buffer): { text: string; encoding: 'utf8' | 'latin1' } {
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? { text: utf8, encoding: 'utf8' } : { text: bytes.toString('latin1'), encoding: 'latin1' };
}

const groups = (v: bigint) => v.toString(16).padStart(32, '0').match(/.{4}/g)!.join(':');

/** policylint's prediction in the record's own shape. */
function predicted(run: InstallRun): Recorded {
  if (run.outcome === 'undefined') return { undefinedAtLine: run.line! };
  return {
    exit: run.outcome === 'installed' ? 0 : 1,
    rows: (run.rows ?? []).map((r) => ({ prefix: groups(r.address), length: r.length, precedence: r.precedence, label: r.label, scope: r.scopeId })),
    stderr: run.stderr,
  };
}

describe('every recorded ip6addrctl install agrees', () => {
  test('the records cover every outcome', () => {
    expect(records.length).toBe(2000);
    const kinds = new Set(records.map((r) => ('undefinedAtLine' in r.freebsd ? 'undefined' : `exit ${r.freebsd.exit}`)));
    expect([...kinds].sort()).toEqual(['exit 0', 'exit 1', 'undefined']);
  });

  test('outcome, kernel table in order, and what ip6addrctl prints (--interfaces lo0,em0)', () => {
    const disagreeing = records.filter((r) => {
      const { text, encoding } = decode(Buffer.from(r.file_base64, 'base64'));
      const run = readIp6addrctl(text, { encoding, interfaces: HOST }).install!;
      return JSON.stringify(predicted(run)) !== JSON.stringify(r.freebsd);
    });
    expect(disagreeing.map((r) => r.name)).toEqual([]);
  });

  test('the lint messages say what FreeBSD does: the aborting line, undefined behaviour, one line of at most 300 characters', () => {
    const config = { ...DEFAULT_CONFIG, interfaces: HOST };
    const problems: string[] = [];
    for (const r of records) {
      const { text, encoding } = decode(Buffer.from(r.file_base64, 'base64'));
      const result = lintText(text, { dialect: 'ip6addrctl', encoding, config, filePath: r.name });
      const errors = result.messages.filter((m) => m.severity === 'error').map((m) => m.message);
      for (const m of result.messages) {
        if (m.ruleId === 'internal-error' || (READER_RULES.has(m.ruleId) && (m.message.length > 300 || /[\n\r]/.test(m.message))))
          problems.push(`${r.name}: ${m.ruleId}: ${m.message}`);
      }
      const f = r.freebsd;
      if ('undefinedAtLine' in f) {
        if (!errors.some((m) => m.includes(`from line ${f.undefinedAtLine} on depends on memory contents`)))
          problems.push(`${r.name}: no undefined-behaviour error`);
      } else if (f.exit === 1) {
        const line = /parse failed at line (\d+)/.exec(f.stderr)![1];
        if (!errors.some((m) => m.includes(`"parse failed at line ${line}"`))) problems.push(`${r.name}: no error for line ${line}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('without --interfaces, a named zone makes the outcome depend on the host', () => {
    const run = readIp6addrctl('::/0 40 1\nfe80::%em0/64 40 1\n').install!;
    expect({ outcome: run.outcome, line: run.line, rows: run.rows }).toEqual({ outcome: 'depends-on-interfaces', line: 2, rows: null });
    expect(readIp6addrctl('fe80::%em0/64 40 1\n', { interfaces: ['lo0'] }).install!.outcome).toBe('aborted');
    expect(readIp6addrctl('fe80::%em0/64 40 1\n', { interfaces: ['lo0', 'em0'] }).install!.rows![0]!.scopeId).toBe(2);
  });
});

describe("fixtures/freebsd-recorded: one recorded file per class, FreeBSD's record as the expectation", () => {
  const dir = join(RECORDS, '..');
  const names = readdirSync(dir).filter((n) => n.endsWith('.ip6addrctl.conf'));
  test('there are a few dozen', () => expect(names.length).toBeGreaterThanOrEqual(25));
  test.each(names)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(dir, name.replace('.ip6addrctl.conf', '.freebsd.json')), 'utf8'));
    const bytes = readFileSync(join(dir, name));
    // Each one is a verbatim recorded file.
    expect(records.find((r) => r.name === expected.record)!.file_base64).toBe(bytes.toString('base64'));
    const { text, encoding } = decode(bytes);
    expect(predicted(readIp6addrctl(text, { encoding, interfaces: HOST }).install!)).toEqual(expected.freebsd);
  });
});
