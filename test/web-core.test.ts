// The playground's plain parts, without a browser: its link format, its byte decoding against
// the CLI's own (src/cli/input.ts), its host-file reading, and that the page reaches the core
// only through modules that run in a browser (the chromium tests are test/web.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeBytes as cliDecodeBytes } from '../src/cli/input.js';
import { decodeBytes, encodeText } from '../web/bytes.js';
import { chooseDialect, convertPage, explainPage, lintPage } from '../web/core.js';
import { encodeBytes, formatFragment, parseFragment, percentBytes } from '../web/fragment.js';
import { sourcesOfHostFile } from '../web/host-file.js';
import { lintText } from '../src/lint/lint.js';
import { DEFAULT_CONFIG } from '../src/model/config.js';
import { ROOT } from './support/generators.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('the link format', () => {
  test('%XX is a byte, + is a plus, a lone % is itself, other characters are their UTF-8 bytes', () => {
    expect(percentBytes('a%20b')).toEqual(ascii('a b'));
    expect(percentBytes('1+1')).toEqual(ascii('1+1'));
    expect(percentBytes('%ff%FE')).toEqual(bytes(0xff, 0xfe));
    expect(percentBytes('100%')).toEqual(ascii('100%'));
    expect(percentBytes('%zz')).toEqual(ascii('%zz'));
    expect(percentBytes('é')).toEqual(bytes(0xc3, 0xa9));
    expect(percentBytes('𝄞')).toEqual(new TextEncoder().encode('𝄞'));
  });

  test('the issue example: #name=NAME&text=TEXT', () => {
    const f = parseFragment('#name=ip6addrctl.conf&text=fc00::/7%2037%2013%0A');
    expect(new TextDecoder().decode(f.get('name'))).toBe('ip6addrctl.conf');
    expect(new TextDecoder().decode(f.get('text'))).toBe('fc00::/7 37 13\n');
  });

  test('every byte string survives formatFragment then parseFragment, and the link has no & = # % of its own', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 40 }), (text, name) => {
        const hash = formatFragment([
          ['name', name],
          ['text', text],
        ]);
        const parsed = parseFragment(hash);
        expect(parsed.get('text') ?? new Uint8Array()).toEqual(text);
        expect(parsed.get('name') ?? new Uint8Array()).toEqual(name);
        expect(encodeBytes(text)).not.toMatch(/[&=#\s]|%(?![0-9A-F]{2})/);
      }),
    );
  });
});

describe('bytes to text, as the CLI reads a file', () => {
  test("decodeBytes agrees with the CLI's on any bytes, and the editor's text gives the same bytes back", () => {
    const utf8ish = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => new TextEncoder().encode(s)),
    );
    fc.assert(
      fc.property(utf8ish, (b) => {
        const page = decodeBytes(b);
        const cli = cliDecodeBytes('x', Buffer.from(b));
        expect({ text: page.text, encoding: page.encoding, at: page.invalidUtf8At }).toEqual({ text: cli.text, encoding: cli.encoding, at: cli.invalidUtf8At });
        expect(encodeText(page.text, page.encoding)).toEqual(b);
      }),
    );
  });

  test('what is typed into a file read byte for byte becomes UTF-8, the file keeps its bytes', () => {
    expect(encodeText('caf\u00e9 \u2192', 'latin1')).toEqual(bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0xe2, 0x86, 0x92));
  });
});

