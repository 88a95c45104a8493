import { memoryIO } from './support/memory-io.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command as diff } from '../src/cli/commands/diff.js';

const dir = mkdtempSync(join(tmpdir(), 'policylint-diff-'));
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), name);
const io = () => memoryIO(dir);

test('equivalent policies in different dialects: exit 0', async () => {
  const a = file('a.gai.conf', '');
  const b = file(
    'b.ip6addrctl.conf',
    '::1/128 50 0\n::/0 40 1\n2002::/16 30 2\n::/96 20 3\n::ffff:0:0/96 10 4\nfec0::/10 40 5\nfc00::/7 40 6\n2001::/32 40 7\n',
  );
  const { io: cio, out } = io();
  expect(await diff.run({ a, b }, cio)).toBe(0);
  expect(out.stdout).toMatch(/give every address the same precedence and label/);
});

test('differences are address ranges with old and new values: exit 1', async () => {
  const a = file('c.ip6addrctl.conf', '::/0 40 1\n');
  const b = file('d.ip6addrctl.conf', '::/0 40 1\n2001:db8::/32 50 1\n::ffff:0:0/96 100 4\n');
  const { io: cio, out } = io();
  expect(await diff.run({ a, b }, cio)).toBe(1);
  expect(out.stdout).toMatch(/^::ffff:0\.0\.0\.0\/96: precedence 40, label 1 -> precedence 100, label 4$/m);
  expect(out.stdout).toMatch(/^2001:db8::\/32: precedence 40, label 1 -> precedence 50, label 1$/m);
});

test('FreeBSD no match is shown as such', async () => {
  const a = file('e.ip6addrctl.conf', '::1/128 50 0\n');
  const b = file('f.gai.conf', 'precedence ::1/128 50\nlabel ::1/128 0\n');
  const { io: cio, out } = io();
  expect(await diff.run({ a, b }, cio)).toBe(1);
  expect(out.stdout).toMatch(/^::\/128: no match \(precedence 0, no label\) -> precedence 40, label 1$/m);
  expect(out.stdout).toMatch(/^::2 - ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff: no match \(precedence 0, no label\) -> precedence 40, label 1$/m);
});

test('a missing file is a usage error naming it', async () => {
  const { io: cio } = io();
  await expect(diff.run({ a: 'missing.conf', b: 'a.gai.conf' }, cio)).rejects.toThrow(/missing\.conf: no such file/);
});

describe('scopev4 is part of a gai.conf meaning', () => {
  test('a scopev4 line differs from an empty gai.conf (it replaces the whole default scopev4 table)', async () => {
    const a = file('empty.gai.conf', '');
    const b = file('scope.gai.conf', 'scopev4 ::ffff:169.254.0.0/112 14\n');
    const { io: cio, out } = io();
    expect(await diff.run({ a, b }, cio)).toBe(1);
    // The line's own range, and 127/8, which falls to the implicit /96 row (global).
    expect(out.stdout.split('\n').slice(2).filter(Boolean)).toEqual(['::ffff:127.0.0.0/104: scope 2 -> 14', '::ffff:169.254.0.0/112: scope 2 -> 14']);
  });

  test("scopev4 lines that spell out glibc's defaults are the same as none", async () => {
    const a = file('none.gai.conf', '');
    const b = file('spelled.gai.conf', 'scopev4 ::ffff:169.254.0.0/112 2\nscopev4 127.0.0.0/8 2\nscopev4 0.0.0.0/0 14\n');
    const { io: cio, out } = io();
    expect(await diff.run({ a, b }, cio)).toBe(0);
    expect(out.stdout).toMatch(/and every IPv4 address the same scope/);
  });

  test("glibc's scopev4 against FreeBSD's fixed IPv4 scopes (from the address)", async () => {
    const a = file('rfc1918.gai.conf', 'scopev4 10.0.0.0/8 5\nscopev4 127.0.0.0/8 2\nscopev4 169.254.0.0/16 2\nscopev4 0.0.0.0/0 14\n');
    const b = file(
      'glibc-merged.ip6addrctl.conf',
      '::1/128 50 0\n::/0 40 1\n2002::/16 30 2\n::/96 20 3\n::ffff:0:0/96 10 4\nfec0::/10 40 5\nfc00::/7 40 6\n2001::/32 40 7\n',
    );
    const { io: cio, out } = io();
    expect(await diff.run({ a, b }, cio)).toBe(1);
    expect(out.stdout.split('\n').slice(2).filter(Boolean)).toEqual(['::ffff:10.0.0.0/104: scope 5 -> 14']);
  });
});
