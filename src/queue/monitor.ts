import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { AnalysisJobStep } from './analysis-job.js';
import {
  analysisKeysPattern,
  currentAnalysisKey,
  openAnalysisQueue,
  requestAnalysis,
  type StoredAnalysisResult,
} from './analysis-queue.js';
import { parseRedisUrl } from './connection.js';
import { estimateEta } from './eta.js';
import type { JobData } from './jobs.js';
import { openQueue, resolveSettings, type QueueSettings } from './settings.js';
import { readThroughput, statsKeys } from './stats.js';

export interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
}

export interface FailedJob {
  id: string;
  name: string;
  reason: string;
  attempts: number;
  /** ISO time of the last failure, when known. */
  failedAt: string | null;
}

export interface AnalysisProgress {
  /**
   * none: never queued; waiting: for the ingest and extraction jobs (or another analysis of the
   * store) to finish; running; done; failed (after its tries; `queue retry` queues it again).
   */
  phase: 'none' | 'waiting' | 'running' | 'done' | 'failed';
  counts: QueueCounts;
  /** Seconds the analysis still needs, from the last one's time per document; null if unknown. */
  etaSeconds: number | null;
  /** While running: the step that ended last; null before the first has, or when not running. */
  step: AnalysisRunningStep | null;
  /** The most recent analysis that ran to the end. */
  last: (Omit<StoredAnalysisResult, 'finishedAt' | 'superseded'> & { finishedAt: string }) | null;
}

export interface AnalysisRunningStep {
  /** Entity resolution, the reuse search, or claim tracing. */
  step: AnalysisJobStep['step'];
  /** What just finished, in a few words: "entities recorded". */
  done: string;
  /** How many, where the step counted them; null where it did not. */
  count: number | null;
  /** Seconds into the analysis when it ended. */
  seconds: number;
}

export interface QueueProgress {
  /** Ingest and extraction jobs (the analysis jobs are counted under `analysis`). */
  counts: QueueCounts;
  /** Documents new to the store, written by queue workers. */
  documentsStored: number;
  /** Over the recent window (default one minute). */
  docsPerSecond: number;
  /**
   * Seconds until everything queued is done: the queued jobs and the extraction job each queued
   * ingest job still has to come, at the recent job rate, plus the analysis; null when unknown.
   */
  etaSeconds: number | null;
  /** True when the ETA leaves out a pending analysis whose duration cannot be estimated yet. */
  etaExcludesAnalysis: boolean;
  analysis: AnalysisProgress;
  /** Workers connected to the queue now. */
  workers: number;
  failed: FailedJob[];
}

export interface QueueMonitor {
  progress(options?: { windowSeconds?: number; failedLimit?: number }): Promise<QueueProgress>;
  listFailed(limit?: number): Promise<FailedJob[]>;
  /** Moves every failed job back to waiting; returns how many there were. */
  retryFailed(): Promise<number>;
  /** Deletes the queue and its counters from Redis (tests, or starting a corpus over). */
  obliterate(): Promise<void>;
  close(): Promise<void>;
}

type CountsOf = Record<string, number>;

function toCounts(raw: CountsOf): QueueCounts {
  return {
    waiting: (raw.wait ?? 0) + (raw.prioritized ?? 0),
    active: raw.active ?? 0,
    completed: raw.completed ?? 0,
    failed: raw.failed ?? 0,
    delayed: raw.delayed ?? 0,
  };
}

const STATES = ['wait', 'prioritized', 'active', 'completed', 'failed', 'delayed'] as const;

// A job's progress is whatever its worker (of this version or another) wrote to Redis: it is read
// part by part, and a step that does not read as one is no step, not a failed status.
const AnalysingSchema = z.object({
  phase: z.literal('analysing'),
  startedAt: z.number(),
  step: z.unknown().optional(),
});
const STEP_NAMES: { [Name in AnalysisJobStep['step']]: Name } = {
  resolution: 'resolution',
  reuse: 'reuse',
  claims: 'claims',
};
const StepSchema = z.object({
  step: z.enum(STEP_NAMES),
  done: z.string().min(1).max(200),
  count: z.number().int().nonnegative().optional(),
  seconds: z.number().nonnegative(),
});

/** The start and latest step of an analysis job's progress, or null if it is not analysing. */
function readAnalysing(
  progress: unknown,
): { startedAt: number; step: AnalysisRunningStep | null } | null {
  const analysing = AnalysingSchema.safeParse(progress);
  if (!analysing.success) return null;
  const step = StepSchema.safeParse(analysing.data.step);
  return {
    startedAt: analysing.data.startedAt,
    step: step.success ? { ...step.data, count: step.data.count ?? null } : null,
  };
}

