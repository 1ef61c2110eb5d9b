import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultIngestOptions } from '../src/ingest/index.js';
import { runIngest } from '../src/pipeline/index.js';
import { DocumentPage } from './pages/document-page.js';
import { IngestPage } from './pages/ingest-page.js';
import { SearchPage } from './pages/search-page.js';
import { describeInBrowser } from './support/chromium.js';
import { SCREENSHOT_DIR, SEEDS_DIR } from './support/paths.js';
import { screenshotPath, startWorkbench, type Workbench } from './support/workbench.js';

describeInBrowser('the workbench over the seed articles', () => {
  let bench: Workbench;
  let seedDocuments = 0;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    bench = await startWorkbench(async (store) => {
      const summary = await runIngest(store, [SEEDS_DIR], {
        ingest: { ...defaultIngestOptions(), ocr: false },
      });
      seedDocuments = summary.stored;
    });
  });
  afterAll(() => bench?.close());

  it('finds "Juarez" in the seeds and highlights the matches, accents or not', async () => {
    const page = await bench.newPage();
    const search = new SearchPage(page, bench.baseUrl);
    await search.goto();
    await search.search('Juarez');

    await expect.poll(() => search.heading.textContent()).toMatch(/^4 documents match$/);
    expect(await search.results.count()).toBe(4);
    const marked = await search.marks.allTextContents();
    expect(marked.length).toBeGreaterThanOrEqual(4);
    for (const text of marked) expect(text).toMatch(/^Ju[aá]rez$/i);
    expect(page.url()).toContain('#/search?q=Juarez');

    // Arrow keys walk the results and come back up to the search box.
    await search.box.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.result') !== null)).toBe(
      true,
    );
    const focusedTitle = await page.evaluate(() => document.activeElement?.textContent);
    expect(focusedTitle).toBe((await search.resultTitles())[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    await page.screenshot({ path: screenshotPath('search'), fullPage: true });
  });

  it('narrows results with the language filter, counts shown beside each value', async () => {
    const page = await bench.newPage();
    const search = new SearchPage(page, bench.baseUrl);
    await search.goto();
    await search.search('Juarez');
    const english = search.filter(/English/);
    await expect.poll(() => english.locator('..').textContent()).toMatch(/English\s*4/);
    // The box is controlled by the URL: click, then wait for the navigation to tick it (check()
    // asserts the state right after the click, which races the re-render on a loaded machine).
    await english.click();
    await page.waitForURL(/lang=en/);
    await expect.poll(() => english.isChecked()).toBe(true);
    await expect.poll(() => search.heading.textContent()).toMatch(/^4 documents match$/);
  });

  it('opens a result with the keyboard and shows its text, details and origin', async () => {
    const page = await bench.newPage();
    const search = new SearchPage(page, bench.baseUrl);
    await search.goto();
    await search.search('Juarez');
    const [firstTitle] = await search.resultTitles();

    await search.openWithKeyboard(0);
    const reader = new DocumentPage(page);
    await reader.waitForLoad();
    expect(await reader.title.textContent()).toBe(firstTitle);
    const text = (await reader.text.textContent()) ?? '';
    expect(text.length).toBeGreaterThan(1000);
    expect(text).toMatch(/Ju[aá]rez/);
    // The words of the search are marked in the text, accented or not.
    const marks = await reader.text.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/^Ju[aá]rez$/i);
    expect(await page.locator('.match-count').textContent()).toBe(
      `${marks.length} match${marks.length === 1 ? '' : 'es'} of “Juarez” marked.`,
    );
    // The text keeps its paragraphs: rendered pre-wrap, not collapsed.
    expect(await reader.text.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    expect(await reader.field('Id').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await reader.panel('Details').textContent()).toMatch(/seeds\/\d{3}_[0-9a-f]+\.txt/);
    await page.screenshot({ path: screenshotPath('document') });
    await page.getByRole('button', { name: 'Show next match' }).click();
    const current = reader.text.locator('mark.current');
    expect(await current.count()).toBe(1);
    expect(await current.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('document-next-match') });

    await page.getByRole('link', { name: '← Back to search' }).click();
    await page.waitForURL(/#\/search\?q=Juarez/);
    await expect.poll(() => search.results.count()).toBe(4);
  });

  it('serves the API description and its docs page, working offline', async () => {
    const page = await bench.newPage();
    const spec = await page.goto(`${bench.baseUrl}/api/openapi.json`);
    expect(spec?.status()).toBe(200);
    expect((await spec!.json()).info.title).toBe('Crosscheck API');
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(bench.baseUrl)) outside.push(request.url());
    });
    await page.goto(`${bench.baseUrl}/api/docs`);
    await page.getByText('/api/search', { exact: true }).waitFor();
    expect(outside.filter((url) => !url.startsWith('data:'))).toEqual([]);
  });

  it('shows the store statistics on the ingest page', async () => {
    const page = await bench.newPage();
    const ingest = new IngestPage(page, bench.baseUrl);
    await ingest.goto();
    expect(seedDocuments).toBe(5);
    expect(await ingest.figure('Documents').textContent()).toBe('5');
    expect(await ingest.figure('Ingest runs').textContent()).toBe('1');
    expect(await page.locator('.breakdown').first().textContent()).toMatch(/Text\s*5/);
    expect(await page.getByText('Every file ingested so far could be read.').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('ingest'), fullPage: true });
  });
});
