import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { walkInputs } from '../ingest/index.js';
import { openAnalysisQueue, requestAnalysis } from './analysis-queue.js';
import { parseRedisUrl } from './connection.js';
import { ingestJobId, INGEST_JOB, type IngestJobData } from './jobs.js';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, jobOptions } from './job-options.js';
import { openQueue, resolveSettings, type QueueSettings } from './settings.js';
import { storeLabel } from './store-label.js';

export interface EnqueueOptions extends QueueSettings {
  /** The store the workers write to (each worker is started with the same one). */
  storeUrl: string;
  /** Files per job (default 25): small enough to spread, large enough to batch transactions. */
  chunkSize?: number;
  attempts?: number;
  backoffMs?: number;
  /**
   * Queue one analysis job (resolution, text reuse, claim tracing) to run once every ingest and
   * extraction job is done (default true; false is `queue add --no-analyze`).
   */
  analyze?: boolean;
}

export interface EnqueueSummary {
  files: number;
  jobs: number;
  added: number;
  /** Jobs with the same files that were already queued, running or finished. */
  alreadyQueued: number;
  /** Inputs that could not be walked (missing, unreadable); nothing was queued for them. */
  skipped: { path: string; reason: string }[];
  /** The analysis job that will cover these files; null with `analyze: false` or no files. */
  analysis: { jobId: string; added: boolean } | null;
}

/** Walks the inputs as `crosscheck ingest` does and queues one ingest job per chunk of files. */
export async function enqueueIngest(
  paths: readonly string[],
  options: EnqueueOptions,
): Promise<EnqueueSummary> {
  const settings = resolveSettings(options);
  const chunkSize = options.chunkSize ?? 25;
  const store = storeLabel(options.storeUrl);
  const files: string[] = [];
  const seen = new Set<string>();
  const skipped: EnqueueSummary['skipped'] = [];
  // Absolute paths: the job runs elsewhere, from another working directory.
  for await (const entry of walkInputs(paths.map((p) => resolve(p)))) {
    if (entry.type !== 'file') skipped.push({ path: entry.path, reason: entry.reason });
    else if (!seen.has(entry.path)) {
      seen.add(entry.path);
      files.push(entry.path);
    }
  }
  const summary: EnqueueSummary = {
    files: files.length,
    jobs: 0,
    added: 0,
    alreadyQueued: 0,
    skipped,
    analysis: null,
  };
  if (files.length === 0) return summary;

  const queue = await openQueue(settings);
  try {
    for (let start = 0; start < files.length; start += chunkSize) {
      const chunk = files.slice(start, start + chunkSize);
      const jobId = ingestJobId(store, chunk);
      summary.jobs++;
      if (await queue.getJob(jobId)) {
        summary.alreadyQueued++;
        continue;
      }
      const data: IngestJobData = { kind: INGEST_JOB, files: chunk, store };
      await queue.add(
        INGEST_JOB,
        data,
        jobOptions(
          jobId,
          options.attempts ?? DEFAULT_ATTEMPTS,
          options.backoffMs ?? DEFAULT_BACKOFF_MS,
        ),
      );
      summary.added++;
    }
    if (options.analyze ?? true) {
      const analysisQueue = await openAnalysisQueue(settings);
      const client = new Redis(parseRedisUrl(settings.redisUrl));
      client.on('error', () => {});
      try {
        // After the ingest jobs, so that a pending analysis job sees them when it next looks.
        summary.analysis = await requestAnalysis(analysisQueue, client, settings, store, {
          newWork: summary.added > 0,
          ...(options.attempts !== undefined && { attempts: options.attempts }),
          ...(options.backoffMs !== undefined && { backoffMs: options.backoffMs }),
        });
      } finally {
        await analysisQueue.close();
        client.disconnect();
      }
    }
  } finally {
    await queue.close();
  }
  return summary;
}
