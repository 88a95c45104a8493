// Every parser quirk from semantics.md (and its verification), as the readers decide it:
// the diagnostic, and what the real system ends up using.
import { parseIPv6 } from '../src/model/address.js';
import { readGaiConfRendered as readGaiConf, readIp6addrctlRendered as readIp6addrctl } from './support/read-rendered.js';
import { effectiveTable, lookup } from '../src/model/effective-table.js';
import { cAtoi, cStrtoul } from '../src/model/c-numbers.js';

const addr = (s: string) => parseIPv6(s)!;
const v4 = (s: string) => (0xffffn << 32n) | BigInt(s.split('.').reduce((n, p) => n * 256 + Number(p), 0));

describe('C number parsing', () => {
  test('atoi as FreeBSD amd64 has it', () => {
    expect(cAtoi('forty').value).toBe(0);
    expect(cAtoi('40abc').value).toBe(40);
    expect(cAtoi('0x10').value).toBe(0);
    expect(cAtoi(' 50 1').value).toBe(50);
    expect(cAtoi('4294967295').value).toBe(-1);
    expect(cAtoi('4294967296').value).toBe(0);
    expect(cAtoi('99999999999999999999').value).toBe(-1); // strtol clamps to LONG_MAX, the cast keeps 0xffffffff
    expect(cAtoi('-3').value).toBe(-3);
  });
  test('strtoul as glibc checks it', () => {
    expect(cStrtoul('-0')).toEqual({ value: 0n, complete: true });
    expect(cStrtoul('+05')).toEqual({ value: 5n, complete: true });
    expect(cStrtoul('-1').value).toBe((1n << 64n) - 1n);
    expect(cStrtoul('5abc').complete).toBe(false);
    expect(cStrtoul('').complete).toBe(true);
  });
});

describe('FreeBSD ip6addrctl install', () => {
  const read = (t: string) => readIp6addrctl(t);
  test('whole-line comments only; # later on a line is field text or ignored text', () => {
    const r = read('  # comment\n::1/128 50 0 # loopback\n::/0 #40 1\n');
    expect(r.policy.comments.map((c) => c.text)).toEqual(['# comment', '# loopback']);
    expect(r.policy.entries[1]).toMatchObject({ precedence: { value: 0 }, label: { value: 1 } }); // atoi("#40") = 0
  });
  test('one parse failure installs nothing', () => {
    const r = read('::/0 40 1\n::1 50 0\n');
    expect(r.policy.installable).toBe(false);
    expect(effectiveTable(r.policy).sorts).toBe(false);
    expect(r.diagnostics.find((d) => d.ruleId === 'missing-prefix-length')?.message).toContain('parse failed at line 2');
  });
  test('empty /LEN: atoi reads the precedence field as the length too', () => {
    const r = read('::/ 50 1\n');
    expect(r.policy.entries[0]).toMatchObject({ prefix: { length: 50 }, precedence: { value: 50 }, label: { value: 1 } });
  });
  test('a CRLF blank line is a parse failure, CRLF rows are fine', () => {
    expect(read('::/0 40 1\r\n').policy.installable).toBe(true);
    const r = read('::/0 40 1\r\n\r\n');
    expect(r.policy.installable).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'crlf-line-ending', span: { start: { line: 2, column: 1 } } });
  });
  test('a last line of blanks without a newline is a parse failure', () => {
    expect(read('::/0 40 1\n  ').policy.installable).toBe(false);
    expect(read('::/0 40 1\n  \n').policy.installable).toBe(true);
  });
  test('first duplicate wins, host bits masked, label -1 refused by the kernel', () => {
    const r = read('2001:db8::1/32 10 7\n2001:db8::/32 20 8\n2001:db8:1::/48 30 -1\n::/0 40 1\n');
    const t = effectiveTable(r.policy);
    expect(lookup(t, addr('2001:db8::5'))).toMatchObject({ precedence: 10, label: 7 });
    expect(lookup(t, addr('2001:db8:1::5'))).toMatchObject({ precedence: 10, label: 7 });
  });
  test('no match gives precedence 0 and label -1', () => {
    const t = effectiveTable(read('::1/128 50 0\n').policy);
    expect(lookup(t, addr('2001:db8::1'))).toMatchObject({ precedence: 0, label: -1 });
    expect(lookup(t, v4('192.0.2.1'))).toMatchObject({ precedence: 0, label: -1 });
  });
  test('lines over 2047 bytes are parsed in pieces, and counted', () => {
    const r = read(`::/0 40 1\n# ${'x'.repeat(3000)}\n::1 50 0\n`);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['line-too-long', 'parse-error', 'missing-prefix-length']);
    expect(r.diagnostics[2]!.message).toContain('parse failed at line 4'); // the long line counts twice
  });
  test('IPv4 literals, zones and missing fields', () => {
    expect(read('10.0.0.0/8 40 1\n').diagnostics[0]!.message).toContain('::ffff:10.0.0.0/104');
    expect(read('fe80::%em0/64 1 1\n').diagnostics[0]!.ruleId).toBe('zone-in-prefix');
    expect(read('::/0 40\n').diagnostics[0]).toMatchObject({ ruleId: 'parse-error', severity: 'error' });
  });
  test('a numeric zone outside 32 bits is out of range, also on a link-local address', () => {
    const r = readIp6addrctl('fe80::%4294967296/64 40 1\n', { interfaces: ['lo0', 'em0'] });
    expect(r.install.outcome).toBe('aborted');
    expect(r.diagnostics[0]!.message).toContain('(a numeric zone must be 0 to 4294967295)');
  });
  test('the IPv4-compatible ::a.b.c.d is ::/96 space, not mapped', () => {
    const p = read('::10.0.0.0/104 40 1\n').policy.entries[0]!;
    expect('prefix' in p && p.prefix.address).toBe(0x0a000000n);
  });
});

