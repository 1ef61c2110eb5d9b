import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultIngestOptions } from '../ingest/index.js';
import { runIngest } from '../pipeline/index.js';
import { foldForMatch } from '../core/index.js';
import { openStore, type Store } from '../store/index.js';
import { benchApi } from './api-bench.js';
import { BENCH_DIR, corpusFolder } from './corpus-cache.js';
import type { CorpusFormat } from './corpus/index.js';
import { percentile, round, type BenchRow } from './measure.js';
import { QUERIES } from './search-queries.js';

export interface SearchBenchOptions {
  docs: number;
  seed: number;
  format: CorpusFormat;
  rounds: number;
  /** Also measure the HTTP search API under load on the same store. */
  api: boolean;
  /** An existing SQLite store to search as it is (nothing ingested, nothing deleted afterwards). */
  location?: string;
  log: (line: string) => void;
}

/** Each query's median, so the tail of the mix can be put down to the queries that make it. */
function perQueryRows(latencies: Map<string, number[]>): BenchRow[] {
  return [...latencies].map(([text, times]) => ({
    part: 'search',
    metric: `p50 ${text}`,
    value: round(
      percentile(
        [...times].sort((a, b) => a - b),
        50,
      ),
      2,
    ),
    unit: 'ms',
  }));
}

async function withServedStore<T>(file: string, run: (store: Store) => Promise<T>): Promise<T> {
  const served = await openStore(file, { searchWorkers: 2, searchCacheEntries: 0 });
  try {
    return await run(served);
  } finally {
    await served.close();
  }
}

/**
 * Search latency on the embedded store, and the naive alternative (reading every document and
 * looking for the folded word) for one query, so the index's worth is a measured ratio.
 */
export async function benchSearch(options: SearchBenchOptions): Promise<BenchRow[]> {
  const workDir = options.location ? null : mkdtempSync(join(BENCH_DIR, 'search-'));
  const file = options.location ?? join(workDir!, 'store.sqlite');
  // The query engine is what is measured: with the search cache on, the repeated queries below
  // would be answered from memory after their first round.
  const store = await openStore(file, { searchCacheEntries: 0 });
  try {
    if (!options.location) {
      const folder = await corpusFolder(options.docs, options.seed, options.format, options.log);
      options.log('  search: ingesting the corpus first …');
      await runIngest(store, [folder], { ingest: defaultIngestOptions() });
    }
    const documents = (await store.stats()).documents;
    // Warm the page cache and prepared statements once, as a running server would be.
    for (const text of QUERIES) await store.search({ text, limit: 20 });
    const latencies: number[] = [];
    const byQuery = new Map<string, number[]>(QUERIES.map((text) => [text, []]));
    let totalHits = 0;
    for (let round = 0; round < options.rounds; round++) {
      for (const text of QUERIES) {
        const started = performance.now();
        const results = await store.search({ text, limit: 20 });
        const ms = performance.now() - started;
        latencies.push(ms);
        byQuery.get(text)!.push(ms);
        totalHits += results.total;
      }
    }
    latencies.sort((a, b) => a - b);

    const naiveStarted = performance.now();
    let naiveMatches = 0;
    for await (const document of store.iterateDocuments({ batchSize: 1000 })) {
      if (foldForMatch(document.text).includes('juarez')) naiveMatches++;
    }
    const naiveMs = performance.now() - naiveStarted;
    const indexed = await (async () => {
      const started = performance.now();
      const results = await store.search({ text: 'Juarez', limit: 20 });
      return { ms: performance.now() - started, total: results.total };
    })();
    options.log(`  search: ${latencies.length} queries over ${documents} documents`);
    // The API as `crosscheck serve` runs it (search threads), but without the cache, for the same
    // reason as above.
    const apiRows = options.api
      ? await withServedStore(file, (served) =>
          benchApi(served, QUERIES, { seconds: 15, connections: 4, log: options.log }),
        )
      : [];
    return [
      { part: 'search', metric: 'documents', value: documents, unit: 'docs' },
      { part: 'search', metric: 'queries', value: latencies.length, unit: 'queries' },
      {
        part: 'search',
        metric: 'mean hits per query',
        value: round(totalHits / latencies.length),
        unit: 'docs',
      },
      { part: 'search', metric: 'p50', value: round(percentile(latencies, 50), 2), unit: 'ms' },
      { part: 'search', metric: 'p95', value: round(percentile(latencies, 95), 2), unit: 'ms' },
      { part: 'search', metric: 'p99', value: round(percentile(latencies, 99), 2), unit: 'ms' },
      { part: 'search', metric: 'naive scan "Juarez"', value: round(naiveMs, 1), unit: 'ms' },
      { part: 'search', metric: 'FTS5 "Juarez"', value: round(indexed.ms, 2), unit: 'ms' },
      {
        part: 'search',
        metric: 'naive / FTS5',
        value: round(naiveMs / Math.max(indexed.ms, 0.001), 0),
        unit: '×',
      },
      {
        part: 'search',
        metric: 'naive vs FTS5 hit count',
        value: `${naiveMatches} / ${indexed.total}`,
        unit: 'docs',
      },
      ...perQueryRows(byQuery),
      ...apiRows,
    ];
  } finally {
    await store.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }
}
