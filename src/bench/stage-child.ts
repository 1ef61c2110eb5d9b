/**
 * Runs one pipeline stage on a SQLite store in a process of its own and prints its figures as
 * one JSON line on stdout. A fresh process per stage is what makes each stage's peak resident
 * memory its own: the kernel's high-water mark cannot be reset inside a process.
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { defaultIngestOptions } from '../ingest/index.js';
import {
  runAnalysis,
  runExtraction,
  runIngest,
  runResolution,
  runReuse,
} from '../pipeline/index.js';
import { openStore, type Store } from '../store/index.js';
import { peakRssMB, percentiles, round, rssMB } from './measure.js';
import { measureRequotes } from './requote-score.js';
import { QUERIES } from './search-queries.js';
import { STAGES, type StageFigures } from './stage-figures.js';

export const StageJobSchema = z.object({
  stage: z.enum(STAGES),
  /** SQLite store file. */
  store: z.string(),
  /** Ingest: the corpus folder; analyze: the folder ingested, where groundTruth's paths lie. */
  corpus: z.string().optional(),
  /**
   * Analyze only: the generated corpus's ground-truth.jsonl, to score claim tracing against its
   * planted re-quotes (requote-score.ts) once the stage's figures are taken.
   */
  groundTruth: z.string().optional(),
  /** Ingest only: parse worker threads and documents per transaction (pipeline defaults if unset). */
  parseWorkers: z.number().int().min(0).optional(),
  batchSize: z.number().int().positive().optional(),
  /** Extract only: worker threads (default: every core). */
  extractWorkers: z.number().int().min(0).optional(),
  /** Search only: times each query is run. */
  rounds: z.number().int().positive().default(20),
});
export type StageJob = z.input<typeof StageJobSchema>;

/** The store file and its write-ahead log and shared-memory files. */
export function storeFilesBytes(storePath: string): number {
  const name = basename(storePath);
  return readdirSync(dirname(storePath))
    .filter((f) => f === name || f.startsWith(`${name}-`))
    .reduce((sum, f) => sum + statSync(join(dirname(storePath), f)).size, 0);
}

