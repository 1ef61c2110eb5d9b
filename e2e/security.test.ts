import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/api/index.js';
import type { ClaimCluster } from '../src/provenance/index.js';
import type { ExtractionRecord } from '../src/store/index.js';
import { ClaimPage } from './pages/claim-page.js';
import { TimelinePage } from './pages/analysis-pages.js';
import { EntityPage } from './pages/entity-page.js';
import { DocumentPage } from './pages/document-page.js';
import { SearchPage } from './pages/search-page.js';
import { describeInBrowser } from './support/chromium.js';
import { storeItems, testDocument } from './support/documents.js';
import { SCREENSHOT_DIR } from './support/paths.js';
import { screenshotPath, startWorkbench, type Workbench } from './support/workbench.js';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMAGE = '<img src=x onerror="window.__pwned=1">';
const SPEAKER = '<b onmouseover="window.__pwned=1">Mr Bold</b>';

/** A leaked page whose text, title and origin all carry markup that would run if injected. */
const HOSTILE = testDocument(
  `Hostile payload test\nThe leak contained ${SCRIPT} and then ${IMAGE} inside the body, ` +
    `${SPEAKER} said on 3 May 2012.`,
  {
    title: `Payload ${IMAGE}`,
    origin: `leaks/${IMAGE}.html`,
    byline: SCRIPT,
    publishedAt: '2012-05-04',
  },
);

/** Where `text` first occurs in the hostile document. */
function span(text: string) {
  const start = HOSTILE.text.indexOf(text);
  return { start, end: start + text.length, text };
}

/**
 * What a careless extractor could make of it: a person whose name is markup, quoted saying
 * markup, on a date whose mention is in the timeline. Names and quotes reach the reader, the
 * entity page, the graph and the timeline, so each must show them as text.
 */
const HOSTILE_EXTRACTION: ExtractionRecord = {
  documentId: HOSTILE.id,
  extractorVersion: 'e2e',
  extraction: {
    mentions: [
      {
        ...span(SPEAKER),
        type: 'person',
        normalized: SPEAKER,
        confidence: 1,
        source: 'e2e',
      },
    ],
    dates: [{ ...span('3 May 2012'), value: '2012-05-03', precision: 'day', relative: false }],
    figures: [],
    quotes: [{ ...span(SCRIPT), speaker: SPEAKER, verb: 'said', saidOn: '2012-05-03' }],
    claims: [],
    sourcesCited: [],
  },
};

/** The markup quote traced as a claim: its text, speaker and reasoning reach the claim page. */
const HOSTILE_CLAIM: ClaimCluster = {
  id: 'badc0ffee0ddf00d',
  kind: 'quote',
  text: SCRIPT,
  speaker: SPEAKER,
  members: [
    {
      ...span(SCRIPT),
      documentId: HOSTILE.id,
      kind: 'quote',
      speaker: SPEAKER,
      date: '2012-05-04',
      saidOn: '2012-05-03',
      citedSource: IMAGE,
      citedCue: 'according to',
      citedScope: 'attribution',
      encloses: false,
    },
  ],
  documents: [{ id: HOSTILE.id, title: `Payload ${IMAGE}`, date: '2012-05-04', kind: 'text' }],
  earliest: { documentId: HOSTILE.id, date: '2012-05-04' },
  origin: {
    speaker: SPEAKER,
    documentId: null,
    date: '2012-05-03',
    datedBy: HOSTILE.id,
    description: `${SPEAKER}, 2012-05-03`,
  },
  chain: [
    { from: SPEAKER, to: IMAGE, relation: 'quotes' },
    { from: IMAGE, to: HOSTILE.id, relation: 'cites' },
  ],
  originGroups: [{ speaker: SPEAKER, documentIds: [HOSTILE.id] }],
  independentOrigins: 1,
  circular: false,
  reasoning: [
    {
      documentId: HOSTILE.id,
      reason: 'attributes-to',
      basedOn: SPEAKER,
      explanation: `attributes the words to ${SPEAKER}`,
    },
  ],
  summary: SCRIPT,
};

declare global {
  interface Window {
    __pwned?: number;
  }
}

describeInBrowser('hostile documents', () => {
  let bench: Workbench;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    bench = await startWorkbench(async (store) => {
      await storeItems(store, [{ document: HOSTILE, parent: null }]);
      await store.writeExtractions([HOSTILE_EXTRACTION]);
      await store.replaceClaimClusters([HOSTILE_CLAIM]);
    });
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

  it('show extracted names and quotes made of markup as text, on every screen', async () => {
    const page = await bench.newPage();
    const noInjection = async () => {
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(await page.locator('#root img, #root b, #root script').count()).toBe(0);
    };

    await page.goto(`${bench.baseUrl}/#/documents/${HOSTILE.id}`);
    const reader = new DocumentPage(page);
    await reader.marks('person').first().waitFor();
    expect(await reader.text.textContent()).toBe(HOSTILE.text);
    expect(await reader.marks('person').textContent()).toBe(SPEAKER);
    expect(await reader.marks('quote').first().getAttribute('title')).toBe(
      `Quote: ${SPEAKER} said, 2012-05-03`,
    );
    await reader.marks('quote').first().click();
    const quotes = reader.panel('Quotes');
    expect(await quotes.locator('.quote-text').textContent()).toBe(`“${SCRIPT}”`);
    expect(await quotes.getByRole('link', { name: SPEAKER }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('hostile-extraction'), fullPage: true });
    await noInjection();

    await reader.marks('person').getByRole('link').click();
    const entity = new EntityPage(page);
    await entity.waitForLoad();
    expect(await entity.title.textContent()).toBe(SPEAKER);
    expect(await entity.snippets.locator('mark').textContent()).toBe(SPEAKER);
    await noInjection();

    const claim = new ClaimPage(page);
    await claim.goto(bench.baseUrl, HOSTILE_CLAIM.id);
    expect(await claim.title.textContent()).toBe(`“${SCRIPT}”`);
    expect(await claim.node(SPEAKER).count()).toBe(1);
    expect(await claim.node(IMAGE).locator('.tree-source').first().textContent()).toContain(IMAGE);
    expect(await page.locator('.reasoning dd').first().textContent()).toBe(
      `attributes the words to ${SPEAKER}`,
    );
    await page.screenshot({ path: screenshotPath('hostile-claim'), fullPage: true });
    await noInjection();

    const timeline = new TimelinePage(page, bench.baseUrl);
    await timeline.goto();
    const labels = await page.locator('.vis-item .tl-label').allTextContents();
    expect(labels).toContain(`3 May 2012 · Payload ${IMAGE}`.slice(0, 47) + '…');
    // The keyboard list beside the chart gives the whole label, as text too.
    expect(await page.locator('.event-list .event-link').allTextContents()).toContain(
      `Mentioned: 3 May 2012 · Payload ${IMAGE}`,
    );
    await noInjection();

    await page.goto(`${bench.baseUrl}/#/graph`);
    const nodeLabels = page.locator('.node-list .node-label');
    await nodeLabels.first().waitFor();
    expect(await nodeLabels.allTextContents()).toContain(SPEAKER);
    await noInjection();
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
