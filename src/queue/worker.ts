import { access } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { Queue } from 'bullmq';
import { DelayedError, UnrecoverableError, Worker, type Job, type Processor } from 'bullmq';
import { Redis } from 'ioredis';
import { CrosscheckError } from '../core/index.js';
import { defaultIngestOptions, type IngestOptions } from '../ingest/index.js';
import { runIngest } from '../pipeline/index.js';
import { openStore, type Store } from '../store/index.js';
import { analysisQueueName } from './analysis-queue.js';
import { processAnalysisJob } from './analysis-job.js';
import { parseRedisUrl } from './connection.js';
import { extractDocuments, extractStale } from './extract-documents.js';
import {
  AnalyzeJobDataSchema,
  EXTRACT_JOB,
  extractJobId,
  JobDataSchema,
  type AnalyzeJobData,
  type AnalyzeJobResult,
  type ExtractJobData,
  type ExtractJobResult,
  type IngestJobData,
  type IngestJobResult,
  type JobData,
} from './jobs.js';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, jobOptions } from './job-options.js';
import { recordingStore } from './recording-store.js';
import { openQueue, resolveSettings, type QueueSettings } from './settings.js';
import { recordSample } from './stats.js';
import { storeLabel } from './store-label.js';

export interface WorkerEvent {
  type: 'active' | 'completed' | 'failed' | 'error';
  jobId: string | null;
  jobName: string | null;
  message: string;
}

export interface StartWorkerOptions extends QueueSettings {
  storeUrl: string;
  /** Jobs this process works on at once (default 1). */
  concurrency?: number;
  /**
   * How long a job stays locked without a renewal (ms, default 30 000). A killed worker stops
   * renewing, so after this long its job counts as stalled and another worker takes it.
   */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs (ms, default 15 000). */
  stalledIntervalMs?: number;
  /** Times a job may stall (its worker died) before it is failed (default 2). */
  maxStalledCount?: number;
  /** Parse threads per ingest job (default 1: this thread; the processes are the parallelism). */
  parseWorkers?: number;
  /** Documents per ingest transaction. */
  batchSize?: number;
  ingest?: IngestOptions;
  /** How often a queued analysis job looks again whether ingest and extraction are done (ms). */
  analysisRecheckMs?: number;
  /**
   * How long an analysis job's locks (BullMQ's lock on the job and the per-store analysis lock)
   * last without renewal (ms, default 60 000). The analysis runs on a thread of its own, so this
   * thread's timers keep renewing them however long it takes; a killed worker's analysis is taken
   * over after this long. (Twice the job lock: the analysis falls back to this thread for a store
   * that cannot be reopened elsewhere, an in-memory one.)
   */
  analysisLockMs?: number;
  /** Shown by `crosscheck queue status` and BullMQ's worker list (default host:pid). */
  name?: string;
  onEvent?: (event: WorkerEvent) => void;
}

export interface RunningWorker {
  readonly name: string;
  /**
   * Waits for the jobs in hand to finish, then closes. With force it does not wait: the jobs in
   * hand go back to the front of the queue at once (see `releaseJobs`), for another worker to
   * take; the caller should then end the process, whose work on them is abandoned.
   */
  close(options?: { force?: boolean }): Promise<void>;
}

type JobResult = IngestJobResult | ExtractJobResult;

