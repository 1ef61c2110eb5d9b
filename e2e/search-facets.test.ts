import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../src/ingest/index.js';
import { runExtraction, runIngest, runResolution } from '../src/pipeline/index.js';
import type * as StoreModule from '../src/store/index.js';
import type { SearchQuery, Store, StoredDocument } from '../src/store/index.js';
import { REPO_ROOT, tempDir } from './cli-helpers.js';
import { SearchPage } from './pages/search-page.js';
import { describeInBrowser } from './support/chromium.js';
import { SAMPLE_DIR, SCREENSHOT_DIR, SEEDS_DIR } from './support/paths.js';
import { screenshotPath, startWorkbench, type Workbench } from './support/workbench.js';

/** A facet's offered values (buttons) and chosen values (chips), as the page shows them. */
function facet(page: Page, name: 'entities' | 'sources') {
  const group = page.locator(`[data-facet="${name}"]`);
  return {
    values: group.locator('.facet-value'),
    chips: group.locator('.facet-chip'),
    async read(value: Locator) {
      return {
        label: (await value.locator('.facet-name').textContent()) ?? '',
        count: Number(((await value.locator('.count').textContent()) ?? '').replace(/\D/g, '')),
      };
    },
  };
}

/** The document ids of the results on the page, from their links. */
async function resultIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('.result-title a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => /#\/documents\/([0-9a-f]+)/.exec(href)?.[1] ?? href);
}

/** A document's source as the search defines it: intel code, else sender address, else byline. */
function sourceOf(document: StoredDocument): string | null {
  const from = document.email?.from?.trim().toLowerCase();
  const address = from ? (/<([^>]+)>/.exec(from)?.[1] ?? from) : null;
  return document.intel?.code?.trim() || address || document.byline?.trim() || null;
}

const total = async (search: SearchPage) =>
  Number(((await search.heading.textContent()) ?? '').replace(/\D/g, ''));

describeInBrowser('search facets: entities and sources', () => {
  let bench: Workbench;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    bench = await startWorkbench(async (store) => {
      // The seed articles, plus the sample's leaked e-mails and news pages: they have sources
      // (intel codes, bylines) where the seeds have none.
      await runIngest(store, [SEEDS_DIR, join(SAMPLE_DIR, 'leaks'), join(SAMPLE_DIR, 'news')], {
        ingest: { ...defaultIngestOptions(), ocr: false },
      });
      await runExtraction(store, { workers: 1 });
      await runResolution(store);
    });
  });
  afterAll(() => bench?.close());

  it('narrows "Juarez" to the documents mentioning a clicked entity, then a clicked source', async () => {
    const page = await bench.newPage();
    const search = new SearchPage(page, bench.baseUrl);
    await search.goto();
    await search.search('Juarez');
    await expect.poll(() => total(search)).toBeGreaterThan(4);
    const before = await total(search);
    const entities = facet(page, 'entities');
    await expect.poll(() => entities.values.count()).toBeGreaterThan(1);
    await page.screenshot({ path: screenshotPath('search-facets'), fullPage: true });

    // The first entity that narrows the results (some are mentioned by every match).
    let picked: { label: string; count: number } | null = null;
    let pickedButton: Locator | null = null;
    for (const button of await entities.values.all()) {
      const value = await entities.read(button);
      if (value.count < before) {
        picked = value;
        pickedButton = button;
        break;
      }
    }
    expect(picked, 'an entity mentioned by only some matches').not.toBeNull();
    // Keyboard: the facet values are buttons.
    await pickedButton!.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]entity=/);
    await expect.poll(() => total(search)).toBe(picked!.count);
    expect(picked!.count).toBeLessThan(before);
    expect(await entities.chips.count()).toBe(1);
    expect(await entities.chips.first().textContent()).toContain(picked!.label);

    // Every hit mentions it, as the store's own mention links say.
    const entityId = new URLSearchParams(page.url().split('?').at(-1)).get('entity')!;
    const entity = await bench.store.getResolvedEntity(entityId);
    expect(entity?.entity.name).toBe(picked!.label);
    const mentioning = new Set(
      (await bench.store.listEntityMentionsById(entityId, { limit: 10_000 })).map(
        (m) => m.documentId,
      ),
    );
    const hits = await resultIds(page);
    expect(hits).toHaveLength(picked!.count);
    for (const id of hits) expect(mentioning.has(id), id).toBe(true);
    await page.screenshot({ path: screenshotPath('search-facets-entity'), fullPage: true });

    // Then a source, among the documents mentioning the entity.
    const sources = facet(page, 'sources');
    await expect.poll(() => sources.values.count()).toBeGreaterThan(0);
    const source = await sources.read(sources.values.first());
    await sources.values.first().click();
    await page.waitForURL(/[?&]source=/);
    await expect.poll(() => total(search)).toBe(source.count);
    expect(await sources.chips.first().textContent()).toContain(source.label);
    for (const id of await resultIds(page)) {
      const document = await bench.store.getDocument(id);
      expect(sourceOf(document!), id).toBe(source.label);
      expect(mentioning.has(id), id).toBe(true);
    }
    await page.screenshot({ path: screenshotPath('search-facets-source'), fullPage: true });

    // Removing the chips with the keyboard brings every match back.
    await sources.chips.first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.href.includes('source='));
    await entities.chips.first().getByRole('button').focus();
    await page.keyboard.press('Space');
    await page.waitForURL((url) => !url.href.includes('entity='));
    await expect.poll(() => total(search)).toBe(before);
  });
});

