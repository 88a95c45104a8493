// Writers: same-dialect round trips keep comments and row order, use the aligned
// layout, keep the EOL, and gai.conf output never has a partial table.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readGaiConfRendered as readGaiConf, readIp6addrctlRendered as readIp6addrctl } from './support/read-rendered.js';
import { writeGai } from '../src/dialects/gai-writer.js';
import { writeIp6addrctl } from '../src/dialects/ip6addrctl-writer.js';
import { comparePolicies } from '../src/convert/equivalence.js';
import { modelOf } from '../src/model/policy-meaning.js';

const FIXTURES = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'fixtures');
const fixtureFiles = (suffix: string) =>
  ['freebsd', 'glibc', 'broken', 'convert'].flatMap((dir) => {
    try {
      return readdirSync(join(FIXTURES, dir))
        .filter((f) => f.endsWith(suffix))
        .map((f) => join(FIXTURES, dir, f));
    } catch {
      return [];
    }
  });

const commentTexts = (text: string) => text.split(/\r?\n/).flatMap((l) => (l.includes('#') ? [l.slice(l.indexOf('#')).trimEnd()] : []));
const trimmed = (t: string) => t.trimEnd();

describe('ip6addrctl writer', () => {
  const source = '# header\n\n::1/128 50 0 # loopback\n# IPv4\n::ffff:0:0/96\t35 4\n2001:db8::1/32 5 7\n';
  const out = writeIp6addrctl(readIp6addrctl(source).policy);

  test('canonical layout: padded prefix column, right-aligned numbers, comments kept in place', () => {
    expect(out).toBe(
      '# header\n\n' + '::1/128             50      0  # loopback\n' + '# IPv4\n' + '::ffff:0:0/96       35      4\n' + '2001:db8::/32        5      7\n',
    );
  });

  test('the output reads back without errors and means the same', () => {
    const again = readIp6addrctl(out);
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(comparePolicies(modelOf(readIp6addrctl(source).policy, 'freebsd'), modelOf(again.policy, 'freebsd')).equivalent).toBe(true);
    expect(writeIp6addrctl(again.policy)).toBe(out); // idempotent
  });

  test('CRLF is kept, and no blank line is written (FreeBSD reads "\\r" as a broken entry)', () => {
    const crlf = writeIp6addrctl(readIp6addrctl('# a\r\n::1/128 50 0\r\n\n::/0 40 1\r\n').policy);
    expect(crlf).toBe('# a\r\n::1/128             50      0\r\n::/0                40      1\r\n');
    expect(readIp6addrctl(crlf).policy.installable).toBe(true);
  });

  test.each(fixtureFiles('ip6addrctl.conf'))('round trip keeps comments and row order: %s', (file) => {
    const { policy, diagnostics } = readIp6addrctl(readFileSync(file, 'utf8'));
    if (!policy.installable || diagnostics.some((d) => d.severity === 'error')) return;
    const out = writeIp6addrctl(policy);
    const again = readIp6addrctl(out).policy;
    expect(again.comments.map((c) => c.text)).toEqual(policy.comments.map((c) => c.text));
    expect(again.entries.map((e) => e.kind === 'row' && [e.prefix.length, e.precedence.value, e.label.value])).toEqual(
      policy.entries.map((e) => e.kind === 'row' && [e.prefix.length, e.precedence.value, e.label.value]),
    );
    expect(comparePolicies(modelOf(policy, 'freebsd'), modelOf(again, 'freebsd')).equivalent).toBe(true);
  });
});

describe('gai.conf writer', () => {
  test('keeps comments (whole-line and trailing), order and alignment', () => {
    const source = '# site\nlabel ::1/128 0 # lo\nlabel ::/0 1\n\n# prefer v4\nprecedence ::ffff:0:0/96 100\nprecedence ::/0 40\n';
    const out = writeGai(readGaiConf(source).policy);
    expect(out).toBe(
      '# site\n' +
        'label       ::1/128             0  # lo\n' +
        'label       ::/0                1\n\n' +
        '# prefer v4\n' +
        'precedence  ::ffff:0:0/96     100\n' +
        'precedence  ::/0               40\n',
    );
  });

  test('label lines without precedence lines: glibc default precedences are written, with a comment', () => {
    const out = writeGai(readGaiConf('label ::/0 1\nlabel fd00::/8 9\n').policy);
    expect(out).toContain("# glibc's built-in precedence table, written out");
    expect(out).toMatch(/^precedence\s+::1\/128\s+50$/m);
    expect(out).toMatch(/^precedence\s+::ffff:0:0\/96\s+10$/m);
  });

  test('the one-line prefer-IPv4 file gets its implicit ::/0 and the default labels spelled out', () => {
    const source = 'precedence ::ffff:0:0/96 100\n';
    const out = writeGai(readGaiConf(source).policy);
    expect(out).toMatch(/# glibc adds this row itself.*\nprecedence\s+::\/0\s+40\n/);
    expect(out).toMatch(/^label\s+2001::\/32\s+7$/m);
    expect(out).not.toMatch(/^precedence\s+::1\/128/m); // the partial precedence table is what it is
    expect(comparePolicies(modelOf(readGaiConf(source).policy, 'glibc'), modelOf(readGaiConf(out).policy, 'glibc')).equivalent).toBe(true);
  });

  test('CRLF is kept; scopev4 written as IPv4; reload kept', () => {
    const out = writeGai(readGaiConf('scopev4 ::ffff:169.254.0.0/112 2\r\nreload yes\r\n').policy);
    expect(out).toBe('scopev4  169.254.0.0/16      2\r\nreload   yes\r\n');
  });

  test.each(fixtureFiles('gai.conf'))('round trip keeps comments and means the same: %s', (file) => {
    const { policy } = readGaiConf(readFileSync(file, 'utf8'));
    const out = writeGai(policy);
    const again = readGaiConf(out);
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Every comment glibc's reader saw on a valid or comment line is still there, in order.
    const kept = commentTexts(out);
    let at = 0;
    for (const c of policy.comments.filter((c) => !c.trailing || policy.entries.some((e) => e.comment === c))) {
      at = kept.indexOf(trimmed(c.text), at);
      expect(at).toBeGreaterThanOrEqual(0);
      at++;
    }
    expect(comparePolicies(modelOf(policy, 'glibc'), modelOf(again.policy, 'glibc')).equivalent).toBe(true);
  });
});
