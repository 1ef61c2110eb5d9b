import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultIngestOptions } from '../src/ingest/index.js';
import { runExtraction, runIngest, runReuse } from '../src/pipeline/index.js';
import type { StoredPassageGroup } from '../src/store/index.js';
import { GraphPage, MapPage, TimelinePage } from './pages/analysis-pages.js';
import { DocumentPage } from './pages/document-page.js';
import { EntityListPage, EntityPage } from './pages/entity-page.js';
import { describeInBrowser } from './support/chromium.js';
import { SAMPLE_DIR, SCREENSHOT_DIR, SEEDS_DIR } from './support/paths.js';
import { screenshotPath, startWorkbench, type Workbench } from './support/workbench.js';

/**
 * The analysis screens over the real thing: the seed articles (read in place) and the sample
 * corpus, put through the whole pipeline (ingest, extraction, text reuse) before the first page
 * loads.
 */
describeInBrowser('the workbench over an analysed corpus', () => {
  let bench: Workbench;
  /** The passage MX1's memo shares between two seed articles, with both documents' titles. */
  let mx1Passage: StoredPassageGroup;
  const titles = new Map<string, string>();

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    bench = await startWorkbench(async (store) => {
      await runIngest(store, [SAMPLE_DIR, SEEDS_DIR], {
        ingest: { ...defaultIngestOptions(), ocr: false },
      });
      await runExtraction(store, { workers: 2 });
      await runReuse(store);
    });
    const seedIds = new Set<string>();
    for await (const document of bench.store.iterateDocuments()) {
      titles.set(document.id, document.title ?? '(untitled)');
      if (document.origins.some((o) => o.includes('/seeds/')) && document.text.includes('MX1')) {
        seedIds.add(document.id);
      }
    }
    const groups = await bench.store.listPassageGroups();
    const shared = groups.find(
      (g) => g.occurrences.length >= 2 && g.occurrences.every((o) => seedIds.has(o.documentId)),
    );
    if (!shared) throw new Error('the seeds should share MX1’s passage');
    mx1Passage = shared;
  });
  afterAll(() => bench?.close());

  it('marks names, dates and quotes in the reader, with a legend', async () => {
    const page = await bench.newPage();
    const [, later] = mx1Passage.occurrences;
    await page.goto(`${bench.baseUrl}/#/documents/${later!.documentId}`);
    const reader = new DocumentPage(page);
    await reader.waitForLoad();
    await reader.marks('person').first().waitFor();

    expect(await reader.marks('person').count()).toBeGreaterThan(0);
    expect(await reader.marks('place').count()).toBeGreaterThan(0);
    expect(await reader.marks('organization').count()).toBeGreaterThan(0);
    expect(await reader.marks('quote').count()).toBeGreaterThan(0);
    expect(await reader.marks('person').locator('a').first().getAttribute('href')).toMatch(
      /^#\/entities\/person\//,
    );
    // The marks only wrap the text: it reads exactly as stored.
    const stored = await bench.store.getDocument(later!.documentId);
    expect(await reader.text.textContent()).toBe(stored!.text);

    await page.screenshot({ path: screenshotPath('reader-highlights') });

    // Hiding a kind in the legend takes its marks away.
    const places = await reader.marks('place').count();
    await reader.legendSwitch('Place').uncheck();
    await expect.poll(() => reader.marks('place').count()).toBe(0);
    await reader.legendSwitch('Place').check();
    await expect.poll(() => reader.marks('place').count()).toBe(places);

    // A quote in the text selects it in the quotes panel, which names the speaker.
    await reader.marks('quote').first().click();
    const quotes = reader.panel('Quotes');
    await quotes.locator('.quote-details').waitFor();
    expect(await quotes.locator('.quote-details').textContent()).toMatch(/Speaker.+Verb.+Said on/);
    await page.screenshot({ path: screenshotPath('reader-quote') });
  });

  it('marks the passage MX1’s memo shares, linking to the article that printed it first', async () => {
    const page = await bench.newPage();
    const [first, later] = mx1Passage.occurrences;
    await page.goto(`${bench.baseUrl}/#/documents/${later!.documentId}?at=${later!.start}`);
    const reader = new DocumentPage(page);
    await reader.waitForLoad();
    await reader.marks('reuse').first().waitFor();

    const marked = (await reader.marks('reuse').allTextContents()).join('');
    expect(marked.length).toBeGreaterThan(100);
    expect(await reader.marks('reuse').first().getAttribute('title')).toContain(
      `First in: ${titles.get(first!.documentId)}`,
    );
    // The link from elsewhere lands on the passage itself.
    const target = reader.text.locator('.target');
    expect(await target.count()).toBe(1);
    expect(await target.isVisible()).toBe(true);

    const panel = reader.panel('Shared passages');
    const firstIn = panel.getByRole('link', { name: titles.get(first!.documentId)! }).first();
    expect(await panel.locator('.passage-sources').first().textContent()).toMatch(/^First in: /);
    await page.screenshot({ path: screenshotPath('reader-reuse') });

    await firstIn.click();
    await page.waitForURL(new RegExp(`#/documents/${first!.documentId}\\?at=${first!.start}$`));
    await reader.title.filter({ hasText: titles.get(first!.documentId)! }).waitFor();
    await reader.marks('reuse').first().waitFor();
    expect(await reader.panel('Shared passages').textContent()).toContain('First printed here');
  });

  it('opens an entity from the reader: its spellings, mentions in context, co-occurrences', async () => {
    const page = await bench.newPage();
    await page.goto(`${bench.baseUrl}/#/documents/${mx1Passage.occurrences[1]!.documentId}`);
    const reader = new DocumentPage(page);
    await reader.waitForLoad();
    const mx1 = reader.marks('person').getByRole('link', { name: 'MX1', exact: true }).first();
    await mx1.click();
    await page.waitForURL(/#\/entities\/person\/MX1$/);

    const entity = new EntityPage(page);
    await entity.waitForLoad();
    expect(await entity.title.textContent()).toBe('MX1');
    expect(await entity.surfaceForms.allTextContents()).toContainEqual(
      expect.stringMatching(/^MX1 \d+$/),
    );
    expect(await entity.mentionGroups.count()).toBeGreaterThan(0);
    expect(await entity.snippets.locator('mark').first().textContent()).toBe('MX1');
    expect(await entity.coOccurring.count()).toBeGreaterThan(0);
    expect(await entity.mapCircles.count()).toBe(0);
    await page.screenshot({ path: screenshotPath('entity-person') });

    // A snippet opens the reader at that mention.
    await entity.snippets.first().click();
    await page.waitForURL(/#\/documents\/[0-9a-f]{64}\?at=\d+$/);
    await reader.text.locator('.target').waitFor();
    expect(await reader.text.locator('.target').textContent()).toContain('MX1');
  });

  it('lists entities by type and name, and shows a place on a small map', async () => {
    const page = await bench.newPage();
    const list = new EntityListPage(page, bench.baseUrl);
    await list.goto();
    expect(await list.rows.count()).toBeGreaterThan(10);
    await list.showType('Places');
    await page.waitForURL(/type=place/);
    await list.find('juarez');
    await page.waitForURL(/q=juarez/);
    await expect.poll(() => list.rows.first().textContent()).toMatch(/Juárez/);
    for (const row of await list.rows.allTextContents()) expect(row).toMatch(/Place/);
    await page.screenshot({ path: screenshotPath('entities') });

    await list.rows.getByRole('link', { name: 'Ciudad Juárez', exact: true }).click();
    const entity = new EntityPage(page);
    await entity.waitForLoad();
    expect(await entity.title.textContent()).toBe('Ciudad Juárez');
    await entity.mapCircles.first().waitFor();
    expect(await entity.mapCircles.count()).toBe(1);
    // The outlines arrive a moment after the circle: their chunk loads on first use.
    await expect.poll(() => page.locator('.geo-map path.country').count()).toBeGreaterThan(100);
    await page.screenshot({ path: screenshotPath('entity-place') });
  });

  it('draws the link chart and filters it by type', async () => {
    const page = await bench.newPage();
    const graph = new GraphPage(page, bench.baseUrl);
    await graph.goto();
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(20);
    expect(await graph.count('edges')).toBeGreaterThan(20);
    await expect.poll(() => graph.paintedPixels()).toBeGreaterThan(1000);
    await page.screenshot({ path: screenshotPath('graph') });

    await page
      .getByRole('group', { name: 'Entity type' })
      .getByRole('button', { name: 'People' })
      .click();
    await page.waitForURL(/#\/graph\?type=person$/);
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(0);
    const people = await graph.canvas.getAttribute('aria-label');
    expect(people).toMatch(/^Link chart: \d+ nodes/);
  });

  it('narrows the link chart to the documents of a date range', async () => {
    const page = await bench.newPage();
    const graph = new GraphPage(page, bench.baseUrl);
    await graph.goto();
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(20);
    const all = await graph.count('nodes');
    await page.getByLabel('Published from').fill('2030-01-01');
    await page.getByText('No document published in these dates names an entity.').waitFor();
    await page.getByLabel('Published from').fill('2011-01-01');
    await page.getByLabel('to', { exact: true }).fill('2011-12-31');
    await graph.canvas.waitFor();
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(0);
    expect(await graph.count('nodes')).toBeLessThan(all);
    await page.screenshot({ path: screenshotPath('graph-date-range') });
  });

  it('puts dated events and documents on a timeline that opens the reader', async () => {
    const page = await bench.newPage();
    const timeline = new TimelinePage(page, bench.baseUrl);
    await timeline.goto();
    expect(await timeline.items.count()).toBeGreaterThan(5);
    expect(await page.locator('.vis-item.tl-published').count()).toBeGreaterThan(0);
    expect(await page.locator('.vis-item.tl-mentioned').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('timeline') });

    await timeline.clickFirstVisible('tl-mentioned');
    await page.waitForURL(/#\/documents\/[0-9a-f]{64}\?at=\d+$/);
    const reader = new DocumentPage(page);
    await reader.text.locator('.target').waitFor();
    expect(await reader.text.locator('.target').isVisible()).toBe(true);
  });

  it('maps geocoded places sized by mentions, and lists the documents of one', async () => {
    const page = await bench.newPage();
    const map = new MapPage(page, bench.baseUrl);
    await map.goto();
    expect(await map.circles.count()).toBeGreaterThan(10);
    expect(await map.countries.count()).toBeGreaterThan(100);
    const radius = async (name: string) =>
      Number(await map.place(name).locator('circle').getAttribute('r'));
    // Ciudad Juárez is named far more often than Tijuana in this corpus.
    expect(await radius('Ciudad Juárez')).toBeGreaterThan(await radius('Tijuana'));

    // El Paso's circle sits on top of Juárez's across the border: choose it with the keyboard.
    await map.place('Ciudad Juárez').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/map\?place=Ciudad/);
    await expect.poll(() => map.placeDocuments().count()).toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath('map') });
  });

  it('draws every screen within the content security policy', async () => {
    const page = await bench.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const screens: Array<[string, string]> = [
      [`#/documents/${mx1Passage.occurrences[0]!.documentId}`, '.document-text mark'],
      ['#/entities', '.entity-table'],
      ['#/entities/place/Ciudad%20Ju%C3%A1rez', '.geo-map circle'],
      ['#/timeline', '.vis-item'],
      ['#/map', '.geo-map circle'],
      ['#/graph', '.graph-canvas canvas'],
    ];
    for (const [hash, drawn] of screens) {
      await page.goto(`${bench.baseUrl}/${hash}`);
      await page.locator(drawn).first().waitFor({ state: 'attached' });
    }
    await page.waitForTimeout(300);
    expect(refused).toEqual([]);
  });
});
