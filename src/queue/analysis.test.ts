import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../ingest/index.js';
import { EXTRACTOR_VERSION, runAnalysis, runExtraction, runIngest } from '../pipeline/index.js';
import { openStore, type Store } from '../store/index.js';
import type { AnalysisJobProgress, AnalysisJobStep } from './analysis-job.js';
import { analysisLockKey, analysisQueueName } from './analysis-queue.js';
import { parseRedisUrl } from './connection.js';
import { enqueueIngest } from './enqueue.js';
import { openQueueMonitor, type QueueMonitor } from './monitor.js';
import { resolveSettings } from './settings.js';
import { storeLabel } from './store-label.js';
import { redisAvailable, TEST_REDIS_URL, uniquePrefix, waitForDrain } from './test-helpers.js';
import { startWorker, type RunningWorker } from './worker.js';

const FIXTURES = resolve(import.meta.dirname, '../ingest/fixtures');
const FIRST = ['dateline-en.txt', 'cartel-memo-es.txt', 'insight-mx7.txt', 'northgate-leak.mbox'];
const LATER = ['border-article.html', 'field-notes.md'];

function corpusCopy(names: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-analysis-'));
  for (const name of names) copyFileSync(join(FIXTURES, name), join(dir, name));
  return dir;
}

/** The oracle: one plain ingest, extraction and analysis of the same files in this process. */
async function expectedAnalysis(files: readonly string[]) {
  const reference = await openStore(':memory:');
  try {
    await runIngest(reference, [...files], { ingest: defaultIngestOptions(), parseWorkers: 0 });
    await runExtraction(reference, { workers: 0 });
    const summary = await runAnalysis(reference);
    return {
      documents: (await reference.stats()).documents,
      entities: summary.resolution.entities,
      claimClusters: summary.claims.clusters,
    };
  } finally {
    await reference.close();
  }
}

const available = await redisAvailable();