/**
 * Starts a worker that takes ingest and extraction jobs from the queue and runs the pipeline
 * against its store. Several workers on several machines share one corpus: document ids are
 * content hashes and each ingest batch is one transaction, so a job retried after a crash
 * stores nothing twice.
 */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const settings = resolveSettings(options);
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const ownStore = storeLabel(options.storeUrl);
  const ingestOptions = options.ingest ?? defaultIngestOptions();
  const emit = (event: WorkerEvent) => options.onEvent?.(event);

  // The queue first: it checks Redis answers before the store is opened for nothing.
  const queue: Queue<JobData> = await openQueue(settings);
  let store: Store;
  try {
    store = await openStore(options.storeUrl);
  } catch (error) {
    await queue.close();
    throw error;
  }
  // Unlike BullMQ's connections, a failed statistics write gives up instead of waiting for ever.
  const stats = new Redis({ ...parseRedisUrl(settings.redisUrl), maxRetriesPerRequest: 1 });
  stats.on('error', () => {});

  const ingest = async (job: Job<JobData>, data: IngestJobData): Promise<IngestJobResult> => {
    const missing: string[] = [];
    const present: string[] = [];
    for (const file of data.files) {
      try {
        await access(file);
        present.push(file);
      } catch {
        missing.push(file);
      }
    }
    const recording = recordingStore(store);
    let reported = 0;
    const samples: Promise<void>[] = [];
    const summary =
      present.length > 0
        ? await runIngest(recording.store, present, {
            ingest: ingestOptions,
            parseWorkers: options.parseWorkers ?? 1,
            ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
            onProgress: (progress) => {
              const delta = progress.documentsStored - reported;
              reported = progress.documentsStored;
              samples.push(recordSample(stats, settings, 'docs', delta).catch(() => {}));
              void job
                .updateProgress({ filesDone: progress.filesDone, totalFiles: data.files.length })
                .catch(() => {});
            },
          })
        : null;
    // Counted before the job completes, so a drained queue shows every document it stored.
    await Promise.all(samples);
    if (summary) {
      const extraction: ExtractJobData = {
        kind: EXTRACT_JOB,
        documentIds: [...recording.documentIds],
        sweepStale: summary.skippedFiles > 0,
        store: data.store,
        ingestJobId: String(job.id),
      };
      // Same id on every attempt: if an earlier attempt got this far, its (complete) list stands.
      await queue.add(
        EXTRACT_JOB,
        extraction,
        jobOptions(
          extractJobId(String(job.id)),
          job.opts.attempts ?? DEFAULT_ATTEMPTS,
          typeof job.opts.backoff === 'object'
            ? (job.opts.backoff.delay ?? DEFAULT_BACKOFF_MS)
            : DEFAULT_BACKOFF_MS,
        ),
      );
    }
    if (missing.length > 0) {
      // The files that were there are stored; failing the job keeps the missing ones in sight
      // (`crosscheck queue failed`) instead of burying them in one worker's ingest log.
      throw new CrosscheckError(
        'FILE_NOT_FOUND',
        `${missing.length} of ${data.files.length} file(s) not found on worker ${name}: ${missing
          .slice(0, 3)
          .join(', ')}${missing.length > 3 ? ', …' : ''}`,
        {
          hint: 'Every worker must see the corpus at the same paths (a shared mount); fix it, then run `crosscheck queue retry`.',
        },
      );
    }
    return {
      stored: summary!.stored,
      duplicates: summary!.duplicates,
      skippedFiles: summary!.skippedFiles,
      failures: summary!.failures.length,
      documentIds: recording.documentIds.size,
    };
  };

  const extract = async (data: ExtractJobData): Promise<ExtractJobResult> => {
    const result = data.sweepStale
      ? await extractStale(store)
      : await extractDocuments(store, data.documentIds);
    if (result.failed.length > 0) {
      throw new Error(
        `Extraction failed for ${result.failed.length} document(s): ${result.failed
          .slice(0, 3)
          .map((f) => `${f.documentId.slice(0, 12)} (${f.reason})`)
          .join('; ')}`,
      );
    }
    return { extracted: result.extracted, skipped: result.skipped, failures: 0 };
  };

  const processJob = async (job: Job<JobData>): Promise<JobResult> => {
    const parsed = JobDataSchema.safeParse(job.data);
    if (!parsed.success) {
      throw new UnrecoverableError(`Malformed job data: ${parsed.error.issues[0]!.message}`);
    }
    const data = parsed.data;
    if (data.store !== ownStore) {
      throw new UnrecoverableError(
        `Job is for store ${data.store} but worker ${name} serves ${ownStore}; ` +
          'start a worker with that --store, or give each store its own --queue-name.',
      );
    }
    let result: JobResult;
    try {
      result = data.kind === 'ingest' ? await ingest(job, data) : await extract(data);
    } catch (error) {
      // BullMQ keeps only the message as the failed reason: fold the hint into it.
      if (error instanceof CrosscheckError) throw new Error(error.describe(), { cause: error });
      throw error;
    }
    await recordSample(stats, settings, 'jobs', 1).catch(() => {});
    return result;
  };

  let releaseAnalysisLock: (() => Promise<void>) | null = null;
  const analysisLockMs = options.analysisLockMs ?? 60_000;
  const analyse = async (
    job: Job<AnalyzeJobData, AnalyzeJobResult>,
    token?: string,
  ): Promise<AnalyzeJobResult> => {
    const parsed = AnalyzeJobDataSchema.safeParse(job.data);
    if (!parsed.success) {
      throw new UnrecoverableError(`Malformed job data: ${parsed.error.issues[0]!.message}`);
    }
    if (parsed.data.store !== ownStore) {
      throw new UnrecoverableError(
        `Analysis job is for store ${parsed.data.store} but worker ${name} serves ${ownStore}.`,
      );
    }
    return processAnalysisJob(job, token, {
      store,
      mainQueue: queue,
      client: stats,
      settings,
      workerName: name,
      recheckMs: options.analysisRecheckMs ?? 2000,
      lockMs: analysisLockMs,
      onLock: (release) => (releaseAnalysisLock = release),
      onAnalysing: () =>
        emit({ type: 'active', jobId: job.id ?? null, jobName: job.name, message: 'analysing' }),
    });
  };

  // The jobs in hand and their lock tokens, so that a forced stop can hand them back.
  const inHand = new Map<string, { job: Job; token: string }>();
  const tracked = <D, R>(processor: Processor<D, R>): Processor<D, R> => {
    return async (job, token, signal) => {
      const key = `${job.queueName}/${String(job.id)}`;
      if (token) inHand.set(key, { job: job as Job, token });
      try {
        return await processor(job, token, signal);
      } finally {
        inHand.delete(key);
      }
    };
  };

  const workerOptions = {
    connection: parseRedisUrl(settings.redisUrl),
    prefix: settings.queuePrefix,
    name,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 15_000,
    maxStalledCount: options.maxStalledCount ?? 2,
    autorun: false,
  };
  const worker = new Worker<JobData, JobResult>(settings.queueName, tracked(processJob), {
    ...workerOptions,
    concurrency: options.concurrency ?? 1,
  });
  // One analysis at a time per process is plenty: the store lock allows one per store anyway.
  const analysisWorker = new Worker<AnalyzeJobData, AnalyzeJobResult>(
    analysisQueueName(settings),
    tracked(analyse),
    { ...workerOptions, lockDuration: analysisLockMs, concurrency: 1 },
  );
  // A waiting analysis job turns active every --analysis-recheck only to look at the queue:
  // it reports itself when it really starts (onAnalysing above), not on each look.
  worker.on('active', (job) =>
    emit({ type: 'active', jobId: job.id ?? null, jobName: job.name, message: 'started' }),
  );
  for (const w of [worker, analysisWorker] as Worker[]) {
    w.on('completed', (job, result) =>
      emit({
        type: 'completed',
        jobId: job.id ?? null,
        jobName: job.name,
        message: JSON.stringify(result),
      }),
    );
    w.on('failed', (job, error) => {
      // An analysis job going back to sleep until ingest is done is not a failure.
      if (error instanceof DelayedError || error.name === 'DelayedError') return;
      emit({
        type: 'failed',
        jobId: job?.id ?? null,
        jobName: job?.name ?? null,
        message: `${error.message} (attempt ${job?.attemptsMade ?? '?'} of ${job?.opts.attempts ?? '?'})`,
      });
    });
    w.on('error', (error) =>
      emit({ type: 'error', jobId: null, jobName: null, message: error.message }),
    );
  }
  for (const w of [worker, analysisWorker] as Worker[]) {
    void w
      .run()
      .catch((error: unknown) =>
        emit({ type: 'error', jobId: null, jobName: null, message: String(error) }),
      );
  }
  await Promise.all([worker.waitUntilReady(), analysisWorker.waitUntilReady()]);

  /**
   * BullMQ 6's `Job.moveToWait(token)` puts an active job back at the head of the wait list, and
   * only if this worker still holds its lock (the script checks the token): so another worker
   * takes it at once instead of after --lock-duration, and it does not count as a stall. Done
   * before the connections close; whatever this process still does with the job afterwards
   * cannot complete it (its lock is gone), and the retry skips what was committed.
   */
  const releaseJobs = async () => {
    await Promise.all(
      [...inHand.values()].map(({ job, token }) => job.moveToWait(token).catch(() => 0)),
    );
    await releaseAnalysisLock?.();
  };

  let closing: Promise<void> | null = null;
  return {
    name,
    close({ force = false } = {}) {
      closing ??= (async () => {
        try {
          if (force) await releaseJobs();
          await Promise.all([worker.close(force), analysisWorker.close(force)]);
        } finally {
          await queue.close().catch(() => {});
          stats.disconnect();
          await store.close();
        }
      })();
      return closing;
    },
  };
}