/** Keeps one connection open for repeated looks at the queue (`status --watch`, the API). */
export async function openQueueMonitor(input: QueueSettings): Promise<QueueMonitor> {
  const settings = resolveSettings(input);
  const queue: Queue<JobData> = await openQueue(settings);
  const analysisQueue = await openAnalysisQueue(settings);
  const client = new Redis(parseRedisUrl(settings.redisUrl));
  client.on('error', () => {});

  const listFailed = async (limit = 50): Promise<FailedJob[]> => {
    if (limit <= 0) return [];
    const jobs = [
      ...(await queue.getFailed(0, limit - 1)),
      ...(await analysisQueue.getFailed(0, limit - 1)),
    ];
    return jobs.slice(0, limit).map((job) => ({
      id: String(job.id),
      name: job.name,
      reason: job.failedReason ?? '',
      attempts: job.attemptsMade,
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    }));
  };

  /** The newest finished analysis over every store of this queue (a queue serves one, usually). */
  const lastResult = async (): Promise<StoredAnalysisResult | null> => {
    let newest: StoredAnalysisResult | null = null;
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(
        cursor,
        'MATCH',
        analysisKeysPattern(settings).replace(/\*$/, 'result:*'),
        'COUNT',
        100,
      );
      cursor = next;
      for (const raw of keys.length > 0 ? await client.mget(...keys) : []) {
        const result = raw ? (JSON.parse(raw) as StoredAnalysisResult) : null;
        if (result && (!newest || result.finishedAt > newest.finishedAt)) newest = result;
      }
    } while (cursor !== '0');
    return newest;
  };

  const analysisProgress = async (documentsStored: number): Promise<AnalysisProgress> => {
    const [raw, active, last, lastCompleted, lastFailed] = await Promise.all([
      analysisQueue.getJobCounts(...STATES),
      analysisQueue.getActive(),
      lastResult(),
      analysisQueue.getCompleted(0, 0),
      analysisQueue.getFailed(0, 0),
    ]);
    const counts = toCounts(raw);
    const running = active.map((job) => readAnalysing(job.progress)).find((r) => r !== null);
    const runningSince = running?.startedAt;
    const pending = counts.waiting + counts.active + counts.delayed;
    const finishedOn = (jobs: { finishedOn?: number }[]) => jobs[0]?.finishedOn ?? 0;
    const phase: AnalysisProgress['phase'] =
      runningSince !== undefined
        ? 'running'
        : pending > 0
          ? 'waiting'
          : counts.completed + counts.failed === 0
            ? 'none'
            : finishedOn(lastFailed) > finishedOn(lastCompleted)
              ? 'failed'
              : 'done';
    let etaSeconds: number | null = phase === 'waiting' || phase === 'running' ? null : 0;
    if (etaSeconds === null && last && last.documents > 0) {
      // The analysis grows with the corpus; the last run's pace per document is the best guide.
      const estimate = (last.seconds / last.documents) * Math.max(last.documents, documentsStored);
      const elapsed = runningSince !== undefined ? (Date.now() - runningSince) / 1000 : 0;
      etaSeconds = Math.max(1, Math.ceil(estimate - elapsed));
    }
    return {
      phase,
      counts,
      etaSeconds,
      step: running?.step ?? null,
      last: last && {
        jobId: last.jobId,
        documents: last.documents,
        entities: last.entities,
        reusePairs: last.reusePairs,
        claimClusters: last.claimClusters,
        circularClaims: last.circularClaims,
        seconds: last.seconds,
        finishedAt: new Date(last.finishedAt).toISOString(),
      },
    };
  };

  return {
    async progress({ windowSeconds = 60, failedLimit = 50 } = {}) {
      const [raw, unfinished, workers, throughput, failed] = await Promise.all([
        queue.getJobCounts(...STATES),
        queue.getRanges(['wait', 'prioritized', 'active', 'delayed'], 0, -1),
        queue.getWorkers(),
        readThroughput(client, settings, windowSeconds * 1000),
        listFailed(failedLimit),
      ]);
      const counts = toCounts(raw);
      const analysis = await analysisProgress(throughput.documentsStored);
      // Ids say which unfinished jobs are ingest jobs (jobs.ts) without reading their data.
      const eta = estimateEta({
        queuedJobs: counts.waiting + counts.active + counts.delayed,
        ingestJobs: unfinished.filter((id) => id.startsWith('ingest-')).length,
        jobsPerSecond: throughput.jobsPerSecond,
        analysisSeconds: analysis.etaSeconds,
      });
      return {
        counts,
        documentsStored: throughput.documentsStored,
        docsPerSecond: Math.round(throughput.docsPerSecond * 100) / 100,
        etaSeconds: eta.seconds,
        etaExcludesAnalysis: eta.excludesAnalysis,
        analysis,
        workers: workers.length,
        failed,
      };
    },
    listFailed,
    async retryFailed() {
      const failed = await queue.getFailed(0, -1);
      const analysisFailed = await analysisQueue.getFailedCount();
      if (failed.length > 0) await queue.retryJobs({ state: 'failed' });
      if (analysisFailed > 0) await analysisQueue.retryJobs({ state: 'failed' });
      // The retried jobs bring new documents: the stores that were being analysed need another
      // analysis after them (stores queued with --no-analyze have no current analysis key).
      for (const store of new Set(failed.map((job) => job.data.store))) {
        if (await client.exists(currentAnalysisKey(settings, store))) {
          await requestAnalysis(analysisQueue, client, settings, store, { newWork: true });
        }
      }
      return failed.length + analysisFailed;
    },
    async obliterate() {
      await queue.obliterate({ force: true });
      await analysisQueue.obliterate({ force: true });
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await client.scan(
          cursor,
          'MATCH',
          analysisKeysPattern(settings),
          'COUNT',
          100,
        );
        cursor = next;
        keys.push(...found);
      } while (cursor !== '0');
      await client.del(...statsKeys(settings), ...keys);
    },
    async close() {
      await queue.close();
      await analysisQueue.close();
      client.disconnect();
    },
  };
}

/** One look at the queue: counts, throughput, ETA, failures and live workers. */
export async function getQueueProgress(
  settings: QueueSettings,
  options?: { windowSeconds?: number; failedLimit?: number },
): Promise<QueueProgress> {
  const monitor = await openQueueMonitor(settings);
  try {
    return await monitor.progress(options);
  } finally {
    await monitor.close();
  }
}