describe.runIf(available)('the analysis job, against a real Redis and a real store', () => {
  const prefix = uniquePrefix('analysis');
  const settings = { redisUrl: TEST_REDIS_URL, queuePrefix: prefix };
  const fast = { lockDurationMs: 3000, stalledIntervalMs: 1000, analysisRecheckMs: 100 };
  let monitor: QueueMonitor;
  let analysisQueue: Queue;
  let mainQueue: Queue;
  let redis: Redis;
  let workers: RunningWorker[] = [];
  let store: Store | null = null;

  beforeAll(async () => {
    monitor = await openQueueMonitor(settings);
    const connection = parseRedisUrl(TEST_REDIS_URL);
    analysisQueue = new Queue(analysisQueueName(resolveSettings(settings)), { connection, prefix });
    mainQueue = new Queue('crosscheck', { connection, prefix });
    redis = new Redis(connection);
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.close()));
    workers = [];
    await store?.close();
    store = null;
    await monitor.obliterate();
  });
  afterAll(async () => {
    await analysisQueue.close();
    await mainQueue.close();
    redis.disconnect();
    await monitor.close();
  });

  it('runs once, on one of two workers, after every ingest and extraction job', async () => {
    const dir = corpusCopy(FIRST);
    const storeUrl = join(dir, 'case.sqlite');
    const first = await enqueueIngest([dir], { ...settings, storeUrl, chunkSize: 1 });
    expect(first.analysis).toMatchObject({ added: true });
    // Re-queueing the same input: no new ingest job, no new analysis job.
    const again = await enqueueIngest([dir], { ...settings, storeUrl, chunkSize: 1 });
    expect(again).toMatchObject({
      added: 0,
      analysis: { jobId: first.analysis!.jobId, added: false },
    });
    expect((await monitor.progress()).analysis.phase).toBe('waiting');

    // Every progress the analysis job records, as `queue status` watchers would see it.
    const events = new QueueEvents(analysisQueueName(resolveSettings(settings)), {
      connection: parseRedisUrl(TEST_REDIS_URL),
      prefix,
    });
    const recorded: AnalysisJobStep[] = [];
    events.on('progress', ({ data }) => {
      const { step } = data as Partial<AnalysisJobProgress>;
      if (step) recorded.push(step);
    });
    await events.waitUntilReady();

    workers.push(await startWorker({ ...settings, ...fast, storeUrl, concurrency: 2 }));
    workers.push(await startWorker({ ...settings, ...fast, storeUrl }));
    const progress = await waitForDrain(monitor, 60_000);
    expect(progress.counts).toMatchObject({ completed: 2 * FIRST.length, failed: 0 });
    expect(progress.analysis).toMatchObject({
      phase: 'done',
      counts: { waiting: 0, active: 0, delayed: 0, completed: 1, failed: 0 },
      etaSeconds: 0,
    });
    expect(progress.etaSeconds).toBe(0);

    // It began analysing only after the last ingest or extraction job had finished.
    const [analysis] = await analysisQueue.getCompleted();
    const mainJobs = await mainQueue.getCompleted(0, -1);
    const lastMainJob = Math.max(...mainJobs.map((job) => job.finishedOn ?? Infinity));
    const startedAt = (analysis!.progress as AnalysisJobProgress).startedAt!;
    expect(startedAt).toBeGreaterThanOrEqual(lastMainJob);
    expect(analysis!.returnvalue).toMatchObject({ superseded: false });

    // What it found is what one plain run over the same files finds, and it is in the store.
    const expected = await expectedAnalysis(FIRST.map((name) => join(dir, name)));
    expect(progress.analysis.last).toMatchObject(expected);
    // It recorded its steps as they ended, never going back in time; the last one, claim tracing's
    // clusters, is in the finished job's progress.
    const lastStep = { step: 'claims', done: 'clusters recorded', count: expected.claimClusters };
    expect(analysis!.progress).toMatchObject({ phase: 'analysing', startedAt, step: lastStep });
    await expect.poll(() => recorded.at(-1)).toMatchObject(lastStep);
    await events.close();
    expect(recorded.length).toBeGreaterThan(1);
    const seconds = recorded.map((step) => step.seconds);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    expect(progress.analysis.step).toBeNull();
    expect(expected.entities).toBeGreaterThan(0);
    expect(expected.claimClusters).toBeGreaterThan(0);
    store = await openStore(storeUrl);
    expect(await store.countDocumentsToExtract(EXTRACTOR_VERSION)).toBe(0);
    expect((await store.listResolvedEntities()).total).toBe(expected.entities);
    expect((await store.listClaimClusters()).total).toBe(expected.claimClusters);
  }, 90_000);

  it('covers files added while it waits, runs again for files added after it, never twice at once', async () => {
    const dir = corpusCopy([...FIRST, ...LATER]);
    const storeUrl = join(dir, 'case.sqlite');
    const at = (names: readonly string[]) => names.map((name) => join(dir, name));
    const first = await enqueueIngest(at(FIRST), { ...settings, storeUrl });
    // New files while the first analysis job is still pending: it will see them, no second job.
    const second = await enqueueIngest(at(LATER.slice(0, 1)), { ...settings, storeUrl });
    expect(second).toMatchObject({
      added: 1,
      analysis: { jobId: first.analysis!.jobId, added: false },
    });

    // Another worker (simulated) is analysing this store: ours must wait for it.
    const lock = analysisLockKey(resolveSettings(settings), storeLabel(storeUrl));
    await redis.set(lock, 'someone-else', 'PX', 60_000);
    workers.push(await startWorker({ ...settings, ...fast, storeUrl }));
    for (;;) {
      const job = await analysisQueue.getJob(first.analysis!.jobId);
      const state = await job!.getState();
      expect(state).not.toBe('completed');
      const reason = (job!.progress as Partial<AnalysisJobProgress>).reason;
      if (reason === 'locked' && (await mainQueue.getCompletedCount()) === 2 * 2) break;
      await new Promise((done) => setTimeout(done, 50));
    }
    expect((await monitor.progress()).analysis.phase).toBe('waiting');
    await redis.del(lock);
    const drained = await waitForDrain(monitor, 60_000);
    expect(drained.analysis.counts.completed).toBe(1);
    expect(drained.analysis.last?.documents).toBe(
      (await expectedAnalysis(at([...FIRST, LATER[0]!]))).documents,
    );

    // New files after the analysis finished: one more analysis, of the whole store.
    const third = await enqueueIngest(at(LATER.slice(1)), { ...settings, storeUrl });
    expect(third.analysis).toMatchObject({ added: true });
    expect(third.analysis!.jobId).not.toBe(first.analysis!.jobId);
    const after = await waitForDrain(monitor, 60_000);
    expect(after.analysis.counts).toMatchObject({ completed: 2, failed: 0 });
    expect(after.analysis.last).toMatchObject(await expectedAnalysis(at([...FIRST, ...LATER])));
    // The analyses never overlapped.
    const runs = (await analysisQueue.getCompleted(0, -1))
      .map((job) => ({
        start: (job.progress as AnalysisJobProgress).startedAt!,
        end: job.finishedOn!,
      }))
      .sort((a, b) => a.start - b.start);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.start).toBeGreaterThanOrEqual(runs[0]!.end);
  }, 120_000);

  it('shows the running analysis’s last step, and none where its progress does not read as one', async () => {
    // A stand-in worker holds an analysis job active, and writes its progress as the job would.
    const connection = parseRedisUrl(TEST_REDIS_URL);
    const name = analysisQueueName(resolveSettings(settings));
    await analysisQueue.add('analyze', { kind: 'analyze', store: 'held' }, { jobId: 'held' });
    const holder = new Worker(name, null, { connection, prefix, lockDuration: 60_000 });
    try {
      const job = await holder.getNextJob('holder-token');
      expect(job?.id).toBe('held');
      const startedAt = Date.now() - 720_000;
      const statusAfter = async (progress: object) => {
        await job!.updateProgress(progress);
        return (await monitor.progress()).analysis;
      };

      expect(await statusAfter({ phase: 'analysing', startedAt })).toMatchObject({
        phase: 'running',
        step: null,
      });
      const matched = { step: 'claims', done: 'statements matched', seconds: 719.5 };
      expect(await statusAfter({ phase: 'analysing', startedAt, step: matched })).toMatchObject({
        phase: 'running',
        step: { ...matched, count: null },
      });
      const recorded = { step: 'resolution', done: 'entities recorded', count: 40_572, seconds: 9 };
      expect(await statusAfter({ phase: 'analysing', startedAt, step: recorded })).toMatchObject({
        phase: 'running',
        step: recorded,
      });
      // Written by some other version of the worker, or by hand: still running, with no step.
      for (const step of [
        { step: 'indexing', done: 'documents read', seconds: 3 },
        { step: 'claims', done: 42, seconds: 'soon' },
        { step: 'claims', done: 'statements matched', count: -1, seconds: 3 },
        'claims',
      ]) {
        expect(await statusAfter({ phase: 'analysing', startedAt, step })).toMatchObject({
          phase: 'running',
          step: null,
        });
      }
      // A step is only shown while the job analyses.
      expect(await statusAfter({ phase: 'waiting', reason: 'jobs', step: recorded })).toMatchObject(
        { phase: 'waiting', step: null },
      );
      await job!.moveToCompleted({ superseded: true }, 'holder-token', false);
    } finally {
      await holder.close();
    }
  });

  it('an older analysis job that is no longer current completes without analysing', async () => {
    const dir = corpusCopy(FIRST.slice(0, 1));
    const storeUrl = join(dir, 'case.sqlite');
    const queued = await enqueueIngest([dir], { ...settings, storeUrl });
    // What a concurrent `queue add` leaves: a newer analysis job is now the current one.
    const current = await redis.keys(`${prefix}:crosscheck:crosscheck:analysis:current:*`);
    expect(current).toHaveLength(1);
    await redis.set(current[0]!, 'analyze-newer');
    workers.push(await startWorker({ ...settings, ...fast, storeUrl }));
    await waitForDrain(monitor, 30_000);
    const job = await analysisQueue.getJob(queued.analysis!.jobId);
    expect(await job!.getState()).toBe('completed');
    expect(job!.returnvalue).toMatchObject({ superseded: true, entities: 0 });
    store = await openStore(storeUrl);
    expect((await store.listResolvedEntities()).total).toBe(0);
  }, 60_000);

  it('queue add with analyze: false queues no analysis (today’s behaviour)', async () => {
    const dir = corpusCopy(FIRST.slice(0, 2));
    const storeUrl = join(dir, 'case.sqlite');
    const summary = await enqueueIngest([dir], { ...settings, storeUrl, analyze: false });
    expect(summary.analysis).toBeNull();
    workers.push(await startWorker({ ...settings, ...fast, storeUrl }));
    const progress = await waitForDrain(monitor, 30_000);
    expect(progress.counts.completed).toBe(2);
    expect(progress.analysis).toMatchObject({ phase: 'none', last: null });
    expect(await analysisQueue.count()).toBe(0);
  }, 60_000);

  it('a forced stop hands the job in hand back to the queue at once', async () => {
    const dir = corpusCopy(FIRST);
    const storeUrl = join(dir, 'case.sqlite');
    await enqueueIngest([dir], { ...settings, storeUrl, chunkSize: 100, analyze: false });
    // Locks and stall checks far longer than the test: only the release can explain a takeover.
    const slow = { lockDurationMs: 120_000, stalledIntervalMs: 120_000 };
    const a = await startWorker({ ...settings, ...slow, storeUrl, batchSize: 1, name: 'a' });
    let jobId: string | undefined;
    while (jobId === undefined) {
      const [job] = await mainQueue.getActive();
      if (job && ((job.progress as { filesDone?: number }).filesDone ?? 0) > 0) jobId = job.id;
      else await new Promise((done) => setTimeout(done, 10));
    }
    await a.close({ force: true });
    const released = await mainQueue.getJob(jobId);
    expect(await released!.getState()).toBe('waiting');
    expect(released!.stalledCounter).toBe(0);

    workers.push(await startWorker({ ...settings, ...slow, storeUrl, name: 'b' }));
    const progress = await waitForDrain(monitor, 60_000);
    expect(progress.counts).toMatchObject({ completed: 2, failed: 0 });
    const done = await mainQueue.getJob(jobId);
    expect(done!.processedBy).toBe('b');
    expect(done!.stalledCounter).toBe(0);
    store = await openStore(storeUrl);
    expect((await store.stats()).documents).toBe(
      (await expectedAnalysis(FIRST.map((name) => join(dir, name)))).documents,
    );
  }, 90_000);
});
