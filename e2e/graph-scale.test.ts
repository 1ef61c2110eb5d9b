import { afterAll, beforeAll, expect, it } from 'vitest';
import { GraphPage } from './pages/analysis-pages.js';
import { describeInBrowser } from './support/chromium.js';
import { startWorkbench, type Workbench } from './support/workbench.js';

const ENTITIES = 1000;
const DOCUMENTS = 4000;
const TYPES = ['person', 'organization', 'place'] as const;

/**
 * The largest chart the API can send (1,000 entities and the 4,000 documents naming them most),
 * made up here: a deterministic generator stands in for a store that large.
 */
function syntheticGraph() {
  const nodes = [
    ...Array.from({ length: ENTITIES }, (_, i) => ({
      id: `entity:${TYPES[i % 3]}:Entity ${i}`,
      kind: 'entity' as const,
      type: TYPES[i % 3]!,
      label: `Entity ${i}`,
      weight: 1 + (i % 30),
    })),
    ...Array.from({ length: DOCUMENTS }, (_, i) => ({
      id: `document:${i.toString(16).padStart(64, '0')}`,
      kind: 'document' as const,
      type: null,
      label: `Document ${i}`,
      weight: 2,
    })),
  ];
  const edges = Array.from({ length: DOCUMENTS * 2 }, (_, i) => ({
    // Each document is named by two different entities.
    source: nodes[(i * 7919 + Math.floor(i / DOCUMENTS) * 13) % ENTITIES]!.id,
    target: nodes[ENTITIES + (i % DOCUMENTS)]!.id,
    kind: 'mention' as const,
    weight: 1 + (i % 3),
  }));
  return { nodes, edges, truncated: true };
}

describeInBrowser('the link chart at its largest', () => {
  let bench: Workbench;
  beforeAll(async () => {
    bench = await startWorkbench();
  });
  afterAll(() => bench?.close());

  it('draws 5,000 nodes with the cheap layout and stays usable', async () => {
    const page = await bench.newPage();
    const graph = syntheticGraph();
    await page.route('**/api/graph?*', (route) => route.fulfill({ json: graph }));
    const graphPage = new GraphPage(page, bench.baseUrl);
    await graphPage.goto();
    await expect.poll(() => graphPage.count('nodes'), { timeout: 30_000 }).toBe(5000);
    expect(await graphPage.count('edges')).toBe(8000);
    await expect.poll(() => graphPage.paintedPixels()).toBeGreaterThan(1000);
    // A figure to read, not to assert: timings depend on the machine.
    console.log(`graph: 5,000 nodes and 8,000 edges laid out in ${await graphPage.layoutMs()} ms`);

    // Still answers: the type switch rebuilds the chart.
    await page.getByRole('button', { name: 'People' }).click();
    await page.waitForURL(/type=person/);
  });
});
