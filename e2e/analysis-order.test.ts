import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/corpus/index.js';
import { defaultIngestOptions } from '../src/ingest/index.js';
import { runAnalysis, runExtraction, runIngest } from '../src/pipeline/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { tempDir } from './cli-helpers.js';

/** Every file under `dir`, sorted: the order one ingest reads them in. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function insertionOrder(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for await (const document of store.iterateDocuments({ batchSize: 1000 })) ids.push(document.id);
  return ids;
}

/** What the analysis concluded, with nothing that depends on when it ran. */
async function conclusions(store: Store) {
  const { clusters } = await store.listClaimClusters({ limit: 1_000_000 });
  const pairs = await store.listReusePairs({ limit: 1_000_000 });
  return {
    clusters: [...clusters].sort((a, b) => (a.id < b.id ? -1 : 1)),
    pairs: [...pairs].sort((a, b) => (a.a + a.b < b.a + b.b ? -1 : 1)),
  };
}

/*
 * A parallel ingest stores documents in whatever order its parsers finish, and an incremental one
 * in the order they arrived. A forensic tool must reach the same conclusions from the same evidence
 * however it came in: reuse pairs a passage's carriers around one of them when many share it, and
 * claim tracing follows a capped list of carriers per quotation, so both once depended on reading
 * order (10,000 e-mails ingested twice differed in 5 reuse pairs and 78 claim clusters). The
 * corpus is large enough for its planted quotations to pass both caps.
 */
describe('one corpus ingested in two orders', () => {
  const dir = tempDir('crosscheck-order-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same reuse pairs and the same claim clusters', async () => {
    await writeCorpus({ out: dir, docs: 3000, seed: 'analysis-order', format: 'eml' });
    const files = filesUnder(join(dir, 'docs'));
    const forward = await openStore(join(dir, 'forward.sqlite'));
    const backward = await openStore(join(dir, 'backward.sqlite'));
    try {
      const ingest = { ingest: defaultIngestOptions(), parseWorkers: 0 };
      await runIngest(forward, files, ingest);
      await runIngest(backward, [...files].reverse(), ingest);
      // The same documents, stored in another order (an attachment still follows its e-mail).
      const order = await insertionOrder(forward);
      const otherOrder = await insertionOrder(backward);
      expect([...otherOrder].sort()).toEqual([...order].sort());
      expect(otherOrder.slice(0, 100)).not.toEqual(order.slice(0, 100));

      for (const store of [forward, backward]) {
        await runExtraction(store, { workers: 2 });
        await runAnalysis(store);
      }
      const expected = await conclusions(forward);
      // Planted quotations carried by more documents than the caps (32 per reuse fingerprint, 64
      // per claim anchor) are what made the order matter.
      expect(Math.max(...expected.clusters.map((c) => c.documents.length))).toBeGreaterThan(64);
      expect(expected.pairs.length).toBeGreaterThan(1000);
      expect(await conclusions(backward)).toEqual(expected);
    } finally {
      await forward.close();
      await backward.close();
    }
  }, 600_000);
});