describe('the core as the page calls it', () => {
  const seed = readFileSync(join(ROOT, 'fixtures/freebsd/ula-precedence-only.ip6addrctl.conf'));

  test('the dialect comes from the name, else the content, as the CLI detects it; else one line saying what to do', () => {
    expect(chooseDialect('x/gai.conf', '', 'auto')).toEqual({ dialect: 'gai', detected: true });
    expect(chooseDialect('policy.txt', 'precedence ::1/128 50\n', 'auto')).toEqual({ dialect: 'gai', detected: true });
    expect(chooseDialect('policy.txt', '::1/128 50 0\n', 'auto')).toEqual({ dialect: 'ip6addrctl', detected: true });
    expect(chooseDialect('policy.txt', '::1/128 50 0\n', 'gai')).toEqual({ dialect: 'gai', detected: false });
    const unknown = chooseDialect('notes.txt', 'hello\n', 'auto');
    expect(unknown).toEqual({ problem: expect.stringMatching(/^notes\.txt: cannot tell whether .* choose the dialect$/) });
  });

  test("lintPage is lintText on the file's decoded bytes", () => {
    const page = lintPage(decodeBytes(seed), 'ip6addrctl', 'ip6addrctl.conf', DEFAULT_CONFIG);
    const cli = lintText(seed.toString('utf8'), { dialect: 'ip6addrctl', filePath: 'ip6addrctl.conf', config: DEFAULT_CONFIG, encoding: 'utf8' });
    expect(page.messages).toEqual(cli.messages);
    expect(page.messages.map((m) => m.ruleId)).toEqual(['ula-gua-label-mismatch']);
  });

  test('convertPage refuses a file with errors unless forced, and says the verdict', () => {
    const broken = decodeBytes(new TextEncoder().encode('lable fc00::/7 1\nprecedence ::/0 40\n'));
    const refused = convertPage(broken, 'gai', 'ip6addrctl', false);
    expect(refused.verdict).toBe('refused');
    expect(refused.output).toBeNull();
    expect(refused.lines.at(-1)).toMatch(/^not converted: 1 error\(s\)\./);
    expect(convertPage(broken, 'gai', 'ip6addrctl', true).verdict).toBe('equivalent');
    expect(convertPage(decodeBytes(bytes(0x23, 0xff, 0x0a)), 'gai', 'ip6addrctl', false)).toMatchObject({ verdict: 'refused', output: null });
  });

  test('explainPage: the seed story, and one line for a bad address', () => {
    const result = explainPage(decodeBytes(seed), 'ip6addrctl', {
      platform: 'freebsd',
      sources: ['fd00::10/64', '192.0.2.10/24'],
      destinations: ['2001:db8::1', '198.51.100.7'],
    });
    if (!('simulation' in result)) throw new Error(result.problem);
    expect(result.simulation.order).toEqual(['198.51.100.7', '2001:db8::1']);
    expect(result.simulation.steps.map((s) => s.rule)).toEqual([5]);
    expect(explainPage(decodeBytes(seed), 'ip6addrctl', { platform: 'freebsd', sources: ['fd00::zz/64'], destinations: ['2001:db8::1'] })).toEqual({
      problem: 'bad host address "fd00::zz/64": not an IPv4 or IPv6 address',
    });
  });

  test("a host file's addresses: interfaces that are up, in order, deprecated marked, zones dropped", () => {
    const host = JSON.stringify({
      interfaces: [
        { name: 'lo0', addresses: [{ address: '::1/128' }] },
        { name: 'em0', addresses: [{ address: 'fe80::1%em0/64' }, { address: 'fd00::10/64', flags: ['deprecated'] }, { address: '192.0.2.10/24' }] },
        { name: 'em1', up: false, addresses: [{ address: '2001:db8::9/64' }] },
      ],
      routes: [],
    });
    expect(sourcesOfHostFile(host)).toEqual({ sources: ['::1/128', 'fe80::1/64', 'deprecated fd00::10/64', '192.0.2.10/24'] });
    expect(sourcesOfHostFile('{')).toEqual({ problem: expect.stringMatching(/^host file: not JSON \(.*\); give the JSON that doctor --dump-host writes$/) });
    expect(sourcesOfHostFile('{}')).toEqual({ problem: 'host file: no "interfaces" list; give the JSON that doctor --dump-host writes' });
  });
});

test('web/ reaches the core only through modules that run in a browser: no src/cli, src/host or Node API', () => {
  const files = readdirSync(join(ROOT, 'web')).filter((f) => f.endsWith('.ts'));
  expect(files).toEqual(expect.arrayContaining(['app.ts', 'core.ts', 'bytes.ts', 'fragment.ts', 'host-file.ts']));
  const bad: string[] = [];
  for (const f of files) {
    const code = readFileSync(join(ROOT, 'web', f), 'utf8');
    for (const m of code.matchAll(/from\s+'([^']+)'/g)) if (/^node:|\/src\/(cli|host)\//.test(m[1]!) || !m[1]!.startsWith('.')) bad.push(`${f}: ${m[1]}`);
  }
  expect(bad).toEqual([]);
});
