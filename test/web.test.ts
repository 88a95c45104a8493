// The playground (issue 16) in a real browser: Debian's chromium, driven by playwright-core,
// on the page `npm run build:web` makes, opened from file:// as a user would open it from disk.
// The seed story end to end (a shared link shows the finding without a click; paste, fix,
// convert, explain, share), and the page's findings against the CLI's JSON on every golden
// fixture. Screenshots go to artefacts/web/ (git-ignored) to be looked at.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { RULE_IDS } from '../src/rules/catalog.js';
import { chromiumTool, launchChromium, type Browser } from './support/chromium.js';
import { cliCommand } from './support/cli-command.js';
import { ROOT } from './support/generators.js';

const browserTests = chromiumTool('the playground browser tests (test/web.test.ts)');
const ARTEFACTS = join(ROOT, 'artefacts', 'web');
/** Issue 16: the whole page, gzipped. */
const MAX_PAGE_GZIP = 400 * 1024;

/** FreeBSD's rc.d default table with fc00::/7 raised to precedence 37 and its label left at 13: the seed story. */
const SEED = readFileSync(join(ROOT, 'fixtures/freebsd/ipv6-prefer.ip6addrctl.conf'), 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .join('\n')
  .replace(/^(\tfc00::\/7\t) {2}3(\t13)$/m, '$1 37$2');

/** Every byte as %XX: the fragment's own encoding, independent of how the page writes its links. */
const percent = (bytes: Uint8Array) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const link = (name: string, bytes: Uint8Array, extra = '') => `#name=${encodeURIComponent(name)}&text=${percent(bytes)}${extra}`;

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...cliCommand(), ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status === null || r.status > 1) throw new Error(`policylint ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r;
}

/** The fixture folders test/golden.test.ts reads, from its own source, so the two lists cannot drift. */
function goldenFixtures(): string[] {
  const source = readFileSync(join(ROOT, 'test/golden.test.ts'), 'utf8');
  const folders = /const FOLDERS = \[([^\]]+)\]/
    .exec(source)![1]!
    .match(/'([^']+)'/g)!
    .map((s) => s.slice(1, -1));
  return folders.flatMap((folder) =>
    readdirSync(join(ROOT, 'fixtures', folder))
      .filter((name) => name.endsWith('.conf'))
      .map((name) => join('fixtures', folder, name)),
  );
}

/** The little of the DOM the functions run in the page touch (the root tsconfig has no DOM types). */
interface PageElement {
  readonly dataset: Record<string, string | undefined>;
  readonly textContent: string | null;
  readonly id: string;
  readonly href: string;
  readonly value: string;
  readonly selectionStart: number;
  querySelector(selector: string): PageElement | null;
}
interface PageWindow {
  readonly document: {
    readonly body: PageElement;
    readonly activeElement: PageElement | null;
    readonly documentElement: { readonly scrollWidth: number };
    getElementById(id: string): PageElement;
  };
  readonly location: { hash: string };
  getComputedStyle(element: PageElement): { readonly backgroundColor: string };
}

interface ShownFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** A CLI JSON message as the page shows it (the fields the page draws). */
const asShown = (m: ShownFinding): ShownFinding => ({
  ruleId: m.ruleId,
  severity: m.severity,
  line: m.line,
  column: m.column,
  endLine: m.endLine,
  endColumn: m.endColumn,
  message: m.message,
});

async function shownFindings(page: Page): Promise<ShownFinding[]> {
  return page.locator('#findings > li').evaluateAll((items: PageElement[]) =>
    items.map((li) => ({
      ruleId: li.dataset.rule ?? '',
      severity: li.dataset.severity ?? '',
      line: Number(li.dataset.line),
      column: Number(li.dataset.column),
      endLine: Number(li.dataset.endLine),
      endColumn: Number(li.dataset.endColumn),
      message: li.querySelector('.message')!.textContent ?? '',
    })),
  );
}

const bodyData = (page: Page, key: string) => page.evaluate((k) => (globalThis as unknown as PageWindow).document.body.dataset[k] as string | undefined, key);

/** Do something that re-lints, and wait until the page has drawn every panel for it. */
async function afterRun(page: Page, action: () => Promise<unknown>) {
  const before = await bodyData(page, 'done');
  await action();
  await page.waitForFunction((b) => {
    const d = (globalThis as unknown as PageWindow).document.body.dataset;
    return d.done !== b && d.done === d.linted && d.pending === undefined;
  }, before);
}

browserTests.describe('the playground in chromium', () => {
  let out: string;
  let pageUrl: string;
  let browser: Browser;
  const problems: string[] = [];

  async function open(fragment = ''): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    // From disk, with nothing fetched from anywhere: every request is the page's own file:// URL.
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) problems.push(`request to ${r.url()}`);
    });
    await page.goto(pageUrl + fragment);
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as PageWindow).document.body.dataset;
      return d.done !== undefined && d.done === d.linted;
    });
    return page;
  }

  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage });

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'policylint-web-'));
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs'), '--outdir', out], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build-web failed:\n${built.stdout}\n${built.stderr}`);
    pageUrl = pathToFileURL(join(out, 'index.html')).href;
    mkdirSync(ARTEFACTS, { recursive: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  afterEach(() => {
    // A page error, a console complaint or a request off the disk fails the test that caused it.
    const seen = problems.splice(0);
    expect(seen).toEqual([]);
  });

  test(`the page is one file of at most ${MAX_PAGE_GZIP / 1024} KB gzipped, and every rule has its docs page`, () => {
    const page = readFileSync(join(out, 'index.html'));
    expect(gzipSync(page).length).toBeLessThanOrEqual(MAX_PAGE_GZIP);
    expect(gunzipSync(gzipSync(page)).equals(page)).toBe(true);
    // No module scripts, no second script file: file:// allows neither.
    expect(page.toString('utf8')).not.toMatch(/<script[^>]*\b(type="module"|src=)/);
    const docs = readdirSync(join(out, 'docs/rules'));
    for (const id of RULE_IDS) expect(docs).toContain(`${id}.html`);
  });

  test('a shared link to the seed table shows ula-gua-label-mismatch and "rule 5" without any click', async () => {
    const page = await open(link('ip6addrctl.conf', new TextEncoder().encode(SEED)));
    await shot(page, '1-shared-link-seed');
    const findings = await shownFindings(page);
    expect(findings.map((f) => f.ruleId)).toEqual(['ula-gua-label-mismatch']);
    expect(findings[0]!.message).toMatch(/^Rule 5: /);
    expect(await page.locator('#findings').textContent()).toContain('ula-gua-label-mismatch');
    // And the explain panel, with the story's host and names, says which rule decides: rule 5.
    expect(await page.locator('#steps li[data-rule]').first().textContent()).toMatch(/^rule 5 198\.51\.100\.7 before 2001:db8::1: rule 5: /);
    // The editor holds the file byte for byte, tabs and all.
    expect(await page.locator('#text').inputValue()).toBe(SEED);
    // The gutter marks the finding's line.
    expect(await page.locator('#gutter .mark').allInnerTexts()).toEqual([String(findings[0]!.line)]);
    await page.close();
  });

  test('paste the seed table, see the finding, fix it, convert it, explain it: as the CLI says', async () => {
    const page = await open();
    await afterRun(page, async () => {
      await page.locator('#name').fill('ip6addrctl.conf');
      await page.locator('#text').fill('');
      await page.locator('#text').focus();
      await page.keyboard.insertText(SEED); // what a paste does: one input event with the text
    });
    const dir = mkdtempSync(join(tmpdir(), 'policylint-web-seed-'));
    try {
      const file = join(dir, 'ip6addrctl.conf');
      writeFileSync(file, SEED);
      const cliFindings = (text: string) => {
        writeFileSync(file, text);
        return JSON.parse(cli(['--format', 'json', file]).stdout)[0].messages.map(asShown);
      };
      const explainCli = (text: string) => {
        writeFileSync(file, text);
        return JSON.parse(
          cli(['explain', '--policy', file, '--source', 'fd00::10/64', '--source', '192.0.2.10/24', '--format', 'json', '2001:db8::1', '198.51.100.7']).stdout,
        );
      };
      const impactCli = (text: string) => {
        writeFileSync(file, text);
        return JSON.parse(cli(['explain', '--scenarios', '--policy', file, '--format', 'json']).stdout).impact;
      };
      const shownOrder = () => page.locator('#order tbody tr td:nth-child(2)').allInnerTexts();
      const shownSources = () => page.locator('#order tbody tr td:nth-child(3)').allInnerTexts();
      const shownRules = () =>
        page.locator('#steps li[data-rule]').evaluateAll((li: PageElement[]) => li.map((l) => (l.dataset.rule === 'null' ? null : Number(l.dataset.rule))));

      // Broken: the finding, and IPv4 first by rule 5, exactly as the CLI says.
      expect(await shownFindings(page)).toEqual(cliFindings(SEED));
      let sim = explainCli(SEED);
      expect(sim.order).toEqual(['198.51.100.7', '2001:db8::1']);
      expect(await shownOrder()).toEqual(sim.order);
      expect(await shownSources()).toEqual(sim.order.map((d: string) => sim.sources[d]));
      expect(await shownRules()).toEqual(sim.steps.map((s: { rule: number }) => s.rule));
      expect(await page.locator('#steps').textContent()).toContain('rule 5');
      expect(await page.locator('#impact tbody tr').count()).toBe(impactCli(SEED).impacts.length);
      await shot(page, '2-pasted-seed');

      // Fix it with the finding's own fix: the finding goes, and IPv6 comes first.
      await afterRun(page, () => page.locator('#findings .fix').first().click());
      const fixed = await page.locator('#text').inputValue();
      expect(fixed).toMatch(/^\s*fc00::\/7\s+37\s+1$/m);
      expect(await shownFindings(page)).toEqual(cliFindings(fixed));
      expect((await shownFindings(page)).map((f) => f.ruleId)).not.toContain('ula-gua-label-mismatch');
      sim = explainCli(fixed);
      expect(sim.order[0]).toBe('2001:db8::1');
      expect(await shownOrder()).toEqual(sim.order);
      expect(await shownRules()).toEqual(sim.steps.map((s: { rule: number }) => s.rule));
      expect(await page.locator('#impact tbody tr').count()).toBe(impactCli(fixed).impacts.length);

      // The conversion to gai.conf is the CLI's, byte for byte, and proven equivalent.
      writeFileSync(file, fixed);
      const converted = cli(['convert', file, '--to', 'gai']);
      expect(converted.status).toBe(0);
      expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('equivalent');
      expect(await page.locator('#converted').inputValue()).toBe(converted.stdout);
      await shot(page, '3-fixed-converted-explained');

      // Another target, chosen: the same again.
      await afterRun(page, () => page.locator('#to').selectOption('json'));
      expect(await page.locator('#converted').inputValue()).toBe(cli(['convert', file, '--to', 'json']).stdout);

      // A host file instead of the addresses: the page simulates the whole host, as `explain --host`.
      const host = {
        interfaces: [
          { name: 'lo0', addresses: [{ address: '::1/128' }] },
          { name: 'em0', addresses: [{ address: '2001:db8:1::10/64', flags: ['deprecated'] }, { address: 'fd00::10/64' }, { address: '192.0.2.10/24' }] },
        ],
        routes: [{ to: '::/0', dev: 'em0' }],
      };
      await page.locator('#explain details summary').click();
      await afterRun(page, () => page.locator('#host').fill(JSON.stringify(host, null, 2)));
      const hostPath = join(dir, 'host.json');
      writeFileSync(hostPath, JSON.stringify(host));
      const withHost = JSON.parse(cli(['explain', '--policy', file, '--host', hostPath, '--format', 'json', '2001:db8::1', '198.51.100.7']).stdout);
      // No IPv4 route in this host: the IPv4 destination has no source (the flattened addresses would have given one).
      expect(withHost.sources['198.51.100.7']).toBeNull();
      expect(await shownOrder()).toEqual(withHost.order);
      expect(await shownSources()).toEqual(withHost.order.map((d: string) => withHost.sources[d] ?? 'no usable source'));
      await shot(page, '3b-host-file');
      await afterRun(page, () => page.locator('#host').fill(''));

      // Share: the link in the address bar opens the same file, with the same findings and choices.
      await page.locator('#share').click();
      const shared = page.url();
      expect(shared).toContain('#name=ip6addrctl.conf');
      const again = await open(new URL(shared).hash);
      expect(await again.locator('#text').inputValue()).toBe(fixed);
      expect(await again.locator('#to').inputValue()).toBe('json');
      expect(await shownFindings(again)).toEqual(await shownFindings(page));
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await page.close();
    }
  });

  test('bytes that are not UTF-8 survive a link, and read as the CLI reads them', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('# caf'), 0xe9, ...new TextEncoder().encode(` latin1\n${SEED}`)]);
    const page = await open(link('ip6addrctl.conf', bytes));
    const dir = mkdtempSync(join(tmpdir(), 'policylint-web-bytes-'));
    try {
      const file = join(dir, 'ip6addrctl.conf');
      writeFileSync(file, bytes);
      const expected = JSON.parse(cli(['--format', 'json', file]).stdout)[0].messages.map((m: ShownFinding) => [m.ruleId, m.line, m.column, m.message]);
      expect((await shownFindings(page)).map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual(expected);
      expect(expected.map((m: string[]) => m[0])).toContain('invalid-utf8');
      // The page's own link keeps the byte: %E9, not the two bytes of UTF-8's é.
      await page.locator('#share').click();
      expect(new URL(page.url()).hash).toContain('caf%E9');
      // `+` is a plus, not a space.
      await afterRun(page, () => page.evaluate(() => ((globalThis as unknown as PageWindow).location.hash = '#name=gai.conf&text=label%20::1/128+0%0A')));
      expect(await page.locator('#text').inputValue()).toBe('label ::1/128+0\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await page.close();
    }
  });

  test('open a file or drop one: its name decides the dialect, its bytes (CRs too) are linted as the CLI lints them', async () => {
    const page = await open();
    const crlf = readFileSync(join(ROOT, 'fixtures/broken/crlf-blank-line.ip6addrctl.conf'));
    await afterRun(page, () => page.locator('#file').setInputFiles({ name: 'crlf-blank-line.ip6addrctl.conf', mimeType: 'text/plain', buffer: crlf }));
    expect(await page.locator('#name').inputValue()).toBe('crlf-blank-line.ip6addrctl.conf');
    const cliMessages = (fixture: string) =>
      JSON.parse(cli(['--format', 'json', fixture]).stdout)[0].messages.map((m: ShownFinding) => [m.ruleId, m.line, m.column, m.message]);
    const shown = async () => (await shownFindings(page)).map((f) => [f.ruleId, f.line, f.column, f.message]);
    expect(await shown()).toEqual(cliMessages('fixtures/broken/crlf-blank-line.ip6addrctl.conf'));
    expect((await shown()).map((f) => f[0])).toContain('crlf-line-ending');
    // The editor shows the CR, and the page's link keeps it as a byte.
    expect(await page.locator('#text').inputValue()).toContain('\u240d');
    await page.locator('#share').click();
    expect(new URL(page.url()).hash).toContain('%0D%0A');
    await shot(page, '7-opened-crlf-file');

    // A drop on the editor: the same path, with the dropped file's name.
    const typo = readFileSync(join(ROOT, 'fixtures/broken/keyword-typo.gai.conf'), 'utf8');
    await afterRun(page, () =>
      page.evaluate(`(() => {
        const data = new DataTransfer();
        data.items.add(new File([${JSON.stringify(typo)}], 'keyword-typo.gai.conf'));
        document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      })()`),
    );
    expect(await page.locator('#name').inputValue()).toBe('keyword-typo.gai.conf');
    expect(await page.locator('#detected').textContent()).toBe('Read as gai.conf (glibc).');
    expect(await shown()).toEqual(cliMessages('fixtures/broken/keyword-typo.gai.conf'));
    await page.close();
  });

  test("the page's findings equal the CLI's JSON on every golden fixture", async () => {
    const fixtures = goldenFixtures();
    expect(fixtures.length).toBeGreaterThan(50);
    const dir = mkdtempSync(join(tmpdir(), 'policylint-web-golden-'));
    const config = join(dir, 'policylint.json');
    writeFileSync(config, '{}\n');
    // As test/golden.test.ts: the recorded FreeBSD runs were made on a host with lo0 and em0.
    const recorded = (f: string) => f.includes('freebsd-recorded');
    const expected = new Map<string, ShownFinding[]>();
    for (const group of [fixtures.filter(recorded), fixtures.filter((f) => !recorded(f))]) {
      const args = ['--format', 'json', '--config', config, ...(recorded(group[0]!) ? ['--interfaces', 'lo0,em0'] : []), ...group];
      for (const r of JSON.parse(cli(args).stdout)) expected.set(r.filePath, r.messages);
    }
    rmSync(dir, { recursive: true, force: true });
    const page = await open();
    const differing: string[] = [];
    for (const fixture of fixtures) {
      const bytes = readFileSync(join(ROOT, fixture));
      await afterRun(page, () =>
        page.evaluate(
          (hash) => ((globalThis as unknown as PageWindow).location.hash = hash),
          link(basename(fixture), bytes, recorded(fixture) ? '&interfaces=lo0,em0' : ''),
        ),
      );
      const want = (expected.get(fixture) ?? []).map(asShown);
      const got = await shownFindings(page);
      if (JSON.stringify(got) !== JSON.stringify(want)) differing.push(`${fixture}:\n  page ${JSON.stringify(got)}\n  cli  ${JSON.stringify(want)}`);
    }
    await page.close();
    expect(expected.size).toBe(fixtures.length);
    expect(differing).toEqual([]);
  }, 600_000);

  test("the page's conversion equals `policylint convert --to` on the stock and real-world tables of both dialects", async () => {
    const fixtures = ['freebsd', 'glibc'].flatMap((folder) =>
      readdirSync(join(ROOT, 'fixtures', folder))
        .filter((name) => name.endsWith('.conf'))
        .map((name) => join('fixtures', folder, name)),
    );
    expect(fixtures.length).toBeGreaterThan(15);
    const page = await open();
    const differing: string[] = [];
    for (const fixture of fixtures) {
      const to = fixture.endsWith('gai.conf') ? 'ip6addrctl' : 'gai';
      const r = spawnSync(process.execPath, [...cliCommand(), 'convert', fixture, '--to', to], { cwd: ROOT, encoding: 'utf8' });
      await afterRun(page, () =>
        page.evaluate((hash) => ((globalThis as unknown as PageWindow).location.hash = hash), link(basename(fixture), readFileSync(join(ROOT, fixture)))),
      );
      const verdict = await page.locator('#verdict').getAttribute('data-verdict');
      const output = await page.locator('#converted').inputValue();
      // Written by the CLI (exit 0) exactly when the page says equivalent, and the same bytes.
      const same = r.status === 0 ? verdict === 'equivalent' && output === r.stdout : verdict !== 'equivalent' && output === '';
      if (!same) differing.push(`${fixture} --to ${to}: cli exit ${r.status}, page ${verdict}`);
    }
    await page.close();
    expect(differing).toEqual([]);
  }, 300_000);

  test('themes, a phone, the keyboard, and a rule page one click away', async () => {
    const page = await open(link('gai.conf', readFileSync(join(ROOT, 'fixtures/broken/keyword-typo.gai.conf'))));
    // Keyboard: from the top, Tab reaches the editor, and a finding's position button selects its span.
    await page.keyboard.press('Tab');
    let reachedEditor = false;
    for (let i = 0; i < 20 && !reachedEditor; i++) {
      reachedEditor = await page.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.id === 'text');
      if (!reachedEditor) await page.keyboard.press('Tab');
    }
    expect(reachedEditor).toBe(true);
    const first = (await shownFindings(page))[0]!;
    await page.locator('#findings .at').first().focus();
    await page.keyboard.press('Enter');
    const selected = await page.evaluate(() => {
      const t = (globalThis as unknown as PageWindow).document.getElementById('text');
      return t.value.slice(0, t.selectionStart).split('\n').length;
    });
    expect(selected).toBe(first.line);

    // Dark, chosen with the theme button: the page background really turns dark.
    const background = () =>
      page.evaluate(
        () => (globalThis as unknown as PageWindow).getComputedStyle((globalThis as unknown as PageWindow).document.body).backgroundColor as string,
      );
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.locator('#theme').click(); // system -> light
    await page.locator('#theme').click(); // light -> dark
    expect(await page.locator('#theme').textContent()).toBe('Theme: dark');
    expect(await background()).toBe('rgb(13, 17, 23)');
    await shot(page, '4-dark-desktop');
    // A phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.scrollWidth - 390);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, '5-dark-phone', false);
    await shot(page, '5-dark-phone-full');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The rule id is a link to its docs page, rendered beside the page.
    const [docs] = await Promise.all([browser.context.waitForEvent('page'), page.locator('#findings a.rule').first().click()]);
    await docs.waitForLoadState();
    expect(await docs.locator('h1').textContent()).toBe(first.ruleId);
    expect(docs.url()).toMatch(new RegExp(`/docs/rules/${first.ruleId}\\.html$`));
    await shot(docs, '6-rule-page');
    // Its links to other docs pages land on rendered pages too.
    const hrefs = await docs.locator('a[href$=".html"], a[href*=".html#"]').evaluateAll((as: PageElement[]) => as.map((a) => a.href as string));
    const local = hrefs.filter((h) => h.startsWith('file:'));
    expect(local.length).toBeGreaterThan(0);
    for (const href of local) expect([href, existsSync(fileURLToPath(href.replace(/#.*$/, '')))]).toEqual([href, true]);
    await docs.close();
    await page.close();
  });
});