/*
 * `crosscheck serve` searches on worker threads (the compiled worker in dist/): the new filters
 * and facets must come back from them exactly as from the calling thread, clearance included.
 */
const BUILT_STORE = join(REPO_ROOT, 'dist', 'store', 'index.js');
const built = existsSync(BUILT_STORE);
if (!built && process.env.CI) throw new Error(`${BUILT_STORE} is missing: build first.`);

describe.runIf(built)('entity and source facets on search worker threads', () => {
  const file = join(tempDir(), 'facets.sqlite');
  let pooled: Store;
  let inThread: Store;

  beforeAll(async () => {
    const seeding = await (await import('../src/store/index.js')).openStore(file);
    await runIngest(seeding, [join(SAMPLE_DIR, 'leaks'), join(SAMPLE_DIR, 'news')], {
      ingest: { ...defaultIngestOptions(), ocr: false },
    });
    await runExtraction(seeding, { workers: 1 });
    await runResolution(seeding);
    const [marked] = (await seeding.search({ text: 'Juarez', sources: ['MX7'], limit: 1 })).hits;
    await seeding.setDocumentTlp(marked!.id, 'RED');
    await seeding.close();
    const { openStore } = (await import(pathToFileURL(BUILT_STORE).href)) as typeof StoreModule;
    pooled = await openStore(file, { searchWorkers: 1 });
    inThread = await openStore(file);
  }, 120_000);
  afterAll(async () => {
    await pooled?.close();
    await inThread?.close();
  });

  it('answers as the calling thread does, for every clearance', async () => {
    expect((pooled as unknown as { searchThreads: number }).searchThreads).toBe(1);
    const { entities } = await inThread.searchFacets({ text: 'Juarez' });
    expect(entities.length).toBeGreaterThan(1);
    const queries: SearchQuery[] = [
      { text: 'Juarez' },
      { text: 'Juarez', entities: [entities[1]!.id] },
      { text: 'Juarez', entities: [entities[0]!.id, entities[1]!.id], sources: ['MX7'] },
      { text: 'Juarez OR Chihuahua', sources: ['MX7', 'Megan Holloway'] },
    ];
    for (const clearance of ['RED', 'AMBER+STRICT'] as const) {
      for (const query of queries) {
        const [a, b] = [pooled.restrictedTo(clearance), inThread.restrictedTo(clearance)];
        expect(await a.search(query)).toEqual(await b.search(query));
        expect(await a.searchFacets(query)).toEqual(await b.searchFacets(query));
      }
    }
    // The RED e-mail is neither counted nor listed for the restricted reader.
    const full = await pooled.searchFacets({ text: 'Juarez' });
    const restricted = await pooled.restrictedTo('AMBER+STRICT').searchFacets({ text: 'Juarez' });
    const mx7 = (facets: typeof full) => facets.sources.find((s) => s.source === 'MX7')?.count ?? 0;
    expect(mx7(restricted)).toBe(mx7(full) - 1);
  });
});
