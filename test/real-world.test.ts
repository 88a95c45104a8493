// The real-world corpus (fixtures/real-world, SOURCES.md) against the verdicts written for
// it by hand before the impact rules existed (verdicts.json): every warning or error
// policylint reports must be one the verdicts expect (no false positive, no noise), and
// every warning or error the verdicts expect must be reported (nothing missed), except the
// few disagreements recorded, with reasons, in disagreements.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyFileDialect } from '../src/cli/policy-input.js';
import { lintText } from '../src/lint/lint.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'real-world');
interface Expected {
  severity: 'error' | 'warning' | 'info';
  about: string;
  line: number | null;
}
const verdicts = JSON.parse(readFileSync(join(DIR, 'verdicts.json'), 'utf8')) as Record<string, { expected: Expected[] }>;
const disagreements = JSON.parse(readFileSync(join(DIR, 'disagreements.json'), 'utf8')) as { missed: Record<string, string>; extra: Record<string, string> };
const serious = (s: string) => s === 'warning' || s === 'error';

function lint(file: string) {
  const path = join(DIR, file);
  const text = readFileSync(path).toString('latin1');
  return lintText(text, { dialect: policyFileDialect(file, text)!, filePath: file });
}

const files = Object.keys(verdicts);

describe('real-world corpus', () => {
  test('the corpus has at least 40 files of both dialects, each with a verdict', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.some((f) => f.endsWith('ip6addrctl.conf'))).toBe(true);
    expect(files.some((f) => f.endsWith('gai.conf'))).toBe(true);
  });

  test.each(files)('%s: every warning or error is one the verdict expects', (file) => {
    const expected = verdicts[file]!.expected.filter((e) => serious(e.severity));
    const unexpected = lint(file).messages.filter(
      (m) => serious(m.severity) && !expected.some((e) => e.line === null || e.line === m.line) && !disagreements.extra[`${file}@${m.line}`],
    );
    expect(unexpected.map((m) => `${m.line} ${m.severity} ${m.ruleId}: ${m.message}`)).toEqual([]);
  });

  test.each(files)('%s: every warning or error the verdict expects is reported', (file) => {
    const got = lint(file).messages.filter((m) => serious(m.severity));
    const missed = verdicts[file]!.expected.filter(
      (e) => serious(e.severity) && !got.some((m) => e.line === null || m.line === e.line) && !disagreements.missed[`${file}@${e.line}`],
    );
    expect(missed.map((e) => `${e.line} ${e.severity} ${e.about}`)).toEqual([]);
  });

  test('every recorded disagreement still applies (none is stale)', () => {
    for (const key of Object.keys(disagreements.missed)) {
      const [file, line] = key.split('@') as [string, string];
      expect(lint(file).messages.some((m) => serious(m.severity) && String(m.line) === line)).toBe(false);
    }
  });

  test('every message is one line of at most 300 characters', () => {
    for (const file of files) for (const m of lint(file).messages) expect([file, m.message.length <= 300 && !m.message.includes('\n')]).toEqual([file, true]);
  });
});
