import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/api/index.js';
import { DocumentPage } from './pages/document-page.js';
import { SearchPage } from './pages/search-page.js';
import { describeInBrowser } from './support/chromium.js';
import { storeItems, testDocument } from './support/documents.js';
import { SCREENSHOT_DIR } from './support/paths.js';
import { screenshotPath, startWorkbench, type Workbench } from './support/workbench.js';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMAGE = '<img src=x onerror="window.__pwned=1">';

/** A leaked page whose text, title and origin all carry markup that would run if injected. */
const HOSTILE = testDocument(
  `Hostile payload test\nThe leak contained ${SCRIPT} and then ${IMAGE} inside the body.`,
  { title: `Payload ${IMAGE}`, origin: `leaks/${IMAGE}.html`, byline: SCRIPT },
);

declare global {
  interface Window {
    __pwned?: number;
  }
}

describeInBrowser('hostile documents', () => {
  let bench: Workbench;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    bench = await startWorkbench((store) =>
      storeItems(store, [{ document: HOSTILE, parent: null }]),
    );
  });
  afterAll(() => bench?.close());

  it('are shown as text in search results, and nothing in them runs', async () => {
    const page = await bench.newPage();
    const response = await page.goto(`${bench.baseUrl}/#/search`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const search = new SearchPage(page, bench.baseUrl);
    await search.search('payload');

    await expect.poll(() => search.results.count()).toBe(1);
    expect(await search.resultTitles()).toEqual([`Payload ${IMAGE}`]);
    expect(await search.results.first().textContent()).toContain(`leaks/${IMAGE}.html`);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#root script').count()).toBe(0);
  });

  it('are shown as text in the reader, and nothing in them runs', async () => {
    const page = await bench.newPage();
    await page.goto(`${bench.baseUrl}/#/documents/${HOSTILE.id}`);
    const reader = new DocumentPage(page);
    await reader.waitForLoad();

    expect(await reader.text.textContent()).toBe(HOSTILE.text);
    await expect.poll(() => page.getByText(SCRIPT, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText(IMAGE, { exact: false }).first().isVisible()).toBe(true);
    expect(await reader.title.textContent()).toBe(`Payload ${IMAGE}`);
    // Give an injected onerror handler time to fire, had there been one.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#root script').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('hostile-document'), fullPage: true });
  });

  it('cannot run inline script even if markup slipped through: the policy blocks it', async () => {
    const page = await bench.newPage();
    await page.goto(`${bench.baseUrl}/#/search`);
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
    await page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(d: string): void }).reportViolation(
          event.effectiveDirective,
        ),
      );
      const host = document.createElement('div');
      host.innerHTML = '<img src="x" onerror="window.__pwned=1">';
      document.body.append(host);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations[0]).toMatch(/script-src/);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });
});
