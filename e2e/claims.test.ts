import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultIngestOptions } from '../src/ingest/index.js';
import { runAnalysis, runExtraction, runIngest } from '../src/pipeline/index.js';
import type { ClaimCluster } from '../src/provenance/index.js';
import { ClaimListPage, ClaimPage } from './pages/claim-page.js';
import { DocumentPage } from './pages/document-page.js';
import { EntityPage } from './pages/entity-page.js';
import { HypothesesPage } from './pages/hypotheses-page.js';
import { describeInBrowser } from './support/chromium.js';
import { SAMPLE_DIR, SCREENSHOT_DIR, SEEDS_DIR } from './support/paths.js';
import { screenshotPath, startWorkbench, type Workbench } from './support/workbench.js';

/**
 * The analyst's screens over the seed articles and the sample corpus, put through the whole
 * pipeline: a claim's provenance and grade, an override, an entity renamed, hypotheses weighed.
 */
describeInBrowser('the analyst’s workbench', () => {
  let bench: Workbench;
  /** MX1's memo line, which two seed articles carry from one origin. */
  let signal: ClaimCluster;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    bench = await startWorkbench(async (store) => {
      await runIngest(store, [SAMPLE_DIR, SEEDS_DIR], {
        ingest: { ...defaultIngestOptions(), ocr: false },
      });
      await runExtraction(store, { workers: 2 });
      await runAnalysis(store);
    });
    const { clusters } = await bench.store.listClaimClusters({ about: 'MX1', limit: 100 });
    const found = clusters.find((c) => c.text.startsWith('I think the US sent a signal'));
    if (!found) throw new Error('MX1’s “sent a signal” quote should be traced');
    signal = found;
  });
  afterAll(() => bench?.close());

  it('draws where MX1’s quote comes from: one origin, two carriers, circular', async () => {
    const page = await bench.newPage();
    const claim = new ClaimPage(page);
    await claim.goto(bench.baseUrl, signal.id);

    expect(await claim.title.textContent()).toContain('I think the US sent a signal');
    expect(signal.documents).toHaveLength(2);
    for (const { id, title } of signal.documents) {
      await claim.node(id).waitFor();
      expect(await claim.node(id).locator('.tree-document a').first().textContent()).toBe(title);
    }
    // The origin is the root of the tree: the carriers hang below it.
    expect(await claim.treeNodes.first().getAttribute('data-key')).toBe('MX1');
    expect(await claim.node('MX1').locator(`[data-key="${signal.documents[1]!.id}"]`).count()).toBe(
      1,
    );
    expect(await claim.originsCount.textContent()).toBe('1 independent origin');
    expect(await claim.circularWarning.textContent()).toContain('2 documents carry these words');
    expect(await claim.code.getAttribute('data-code')).toBe('F6');
    // Each carrying span links to the reader at its offset.
    const first = signal.members[0]!;
    expect(await claim.memberLinks.first().getAttribute('href')).toBe(
      `#/documents/${first.documentId}?at=${first.start}`,
    );
    await page.screenshot({ path: screenshotPath('claim-provenance'), fullPage: true });
  });

  it('takes the analyst’s grade over the derived one, and keeps the history', async () => {
    const page = await bench.newPage();
    const claim = new ClaimPage(page);
    await claim.goto(bench.baseUrl, signal.id);
    await claim.override({
      reliability: 'C',
      credibility: '3',
      reason: 'MX1 has been right on cartel logistics before',
    });

    await expect.poll(() => claim.code.getAttribute('data-code')).toBe('C3');
    await expect.poll(() => claim.history.count()).toBe(1);
    expect(await claim.history.first().textContent()).toMatch(
      /^C3 by analyst on \d{4}-\d{2}-\d{2}: MX1 has been right on cartel logistics before$/,
    );
    expect(await page.getByText('the evidence alone gives F').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('claim-override'), fullPage: true });
  });

  it('lists claims with grades, and keeps the shared ones when asked', async () => {
    const page = await bench.newPage();
    const list = new ClaimListPage(page, bench.baseUrl);
    await list.goto('?shared=true');
    const row = list.rows.filter({ hasText: 'I think the US sent a signal' });
    expect(await row.locator('.admiralty').getAttribute('data-code')).toBe('C3');
    expect(await row.textContent()).toContain('2 documents · 1 independent origin');
    expect(await row.getByText('circular reporting').count()).toBe(1);
    const { total } = await bench.store.listClaimClusters({ sharedOnly: true });
    expect(await list.rows.count()).toBe(Math.min(total, 20));
    await page.screenshot({ path: screenshotPath('claims-list') });
  });

  it('links a quote in the reader to its claim page', async () => {
    const page = await bench.newPage();
    const member = signal.members.at(-1)!;
    await page.goto(`${bench.baseUrl}/#/documents/${member.documentId}`);
    const reader = new DocumentPage(page);
    await reader.waitForLoad();
    const link = reader.panel('Quotes').locator(`a[href="#/claims/${signal.id}"]`);
    await link.first().waitFor();
    await link.first().click();
    await new ClaimPage(page).title.waitFor();
    expect(page.url()).toContain(`#/claims/${signal.id}`);
  });

  it('renames an entity, and shows it renamed once re-resolved', async () => {
    const RENAMED = 'SEDENA (Mexico’s defence ministry)';
    const target = (await bench.store.getResolvedEntity('Secretaría de la Defensa Nacional'))!
      .entity;
    const page = await bench.newPage();
    await page.goto(`${bench.baseUrl}/#/entities/organization/${encodeURIComponent(target.name)}`);
    const entity = new EntityPage(page);
    await entity.waitForLoad();
    await expect.poll(() => entity.resolvedName.textContent()).toBe(target.name);
    expect(await entity.aliases.count()).toBe(target.aliases.length);

    await entity.rename(RENAMED, 'SEDENA is how the reporting names it');
    await expect.poll(() => entity.resolvedName.textContent()).toBe(RENAMED);
    expect(await entity.decisionResult.textContent()).toMatch(/^Recorded rename #\d+; re-resolved/);
    const after = await bench.store.getResolvedEntity(target.id);
    expect(after!.entity.name).toBe(RENAMED);
    await page.screenshot({ path: screenshotPath('entity-rename'), fullPage: true });
  });

  it('ranks hypotheses by the claims marked inconsistent with them', async () => {
    const page = await bench.newPage();
    const ach = new HypothesesPage(page, bench.baseUrl);
    await ach.goto();
    const [hold, fails] = [
      'Close to 500 US agents are working out of Chihuahua',
      'The cartels were never protected',
    ];
    await ach.add(hold);
    await ach.add(fails);
    expect(await ach.rankingTexts()).toHaveLength(2);
    // The words suggest marks for MX7's "500 agents" line; a suggestion is shown, never counted.
    await ach.suggestions.first().waitFor();
    expect(await ach.suggestions.first().textContent()).toMatch(/^suggested: (in)?consistent$/);
    expect(await ach.rankingItems.first().textContent()).toContain('against 0.00 · for 0.00');

    await ach.cell(signal.id, fails).selectOption('inconsistent');
    await expect.poll(() => ach.rankingTexts()).toEqual([hold, fails]);
    await expect.poll(() => ach.cell(signal.id, fails).inputValue()).toBe('inconsistent');
    const last = ach.rankingItems.last();
    expect(await last.locator('.rank').textContent()).toBe('2');
    expect(await last.textContent()).not.toContain('against 0.00');

    await ach.cell(signal.id, hold).selectOption('inconsistent');
    await ach.cell(signal.id, fails).selectOption('consistent');
    await expect.poll(() => ach.rankingTexts()).toEqual([fails, hold]);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: screenshotPath('hypotheses') });
  });
});
