import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { BENCH_DIR, corpusFolder } from './corpus-cache.js';
import type { CorpusFormat } from './corpus/index.js';
import { machineLoad } from './measure.js';
import type { SizeResult, Stage, StageFigures } from './stage-figures.js';
import { runStage } from './stage-runner.js';

export interface CombinedBenchOptions {
  sizes: number[];
  seed: number;
  format: CorpusFormat;
  rounds: number;
  /** In pipeline order, ingest first: e.g. ingest and search alone at a million documents. */
  stages: readonly Stage[];
  log: (line: string) => void;
}

/**
 * The whole pipeline at each corpus size (or the stages chosen): ingest, extract, resolve, reuse
 * and search one after another on one fresh SQLite store, each stage in a process of its own (its peak memory is its
 * own) on the store the stage before left. The corpus is generated (or taken from the cache)
 * before the clock starts.
 */
export async function benchAll(options: CombinedBenchOptions): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const docs of options.sizes) {
    const folder = await corpusFolder(docs, options.seed, options.format, options.log);
    const groundTruth = join(dirname(folder), 'ground-truth.jsonl');
    const dir = mkdtempSync(join(BENCH_DIR, 'all-'));
    const store = join(dir, 'store.sqlite');
    try {
      const loadBefore = machineLoad(loadavg());
      const started = performance.now();
      const stages: StageFigures[] = [];
      for (const stage of options.stages) {
        options.log(`  all ${docs}: ${stage} … (load ${machineLoad(loadavg())})`);
        const figures = await runStage({
          stage,
          store,
          rounds: options.rounds,
          ...(stage === 'ingest' && { corpus: folder }),
          // The analysis is scored against the corpus's planted re-quotes, after its figures.
          ...(stage === 'analyze' &&
            existsSync(groundTruth) && { corpus: folder, groundTruth: groundTruth }),
        });
        options.log(
          `  all ${docs}: ${stage} took ${figures.seconds.toFixed(1)}s, peak ${Math.round(figures.peakRssMB)} MB`,
        );
        stages.push(figures);
      }
      results.push({
        docs,
        stages,
        endToEndSeconds: (performance.now() - started) / 1000,
        loadBefore,
        loadAfter: machineLoad(loadavg()),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
