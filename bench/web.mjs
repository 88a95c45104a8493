// The playground's part of `npm run bench` (bench/run.mjs, --only web): the page's gzipped
// size, and in Debian's chromium (headless, driven by playwright-core, launched as
// test/support/chromium.ts does) the time from navigation to the first findings of a shared
// link, beside the CLI's time for the same file; the two interleaved round by round.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../test/support/chromium-launch.mjs';

/** Issue 16's budget for the whole page, gzipped. */
const MAX_PAGE_KB = 400;

/**
 * bench: run.mjs's helpers { root, work, rounds, lintOnce, stats, fmtMs, line, record }.
 * lintOnce(file) runs the CLI once and returns { ms }.
 */
export async function benchWeb({ root, work, rounds, lintOnce, stats, fmtMs, line, record }) {
  console.log('\n5. the playground (dist/web, from the same src/ as the CLI)');
  const out = join(work, 'web');
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-web.mjs'), '--outdir', out], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-web failed:\n${built.stderr}`);
  const page = readFileSync(join(out, 'index.html'));
  const kb = gzipSync(page, { level: 9 }).length / 1024;
  line('  page, gzipped', `${kb.toFixed(1)} KB (${(page.length / 1024).toFixed(0)} KB as served)`, kb, MAX_PAGE_KB, ' KB');

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    console.log('  time to first findings: skipped (playwright-core is not installed: npm ci)');
    return;
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`  time to first findings: skipped (${CHROMIUM} does not exist: apt-get install chromium)`);
    return;
  }
  const fixture = join(root, 'fixtures/freebsd/ula-precedence-only.ip6addrctl.conf');
  const bytes = readFileSync(fixture);
  const url = `${pathToFileURL(join(out, 'index.html')).href}#name=ip6addrctl.conf&text=${[...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`;
  const profile = mkdtempSync(join(work, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    /** One fresh tab: navigation start to the first findings drawn (the page's own performance mark), and to every panel. */
    const load = async () => {
      const tab = await context.newPage();
      await tab.goto(url);
      await tab.waitForFunction(() => {
        const d = document.body.dataset;
        return d.done !== undefined && d.done === d.linted;
      });
      const t = await tab.evaluate(() => ({
        findings: performance.getEntriesByName('policylint:first-findings')[0]?.startTime ?? Number.NaN,
        // The page's own marks: its script starts (after parsing, compiling and setting up the bundle) and the first lint starts.
        script: performance.getEntriesByName('policylint:script-start')[0]?.startTime ?? Number.NaN,
        lint: performance.getEntriesByName('policylint:lint-start')[0]?.startTime ?? Number.NaN,
        shown: document.querySelectorAll('#findings > li').length,
      }));
      const all = await tab.evaluate(() => performance.now());
      await tab.close();
      if (t.shown === 0) throw new Error('the page showed no findings for the seed table');
      return { findings: t.findings, script: t.script, lint: t.findings - t.lint, all };
    };
    await load(); // warm-up: the file cache, chromium's own start-up work
    lintOnce(fixture);
    const pageRuns = [];
    const cliRuns = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ['page', 'cli'] : ['cli', 'page'];
      for (const which of order) {
        if (which === 'page') pageRuns.push(await load());
        else cliRuns.push(lintOnce(fixture).ms);
      }
    }
    const findings = stats(pageRuns.map((r) => r.findings));
    const all = stats(pageRuns.map((r) => r.all));
    const cli = stats(cliRuns);
    line('  page: load to first findings', fmtMs(findings));
    console.log(
      `    of which: to the script's start (HTML, parse, compile, module set-up) ${fmtMs(stats(pageRuns.map((r) => r.script)))}; the first lint ${fmtMs(stats(pageRuns.map((r) => r.lint)))}`,
    );
    line('  page: load to every panel drawn', `${fmtMs(all)}  (conversion, explain, impact)`);
    line('  CLI: policylint FILE', `${fmtMs(cli)}  (the whole process)`);
    line('  page first findings / CLI', `${(findings.median / cli.median).toFixed(2)}×`);
    record('web', { gzipKB: kb, firstFindings: findings, allPanels: all, cli, ratio: findings.median / cli.median });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
