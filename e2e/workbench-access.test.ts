import { mkdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { QueueResponseSchema } from '../src/api/routes/queue.js';
import { defaultIngestOptions } from '../src/ingest/index.js';
import { runAnalysis, runExtraction, runIngest } from '../src/pipeline/index.js';
import {
  ExportMenu,
  GraphNodeList,
  TimelineEventList,
  WorkersPanel,
  tabTo,
} from './pages/access-pages.js';
import { GraphPage, MapPage } from './pages/analysis-pages.js';
import { DocumentPage } from './pages/document-page.js';
import { EntityListPage, EntityPage } from './pages/entity-page.js';
import { IngestPage } from './pages/ingest-page.js';
import { SearchPage } from './pages/search-page.js';
import { describeInBrowser } from './support/chromium.js';
import { SAMPLE_DIR, SCREENSHOT_DIR, SEEDS_DIR } from './support/paths.js';
import { screenshotPath, startWorkbench, type Workbench } from './support/workbench.js';

/**
 * Exports, keyboard access to the timeline and the graph, entities by their resolved id, Mexico's
 * states on the map and the workers panel, over the sample corpus and the seeds put through the
 * whole pipeline (ingest, extraction, resolution and the rest of the analysis).
 */
describeInBrowser('the workbench’s exports and keyboard access', () => {
  let bench: Workbench;
  /** A resolved person extraction found under two names, with both names. */
  let twoSpellings: { id: string; name: string; names: [string, string] };

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    bench = await startWorkbench(async (store) => {
      await runIngest(store, [SAMPLE_DIR, SEEDS_DIR], {
        ingest: { ...defaultIngestOptions(), ocr: false },
      });
      await runExtraction(store, { workers: 2 });
      await runAnalysis(store);
    });
    const extracted = new Set(
      (await bench.store.listEntities({ type: 'person', limit: 500 })).entities.map((e) => e.name),
    );
    const { entities } = await bench.store.listResolvedEntities({ type: 'person', limit: 500 });
    for (const entity of entities) {
      const names = entity.aliases.map((a) => a.name).filter((n) => extracted.has(n));
      if (names.length >= 2) {
        twoSpellings = { id: entity.id, name: entity.name, names: [names[0]!, names[1]!] };
        break;
      }
    }
    if (!twoSpellings) throw new Error('some person should be found under two names');
  });
  afterAll(() => bench?.close());

  it('downloads the search’s documents as a STIX bundle', async () => {
    const page = await bench.newPage();
    const search = new SearchPage(page, bench.baseUrl);
    await search.goto();
    await search.search('Juarez');
    await expect.poll(() => search.results.count()).toBeGreaterThan(0);

    const menu = new ExportMenu(page);
    await menu.toggle.click();
    await page.screenshot({ path: screenshotPath('search-export-menu') });
    await menu.toggle.click();
    const download = await menu.download('stix');
    expect(download.suggestedFilename()).toBe('crosscheck-stix.json');
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      type: string;
      objects: Array<{ type: string; spec_version?: string; x_crosscheck_content_id?: string }>;
    };
    expect(bundle.type).toBe('bundle');
    const reports = bundle.objects.filter((o) => o.type === 'report');
    for (const report of reports) expect(report.spec_version).toBe('2.1');
    const exported = reports.map((r) => r.x_crosscheck_content_id).sort();
    const { hits, total } = await bench.store.search({ text: 'Juarez', limit: 500 });
    expect(hits).toHaveLength(total);
    expect(exported).toEqual(hits.map((h) => h.id).sort());
  });

  it('opens a document from the timeline with the keyboard alone', async () => {
    const page = await bench.newPage();
    await page.goto(`${bench.baseUrl}/#/timeline`);
    const list = new TimelineEventList(page);
    await list.links.first().waitFor();
    const before = await list.summary.textContent();
    expect(await list.links.count()).toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath('timeline-keyboard-list'), fullPage: true });

    // Zooming in from the keyboard narrows the window the list follows.
    await tabTo(page, '.timeline-events button:nth-child(3)');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zoom in');
    await page.keyboard.press('Enter');
    await expect.poll(() => list.summary.textContent()).not.toBe(before);
    const zoomed = await list.summary.textContent();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zoom out');
    await page.keyboard.press('Enter');
    await expect.poll(() => list.summary.textContent()).not.toBe(zoomed);

    await tabTo(page, '.event-list a.event-link[data-group="mentioned"]');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(href).toMatch(/^#\/documents\/[0-9a-f]{64}\?at=\d+$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${href!.replace(/[?]/g, '\\?')}$`));
    const reader = new DocumentPage(page);
    await reader.text.locator('.target').waitFor();
    expect(await reader.text.locator('.target').isVisible()).toBe(true);
  });

  it('finds, selects and expands a graph node with the keyboard alone', async () => {
    const page = await bench.newPage();
    const graph = new GraphPage(page, bench.baseUrl);
    // People only: expanding one adds the places and organisations named with them.
    await graph.goto('#/graph?type=person');
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(10);
    const list = new GraphNodeList(page);
    await list.buttons.first().waitFor();
    expect(await list.buttons.count()).toBeGreaterThan(10);
    const busiest = (await list.buttons.first().locator('.node-label').textContent())!;

    await tabTo(page, 'input.node-filter');
    await page.keyboard.type(busiest);
    await expect
      .poll(() => list.buttons.first().locator('.node-label').textContent())
      .toBe(busiest);
    await page.keyboard.press('Tab');
    const label = await page.evaluate(
      () => document.activeElement?.querySelector('.node-label')?.textContent,
    );
    expect(label).toBe(busiest);
    await page.keyboard.press('Enter');
    // The node's details take the focus, next to what can be done with it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('node-heading');
    expect(await list.detailsHeading.textContent()).toBe(busiest);
    const before = await graph.count('nodes');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Expand');
    await page.keyboard.press('Enter');
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(before);
    // The list follows the chart: the new nodes can be reached the same way.
    await list.filter.fill('');
    const after = await graph.count('nodes');
    await expect
      .poll(() => page.locator('.graph-side p[aria-live]').textContent())
      .toMatch(new RegExp(`^${after} nodes`));
    await page.screenshot({ path: screenshotPath('graph-keyboard-expanded'), fullPage: true });
  });

  it('exports the whole store for graph tools from the graph page', async () => {
    const page = await bench.newPage();
    const graph = new GraphPage(page, bench.baseUrl);
    await graph.goto();
    const download = await new ExportMenu(page).download('gexf');
    expect(download.suggestedFilename()).toBe('crosscheck.gexf');
    const xml = await readFile((await download.path())!, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<gexf');
  });

  it('leads every spelling of one person to one page, by the resolved id', async () => {
    const page = await bench.newPage();
    const entity = new EntityPage(page);
    const idHash = `#/entity/${encodeURIComponent(twoSpellings.id)}`;
    for (const name of twoSpellings.names) {
      await page.goto(`${bench.baseUrl}/#/entities/person/${encodeURIComponent(name)}`);
      await page.waitForURL((url) => url.hash === idHash);
      await entity.waitForLoad();
      expect(await entity.title.textContent()).toBe(twoSpellings.name);
    }
    // Both spellings' mentions are on it.
    const forms = (await entity.surfaceForms.allTextContents()).join(' | ');
    for (const name of twoSpellings.names) expect(forms).toContain(name);
    expect(await entity.resolvedName.textContent()).toBe(twoSpellings.name);
    await page.screenshot({ path: screenshotPath('entity-by-id'), fullPage: true });

    // The entity page exports what names it, by its id.
    expect(await new ExportMenu(page).link('stix').getAttribute('href')).toBe(
      `/api/export?format=stix&entity=${encodeURIComponent(twoSpellings.id).replace(/%20/g, '+')}`,
    );

    // The list shows it once, linked by id, whichever name is searched.
    const list = new EntityListPage(page, bench.baseUrl);
    await list.goto();
    await list.find(twoSpellings.names[1]);
    const row = list.rows.getByRole('link', { name: twoSpellings.name, exact: true });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('href')).toBe(idHash);
    await page.screenshot({ path: screenshotPath('entities-resolved'), fullPage: true });
    await row.click();
    await page.waitForURL((url) => url.hash === idHash);
  });

  it('draws Mexico’s states under the places on the map', async () => {
    const page = await bench.newPage();
    const map = new MapPage(page, bench.baseUrl);
    await map.goto();
    const states = page.locator('.geo-map path.state');
    await expect.poll(() => states.count()).toBe(32);
    expect(await states.locator('title').allTextContents()).toContain('Chihuahua');
    expect(await page.locator('.geo-map path.state-borders').getAttribute('d')).toMatch(/^M/);
    await page.screenshot({ path: screenshotPath('map-states') });
  });

  it('shows no workers panel when the server runs no queue', async () => {
    const page = await bench.newPage();
    const asked: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/queue')) asked.push(response.status());
    });
    const ingest = new IngestPage(page, bench.baseUrl);
    await ingest.goto();
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    // This server has no queue: the route answers enabled:false, or is missing (404) on older ones.
    expect([200, 404]).toContain(asked[0]);
    expect(await new WorkersPanel(page).heading.count()).toBe(0);
  });

  it('draws the queue’s progress from what /api/queue answers, polling it', async () => {
    // The real route needs Redis and workers (e2e/distributed-workers.test.ts drives those); here
    // the page gets an answer checked against the server's own schema, to test the drawing.
    const answer = QueueResponseSchema.parse({
      enabled: true,
      counts: { waiting: 120, active: 4, completed: 870, failed: 2, delayed: 1 },
      documentsStored: 868,
      docsPerSecond: 41.5,
      etaSeconds: 185,
      etaExcludesAnalysis: false,
      analysis: {
        phase: 'waiting',
        counts: { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 1 },
        etaSeconds: 40,
        last: null,
      },
      workers: 4,
      failed: [
        {
          id: '917',
          name: 'ingest-file',
          reason: 'The PDF <b>has</b> no text layer',
          attempts: 3,
          failedAt: '2026-11-25T12:40:05.000Z',
        },
        {
          id: '1002',
          name: 'ingest-file',
          reason: 'Zip entry too large',
          attempts: 3,
          failedAt: null,
        },
      ],
    });
    const page = await bench.newPage();
    let polls = 0;
    let current = answer;
    await page.route('**/api/queue', (route) => {
      polls++;
      return route.fulfill({ json: current });
    });
    const ingest = new IngestPage(page, bench.baseUrl);
    await ingest.goto();
    const panel = new WorkersPanel(page);
    await panel.heading.waitFor();
    expect(await panel.figure('Workers').textContent()).toBe('4');
    expect(await panel.figure('Docs per second').textContent()).toBe('41.5');
    expect(await panel.figure('Time left').textContent()).toBe('3 min');
    expect(await panel.figure('Analysis').textContent()).toBe('waits for ingest and extraction');
    expect(await panel.count('waiting').textContent()).toBe('120');
    expect(await panel.count('failed').textContent()).toBe('2');
    expect(await panel.failedRows.count()).toBe(2);
    // A reason from the queue is text, never markup.
    expect(await panel.failedRows.first().locator('b').count()).toBe(0);
    expect(await panel.failedRows.first().textContent()).toContain('<b>has</b>');
    await expect.poll(() => polls, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: screenshotPath('ingest-workers'), fullPage: true });

    // Once the analysis runs, the next poll shows the step that ended last.
    current = QueueResponseSchema.parse({
      ...answer,
      analysis: {
        ...answer.analysis,
        phase: 'running',
        step: { step: 'claims', done: 'statements matched', count: 1204, seconds: 719.5 },
      },
    });
    await expect
      .poll(() => panel.figure('Analysis').textContent(), { timeout: 10_000 })
      .toBe('running — claim tracing: statements matched (1,204), 12 min in');
  });

  it('draws the new screens within the content security policy', async () => {
    const page = await bench.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const screens: Array<[string, string]> = [
      [`#/entity/${encodeURIComponent(twoSpellings.id)}`, '.export-menu'],
      ['#/search?q=Juarez', '.export-menu'],
      ['#/map', '.geo-map path.state'],
      ['#/timeline', '.event-list a'],
      ['#/graph', '.node-list button'],
      ['#/ingest', '#stats-heading'],
    ];
    for (const [hash, drawn] of screens) {
      await page.goto(`${bench.baseUrl}/${hash}`);
      await page.locator(drawn).first().waitFor({ state: 'attached' });
    }
    await page.waitForTimeout(300);
    expect(refused).toEqual([]);
  });
});
