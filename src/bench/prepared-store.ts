import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRACTOR_VERSION } from '../pipeline/index.js';
import { BENCH_DIR, corpusFolder } from './corpus-cache.js';
import type { CorpusFormat } from './corpus/index.js';
import { runStage } from './stage-runner.js';

export interface PreparedStoreOptions {
  docs: number;
  seed: number;
  format: CorpusFormat;
  /** Ingested only, or ingested and extracted. */
  upTo: 'ingest' | 'extract';
  /** Rebuild the cached store even if one exists. */
  fresh?: boolean;
  log: (line: string) => void;
}

/** What a benchmark over a prepared store is told: the corpus, and whether to rebuild it. */
export type StoreBenchOptions = Omit<PreparedStoreOptions, 'upTo'>;

/**
 * A SQLite store holding the generated corpus, ingested (and extracted), in a new temporary
 * folder of its own, for benchmarks of the stages after. Built once per corpus and extractor
 * version and cached under bench-output/ (extracting 100,000 documents takes minutes); each
 * caller gets a copy, since the stage it measures writes to it. `--fresh` rebuilds the cache
 * when the ingest or store code changed since.
 */
export async function preparedStore(
  options: PreparedStoreOptions,
): Promise<{ path: string; dispose: () => void }> {
  const tag = options.upTo === 'ingest' ? 'ingested' : `extracted-v${String(EXTRACTOR_VERSION)}`;
  const cached = join(
    BENCH_DIR,
    `store-${options.format}-${options.docs}-${options.seed}-${tag}.sqlite`,
  );
  if (options.fresh || !existsSync(cached)) {
    const folder = await corpusFolder(options.docs, options.seed, options.format, options.log);
    const building = mkdtempSync(join(BENCH_DIR, 'prepare-'));
    try {
      const path = join(building, 'store.sqlite');
      options.log(`  preparing a store: ingesting ${options.docs} documents …`);
      await runStage({ stage: 'ingest', store: path, corpus: folder });
      if (options.upTo === 'extract') {
        options.log('  preparing a store: extracting …');
        await runStage({ stage: 'extract', store: path });
      }
      // Each stage closed the store, so the file holds everything (no write-ahead log left).
      renameSync(path, cached);
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(BENCH_DIR, 'store-'));
  const path = join(dir, 'store.sqlite');
  copyFileSync(cached, path);
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
