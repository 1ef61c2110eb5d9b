import type { Job, Queue } from 'bullmq';
import { DelayedError } from 'bullmq';
import type { Redis } from 'ioredis';
import { runAnalysisOffThread, type AnalysisProgress } from '../pipeline/index.js';
import type { Store } from '../store/index.js';
import {
  acquireLock,
  analysisLockKey,
  analysisResultKey,
  currentAnalysisKey,
  extendLock,
  readAnalysisResult,
  releaseLock,
  type StoredAnalysisResult,
} from './analysis-queue.js';
import type { AnalyzeJobData, AnalyzeJobResult, JobData } from './jobs.js';
import type { ResolvedQueueSettings } from './settings.js';

/**
 * The analysis step that ended last, as the job records it: `queue status` and the workbench show
 * it, since at a million e-mails an analysis runs for over an hour. (The memory reading is left
 * out: it is the worker's, of no use to whoever watches the queue.)
 */
export type AnalysisJobStep = Pick<AnalysisProgress, 'step' | 'done' | 'count' | 'seconds'>;

/** What an analysis job reports as its BullMQ progress (`queue status` shows the phase). */
export interface AnalysisJobProgress {
  phase: 'waiting' | 'analysing';
  /** Why it is waiting: ingest/extraction jobs still to do, or another analysis of the store. */
  reason?: 'jobs' | 'locked';
  startedAt?: number;
  /** While analysing: the step that ended last; absent until the first one ends. */
  step?: AnalysisJobStep;
}

export interface AnalysisJobContext {
  store: Store;
  mainQueue: Queue<JobData>;
  client: Redis;
  settings: ResolvedQueueSettings;
  workerName: string;
  /** How long a waiting analysis job sleeps before it looks at the queue again (ms). */
  recheckMs: number;
  /** Life of the per-store analysis lock without renewal (ms; see StartWorkerOptions). */
  lockMs: number;
  /** Called with the lock while it is held, so a forced stop can release it. */
  onLock?: (release: (() => Promise<void>) | null) => void;
  /** Called when the analysis itself starts (not on each look at the queue). */
  onAnalysing?: () => void;
}

/** Jobs of the main queue that are not finished (a paused queue's jobs are in 'wait'). */
export async function pendingMainJobs(queue: Queue<JobData>): Promise<number> {
  const counts = await queue.getJobCounts(
    'wait',
    'prioritized',
    'active',
    'delayed',
    'waiting-children',
  );
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/**
 * Why wait and recheck instead of a BullMQ flow (the analysis as parent of the ingest jobs):
 * extraction jobs are queued by the ingest jobs as they finish, re-queueing must stay idempotent
 * (an ingest job already queued, or done, by an earlier `queue add` cannot be adopted by a new
 * parent), and a parent whose child failed for good waits for ever. Looking at the queue's own
 * counts is robust to all of it: a job whose worker died stays active until another worker takes
 * it over, so it still counts, and failed jobs do not block the analysis of what was stored.
 */
export async function processAnalysisJob(
  job: Job<AnalyzeJobData, AnalyzeJobResult>,
  token: string | undefined,
  context: AnalysisJobContext,
): Promise<AnalyzeJobResult> {
  const { client, settings, store } = context;
  const data = job.data;
  const later = async (reason: 'jobs' | 'locked'): Promise<never> => {
    const progress: AnalysisJobProgress = { phase: 'waiting', reason };
    await job.updateProgress({ ...progress });
    await job.moveToDelayed(Date.now() + context.recheckMs, token);
    // Tells BullMQ the job was moved to delayed on purpose: no attempt is used up.
    throw new DelayedError();
  };

  if ((await pendingMainJobs(context.mainQueue)) > 0) return later('jobs');
  const lockKey = analysisLockKey(settings, data.store);
  const owner = `${context.workerName}:${String(job.id)}:${token ?? ''}`;
  if (!(await acquireLock(client, lockKey, owner, context.lockMs))) return later('locked');
  const release = () => releaseLock(client, lockKey, owner).catch(() => {});
  context.onLock?.(release);
  const renewal = setInterval(
    () => void extendLock(client, lockKey, owner, context.lockMs).catch(() => {}),
    Math.max(1000, Math.floor(context.lockMs / 4)),
  );
  let wait: 'jobs' | null = null;
  try {
    const superseded = (await client.get(currentAnalysisKey(settings, data.store))) !== job.id;
    const previous = await readAnalysisResult(client, settings, data.store);
    // A retaken job (its first worker's lock lapsed after it had finished) does not redo it.
    if (previous && previous.jobId === job.id) return stripStored(previous);
    if (superseded) {
      return {
        superseded: true,
        documents: 0,
        entities: 0,
        reusePairs: 0,
        claimClusters: 0,
        circularClaims: 0,
        seconds: 0,
      };
    }
    // Jobs queued between the first look and the lock.
    if ((await pendingMainJobs(context.mainQueue)) > 0) {
      wait = 'jobs';
    } else {
      const progress: AnalysisJobProgress = { phase: 'analysing', startedAt: Date.now() };
      await job.updateProgress({ ...progress });
      context.onAnalysing?.();
      const started = performance.now();
      const documents = (await store.stats()).documents;
      const steps = recordSteps(job, progress);
      // Off this thread: the locks above are renewed by timers on it.
      const summary = await runAnalysisOffThread(store, { onProgress: steps.onProgress });
      // So that the finished job's progress holds its last step, and no write lands after.
      await steps.written();
      const result: AnalyzeJobResult = {
        superseded: false,
        documents,
        entities: summary.resolution.entities,
        reusePairs: summary.reuse.pairs,
        claimClusters: summary.claims.clusters,
        circularClaims: summary.claims.circular,
        seconds: Math.round((performance.now() - started) / 10) / 100,
      };
      const stored: StoredAnalysisResult = {
        ...result,
        jobId: String(job.id),
        finishedAt: Date.now(),
      };
      await client.set(analysisResultKey(settings, data.store), JSON.stringify(stored));
      return result;
    }
  } finally {
    clearInterval(renewal);
    context.onLock?.(null);
    await release();
  }
  return later(wait);
}

/**
 * Records each step as it ends in the job's progress, without holding the analysis up: the writes
 * go to Redis one after another on a chain of their own, each with the newest step known when it
 * starts (a backlog on a slow Redis collapses into one write, and an earlier step never lands
 * after a later one), and a failed write is let go (the next step writes again).
 */
function recordSteps(
  job: Job<AnalyzeJobData, AnalyzeJobResult>,
  analysing: AnalysisJobProgress,
): { onProgress: (progress: AnalysisProgress) => void; written: () => Promise<void> } {
  let latest: AnalysisJobProgress = analysing;
  let writes: Promise<void> = Promise.resolve();
  return {
    onProgress({ step, done, count, seconds }) {
      // News arrives out of the order the steps ended in: the reuse search's thread stamps its
      // own, which can wait behind a synchronous SQLite call on the analysis thread.
      if (latest.step && seconds < latest.step.seconds) return;
      latest = {
        ...analysing,
        step: { step, done, ...(count !== undefined && { count }), seconds },
      };
      writes = writes.then(() => job.updateProgress({ ...latest })).catch(() => {});
    },
    written: () => writes,
  };
}

function stripStored(stored: StoredAnalysisResult): AnalyzeJobResult {
  const { jobId: _jobId, finishedAt: _finishedAt, ...result } = stored;
  return result;
}
