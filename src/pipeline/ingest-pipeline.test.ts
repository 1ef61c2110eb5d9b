import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import { runIngestPipeline } from './ingest-pipeline.js';

const SEEDS = resolve(import.meta.dirname, '../../../shared/corpus/seeds');

describe('runIngestPipeline', () => {
  it('ingests, extracts and analyses once, then skips the analysis when nothing is new', async () => {
    const store = await openStore(':memory:');
    try {
      const options = { ingest: defaultIngestOptions(), parseWorkers: 0, extractWorkers: 0 };
      const first = await runIngestPipeline(store, [SEEDS], options);
      expect(first.summary.stored).toBe(5);
      expect(first.extraction?.documents).toBe(5);
      expect(first.analysis?.claims.clusters).toBeGreaterThan(0);
      expect((await store.listResolvedEntities()).total).toBeGreaterThan(0);

      const again = await runIngestPipeline(store, [SEEDS], options);
      expect(again.summary.stored).toBe(0);
      expect(again.extraction?.documents).toBe(0);
      expect(again.analysis).toBeNull();

      const marked = await runIngestPipeline(store, [SEEDS], {
        ...options,
        tlp: 'AMBER',
        extract: false,
        analyze: false,
      });
      expect(marked.extraction).toBeNull();
      const [document] = (await store.search({ text: 'Juarez', limit: 1 })).hits;
      expect(document?.tlp).toBe('AMBER');
    } finally {
      await store.close();
    }
  }, 120_000);
});
