// Debian's chromium, driven by playwright-core (no browser download: the system binary), for
// the playground's browser tests (test/web.test.ts). bench/web.mjs launches it with the same flags (chromium-launch.mjs).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ROOT } from './generators.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium-launch.mjs';
import { systemTool } from './system-tool.js';

export { CHROMIUM, CHROMIUM_ARGS };

function missing(): string | null {
  if (!existsSync(join(ROOT, 'node_modules', 'playwright-core', 'package.json'))) return 'node_modules/playwright-core is not installed';
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} does not exist`;
  return null;
}

export const chromiumTool = (skips: string) =>
  systemTool({ tool: 'chromium with playwright-core', missing: missing(), skips, get: 'apt-get install chromium, then npm ci' });

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'policylint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
