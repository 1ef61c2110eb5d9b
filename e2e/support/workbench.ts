import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildServer } from '../../src/api/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { launchChromium } from './chromium.js';
import { SCREENSHOT_DIR } from './paths.js';
import { ensureWebBuilt } from './web-build.js';

export interface Workbench {
  baseUrl: string;
  store: Store;
  browser: Browser;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real thing: the built UI served by the real API over a fresh SQLite store in a temp
 * folder, on a free port, and Debian's Chromium to drive it. `fill` puts documents in the store
 * before the first page loads.
 */
export async function startWorkbench(
  fill?: (store: Store) => Promise<unknown>,
): Promise<Workbench> {
  const webRoot = await ensureWebBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-e2e-'));
  const store = await openStore(join(dir, 'store.sqlite'));
  await fill?.(store);
  const app = await buildServer({ store, webRoot, uploadDir: join(dir, 'uploads') });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  return {
    baseUrl,
    store,
    browser,
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      // Fail loudly on errors in the page instead of letting a test time out on a blank screen.
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  return join(SCREENSHOT_DIR, `${name}.png`);
}