async function run(job: z.output<typeof StageJobSchema>): Promise<StageFigures> {
  // No search cache: the search stage times the query engine, and repeats its queries.
  const store = await openStore(job.store, { searchCacheEntries: 0 });
  const counts: Record<string, number> = {};
  let latency: StageFigures['latency'] = null;
  let seconds: number;
  let bytes: number;
  // Sampled on a timer as well as at quarters: a synchronous stretch can hide a short peak from
  // the timer, never from maxRSS, so the two together say whether the peak is a spike or a level.
  // At the highest sample, how much of it is this thread's JavaScript heap and external memory:
  // the rest is native (SQLite's page cache, the allocator) and the worker threads' heaps.
  let sampledMax = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss / (1024 * 1024) <= sampledMax) return;
    sampledMax = m.rss / (1024 * 1024);
    counts.atSampledMaxHeapMB = round(m.heapTotal / (1024 * 1024));
    counts.atSampledMaxExternalMB = round(m.external / (1024 * 1024));
  }, 100);
  const cpuBefore = process.cpuUsage();
  try {
    global.gc?.();
    counts.rssBeforeMB = round(rssMB());
    if (job.stage === 'ingest') {
      if (!job.corpus) throw new Error('the ingest stage needs a corpus folder');
      let quarter = 1;
      const summary = await runIngest(store, [job.corpus], {
        ingest: defaultIngestOptions(),
        ...(job.parseWorkers !== undefined && { parseWorkers: job.parseWorkers }),
        ...(job.batchSize !== undefined && { batchSize: job.batchSize }),
        onProgress: (p) => {
          while (p.totalFiles > 0 && quarter <= 4 && p.filesDone >= (quarter * p.totalFiles) / 4) {
            counts[`rssAt${quarter * 25}%MB`] = round(rssMB());
            quarter++;
          }
        },
      });
      seconds = summary.seconds;
      bytes = summary.bytes;
      counts.failures = summary.failures.length;
    } else if (job.stage === 'extract') {
      const summary = await runExtraction(store, {
        workers: job.extractWorkers ?? availableParallelism(),
      });
      seconds = summary.seconds;
      bytes = (await store.stats()).textBytes;
      Object.assign(counts, {
        extracted: summary.documents,
        mentions: summary.mentions,
        quotes: summary.quotes,
        workers: summary.workers,
        failures: summary.failures.length,
      });
    } else if (job.stage === 'resolve') {
      const summary = await runResolution(store);
      seconds = summary.seconds;
      bytes = (await store.stats()).textBytes;
      Object.assign(counts, {
        mentions: summary.mentions,
        entities: summary.entities,
        merges: summary.merges,
      });
    } else if (job.stage === 'reuse') {
      const summary = await runReuse(store);
      seconds = summary.seconds;
      bytes = (await store.stats()).textBytes;
      Object.assign(counts, {
        candidates: summary.candidates,
        aligned: summary.aligned,
        pairs: summary.pairs,
        nearDuplicates: summary.nearDuplicates,
        passageGroups: summary.passageGroups,
      });
    } else if (job.stage === 'analyze') {
      const started = performance.now();
      const summary = await runAnalysis(store);
      seconds = (performance.now() - started) / 1000;
      bytes = (await store.stats()).textBytes;
      Object.assign(counts, {
        entities: summary.resolution.entities,
        resolveSeconds: round(summary.resolution.seconds),
        pairs: summary.reuse.pairs,
        reuseSeconds: round(summary.reuse.seconds),
        claimClusters: summary.claims.clusters,
        largestClaimDocuments: summary.claims.largest,
        claimSeconds: round(summary.claims.seconds),
      });
    } else {
      // Warm the page cache and prepared statements once, as a running server would be.
      for (const text of QUERIES) await store.search({ text, limit: 20 });
      const latencies: number[] = [];
      const started = performance.now();
      for (let r = 0; r < job.rounds; r++) {
        for (const text of QUERIES) {
          const t = performance.now();
          await store.search({ text, limit: 20 });
          latencies.push(performance.now() - t);
        }
      }
      seconds = (performance.now() - started) / 1000;
      bytes = 0;
      latency = { ...percentiles(latencies), queries: latencies.length };
    }
    const cpu = process.cpuUsage(cpuBefore);
    const documents = (await store.stats()).documents;
    // The stage's memory and CPU are taken before scoring, which is no part of the stage.
    clearInterval(sampler);
    counts.sampledMaxRssMB = round(Math.max(sampledMax, rssMB()));
    const peak = peakRssMB();
    if (job.stage === 'analyze' && job.groundTruth && job.corpus) {
      Object.assign(counts, await scoreClaims(store, job.groundTruth, job.corpus));
    }
    await store.close();
    return {
      stage: job.stage,
      documents,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      bytes,
      peakRssMB: peak,
      // Closing checkpoints the write-ahead log into the file: measured after.
      storeBytes: storeFilesBytes(job.store),
      latency,
      counts,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The re-quote figures for the analyze row, with the misses listed on stderr to look into. */
async function scoreClaims(
  store: Store,
  groundTruth: string,
  corpus: string,
): Promise<Record<string, number>> {
  const started = performance.now();
  const score = await measureRequotes(store, groundTruth, corpus);
  for (const miss of score.misses.slice(0, 20)) {
    const wide = miss.smallestShared === null ? '' : ` (${miss.smallestShared} documents)`;
    process.stderr.write(`  re-quote missed: ${miss.a} → ${miss.b}: ${miss.reason}${wide}\n`);
  }
  if (score.misses.length > 20) process.stderr.write(`  … ${score.misses.length - 20} more\n`);
  return {
    plantedRequotes: score.planted,
    requotesInSmallCluster: score.inSmallCluster,
    requotesInSmallClusterShare: round(score.planted ? score.inSmallCluster / score.planted : 0, 4),
    requotesSharingCluster: score.sharingCluster,
    smallClusterDocuments: score.maxDocuments,
    requoteScoreSeconds: round((performance.now() - started) / 1000, 2),
  };
}

const job = StageJobSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const figures = await run(job);
process.stdout.write(`${JSON.stringify(figures)}\n`);
// Worker pools and timers must not keep a finished stage alive.
process.exit(0);
