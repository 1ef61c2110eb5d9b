import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultIngestOptions } from '../ingest/index.js';
import { runIngest } from '../pipeline/index.js';
import { openStore } from '../store/index.js';
import { BENCH_DIR, corpusFolder } from './corpus-cache.js';
import type { CorpusFormat } from './corpus/index.js';
import { peakRssMB, round, rssMB, type BenchRow } from './measure.js';

export interface IngestBenchOptions {
  docs: number;
  seed: number;
  format: CorpusFormat;
  /** Parse worker threads and documents per transaction; unset, the pipeline's defaults. */
  parseWorkers?: number | undefined;
  batchSize?: number | undefined;
  log: (line: string) => void;
}

/**
 * Ingest throughput without extraction: a fresh SQLite store, the generated corpus, the same
 * code path as `crosscheck ingest`. Resident memory is sampled at each quarter of the run so a
 * reader can see whether it stays flat as the corpus grows.
 */
export async function benchIngest(options: IngestBenchOptions): Promise<BenchRow[]> {
  const folder = await corpusFolder(options.docs, options.seed, options.format, options.log);
  const workDir = mkdtempSync(join(BENCH_DIR, 'ingest-'));
  const storePath = join(workDir, 'store.sqlite');
  const store = await openStore(storePath);
  let closed = false;
  const rssAtQuarter: number[] = [];
  let nextQuarter = 1;
  // Sampled on a timer too: at the highest sample, how much of the process is this thread's
  // JavaScript heap; the rest is native (SQLite's page cache, the allocator) and the parse
  // workers' isolates.
  let sampledMaxRss = 0;
  let heapAtSampledMax = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss <= sampledMaxRss) return;
    sampledMaxRss = m.rss;
    heapAtSampledMax = m.heapTotal;
  }, 100);
  try {
    global.gc?.();
    const rssBefore = rssMB();
    const summary = await runIngest(store, [folder], {
      ingest: defaultIngestOptions(),
      ...(options.parseWorkers !== undefined && { parseWorkers: options.parseWorkers }),
      ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
      onProgress: (p) => {
        while (
          p.totalFiles > 0 &&
          p.filesDone >= (nextQuarter * p.totalFiles) / 4 &&
          nextQuarter <= 4
        ) {
          rssAtQuarter.push(round(rssMB()));
          nextQuarter++;
        }
      },
    });
    clearInterval(sampler);
    const stats = await store.stats();
    const documents = stats.documents;
    // Closing checkpoints the write-ahead log into the database file: measure the file after.
    await store.close();
    closed = true;
    const storeBytes = statSync(storePath).size;
    const seconds = summary.seconds;
    options.log(
      `  ingest: ${documents} documents from ${summary.files} files in ${seconds.toFixed(1)}s, ${summary.failures.length} failures`,
    );
    return [
      { part: 'ingest', metric: 'documents', value: documents, unit: 'docs' },
      { part: 'ingest', metric: 'failures', value: summary.failures.length, unit: 'files' },
      { part: 'ingest', metric: 'time', value: round(seconds, 2), unit: 's' },
      { part: 'ingest', metric: 'throughput', value: round(documents / seconds), unit: 'docs/s' },
      {
        part: 'ingest',
        metric: 'throughput',
        value: round(summary.bytes / 1024 / 1024 / seconds, 2),
        unit: 'MB/s',
      },
      { part: 'ingest', metric: 'rss before', value: round(rssBefore), unit: 'MB' },
      {
        part: 'ingest',
        metric: 'rss at 25/50/75/100%',
        value: rssAtQuarter.join(' / '),
        unit: 'MB',
      },
      { part: 'ingest', metric: 'peak rss (process)', value: round(peakRssMB()), unit: 'MB' },
      {
        part: 'ingest',
        metric: 'sampled max rss / main heap',
        value: `${round(sampledMaxRss / 1024 / 1024)} / ${round(heapAtSampledMax / 1024 / 1024)}`,
        unit: 'MB',
      },
      {
        part: 'ingest',
        metric: 'raw input',
        value: round(summary.bytes / 1024 / 1024, 1),
        unit: 'MB',
      },
      {
        part: 'ingest',
        metric: 'stored text',
        value: round(stats.textBytes / 1024 / 1024, 1),
        unit: 'MB',
      },
      {
        part: 'ingest',
        metric: 'store on disk',
        value: round(storeBytes / 1024 / 1024, 1),
        unit: 'MB',
      },
      {
        part: 'ingest',
        metric: 'store / text',
        value: round(storeBytes / Math.max(1, stats.textBytes), 2),
        unit: '×',
      },
      {
        part: 'ingest',
        metric: 'store per 1,000 docs',
        value: round(storeBytes / 1024 / 1024 / (documents / 1000), 2),
        unit: 'MB',
      },
    ];
  } finally {
    clearInterval(sampler);
    if (!closed) await store.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