describe('glibc gaiconf_init', () => {
  const read = (t: string, glibcVersion = '2.41') => readGaiConf(t, { glibcVersion });
  test('comments anywhere, CRLF, extra words', () => {
    const r = read('label ::/0 1#2\r\nprecedence ::/0 30 extra words\n');
    expect(r.policy.entries).toMatchObject([
      { kind: 'label', value: { value: 1 } },
      { kind: 'precedence', value: { value: 30 } },
    ]);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['ignored-text']);
  });
  test('keywords are case-sensitive and unknown lines are ignored', () => {
    const r = read('Label ::/0 5\nlable ::/0 5\n');
    expect(r.policy.entries).toEqual([]);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['keyword-case', 'unknown-keyword']);
  });
  test('missing /LEN: /128 on 2.41+, dropped on 2.36', () => {
    expect(read('label ::1 3\n').policy.entries[0]).toMatchObject({ prefix: { length: 128, lengthImplicit: true } });
    expect(read('label ::1 3\n', '2.36').policy.entries).toEqual([]);
  });
  test('empty value and empty /LEN: rejected on 2.41+, 0 before', () => {
    expect(read('label fc00::/7\n').policy.entries).toEqual([]);
    expect(read('label fc00::/7\n', '2.36').policy.entries[0]).toMatchObject({ value: { value: 0 } });
    expect(read('label 2002::/ 2\n', '2.36').policy.entries[0]).toMatchObject({ prefix: { length: 0 } });
  });
  test('number forms', () => {
    expect(read('label ::/0 -0\n').policy.entries[0]).toMatchObject({ value: { value: 0 } });
    expect(read('label ::/+0 05\n').policy.entries[0]).toMatchObject({ prefix: { length: 0 }, value: { value: 5 } });
    for (const bad of ['0x10', '-1', '2147483648', '5abc']) expect(read(`label ::/0 ${bad}\n`).policy.entries).toEqual([]);
    expect(read('label ::/0 2147483647\n').policy.entries).toHaveLength(1);
    expect(read('label ::/129 1\n').policy.entries).toEqual([]);
  });
  test('IPv4 literal, zone and brackets are rejected', () => {
    for (const p of ['10.0.0.0/8', 'fe80::%lo/64', '[::1]/128']) expect(read(`label ${p} 1\n`).policy.entries).toEqual([]);
  });
  test('partial tables replace the defaults; implicit ::/0', () => {
    const t = effectiveTable(read('precedence ::ffff:0:0/96 100\n').policy);
    expect(t.fromDefaults).toEqual({ label: true, precedence: false, scopev4: true });
    expect(lookup(t, 1n).precedence).toBe(40); // ::1 lost its 50
    expect(lookup(t, v4('198.51.100.7'))).toMatchObject({ precedence: 100, label: 4 });
    expect(lookup(t, addr('fd00::1'))).toMatchObject({ precedence: 40, label: 6 });
  });
  test('any /0 row stops the implicit ::/0', () => {
    const t = effectiveTable(read('label 2001:db8::/0 5\nlabel ::1/128 0\n').policy);
    expect(lookup(t, addr('2001:db8::1')).label).toBe(5);
    expect(t.labels.rows.some((r) => r.origin === 'implicit')).toBe(false);
  });
  test('first duplicate wins; host bits ignored', () => {
    const t = effectiveTable(read('label 2001:db8::1/32 7\nlabel 2001:db8::/32 8\n').policy);
    expect(lookup(t, addr('2001:db8::9')).label).toBe(7);
  });
  test('scopev4 forms and ranges', () => {
    const r = read('scopev4 169.254.0.0/16 2\nscopev4 ::ffff:10.0.0.0/104 5\nscopev4 10.0.0.0/33 1\nscopev4 ::ffff:0.0.0.0/95 1\nscopev4 2001:db8::/32 1\n');
    expect(r.policy.entries.map((e) => 'prefix' in e && e.prefix.length)).toEqual([112, 104]);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['value-out-of-range', 'value-out-of-range', 'parse-error']);
  });
  test('scopev4 without /LEN warns of the 2.36 crash', () => {
    expect(read('scopev4 10.0.0.0 5\n').diagnostics[0]!.message).toContain('SIGSEGV');
  });
  test('reload: only the exact yes; the last line wins', () => {
    const r = read('reload yes\nreload Yes\n');
    expect(r.policy.entries.map((e) => e.kind === 'reload' && e.enabled)).toEqual([true, false]);
  });
  test('a NUL byte ends the line for glibc', () => {
    const r = read('label ::/0 1\0 junk\n');
    expect(r.policy.entries[0]).toMatchObject({ value: { value: 1 } });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['nul-byte']);
  });
});
