import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IngestPage } from './pages/ingest-page.js';
import { SearchPage } from './pages/search-page.js';
import { describeInBrowser } from './support/chromium.js';
import { SCREENSHOT_DIR, SEEDS_DIR } from './support/paths.js';
import { screenshotPath, startWorkbench, type Workbench } from './support/workbench.js';

describeInBrowser('uploading through the browser', () => {
  let bench: Workbench;
  let scratch: string;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    scratch = await mkdtemp(join(tmpdir(), 'crosscheck-e2e-files-'));
    bench = await startWorkbench();
  });
  afterAll(async () => {
    await bench?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('ingests uploaded files, shows progress, the summary and the failures with hints', async () => {
    // One seed article (read in place) and an empty file, which cannot be ingested.
    const seed = join(SEEDS_DIR, '001_c5803ee4dab3995c.txt');
    const empty = join(scratch, 'empty-notes.txt');
    await writeFile(empty, '');

    const page = await bench.newPage();
    const ingest = new IngestPage(page, bench.baseUrl);
    await ingest.goto();
    expect(await ingest.figure('Documents').textContent()).toBe('0');

    await ingest.upload([seed, empty]);
    await ingest.waitForUploads(2);

    const seedRow = ingest.uploads.filter({ hasText: '001_c5803ee4dab3995c.txt' });
    expect(await seedRow.locator('.status').textContent()).toBe('Done');
    expect(await seedRow.locator('.upload-summary').textContent()).toMatch(
      /^1 new document, 0 already stored, 0 failures/,
    );

    const emptyRow = ingest.uploads.filter({ hasText: 'empty-notes.txt' });
    expect(await emptyRow.locator('.upload-summary').textContent()).toMatch(
      /0 new documents.*1 failure\b/,
    );
    const failure = emptyRow.locator('table.failures tbody tr');
    expect(await failure.count()).toBe(1);
    expect(await failure.textContent()).toMatch(/empty-notes\.txt/);

    // The store's own failure log and the statistics refresh once the jobs end.
    await expect.poll(() => ingest.figure('Documents').textContent()).toBe('1');
    await expect
      .poll(() => page.locator('section[aria-labelledby="failures-heading"] tbody tr').count())
      .toBe(1);
    await page.screenshot({ path: screenshotPath('ingest-after-upload'), fullPage: true });

    const search = new SearchPage(page, bench.baseUrl);
    await search.goto();
    await search.search('Juarez');
    await expect.poll(() => search.results.count()).toBe(1);
  });
});
