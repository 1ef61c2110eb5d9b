import { copyFileSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../ingest/index.js';
import { EXTRACTOR_VERSION, runIngest } from '../pipeline/index.js';
import { openStore, type Store } from '../store/index.js';
import { checkRedis, parseRedisUrl, QueueUnavailableError } from './connection.js';
import { enqueueIngest } from './enqueue.js';
import { openQueueMonitor, type QueueMonitor } from './monitor.js';
import { redisAvailable, TEST_REDIS_URL, uniquePrefix, waitForDrain } from './test-helpers.js';
import { startWorker, type RunningWorker } from './worker.js';

const FIXTURES = resolve(import.meta.dirname, '../ingest/fixtures');
const READABLE = [
  'dateline-en.txt',
  'cartel-memo-es.txt',
  'insight-mx7.txt',
  'border-article.html',
  'forwarded-as-attachment.eml',
  'html-only.eml',
  'northgate-leak.mbox',
  'field-notes.md',
];

/** A private copy of readable fixtures, so a test may make one vanish. */
function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-queue-'));
  for (const name of READABLE) copyFileSync(join(FIXTURES, name), join(dir, name));
  return dir;
}

async function documentIds(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for await (const d of store.iterateDocuments()) ids.push(d.id);
  return ids.sort();
}

/** What one plain, single-process ingest of the same files stores: the oracle. */
async function expectedIds(dir: string): Promise<string[]> {
  const reference = await openStore(':memory:');
  try {
    await runIngest(reference, [dir], { ingest: defaultIngestOptions(), parseWorkers: 0 });
    return await documentIds(reference);
  } finally {
    await reference.close();
  }
}

describe('Redis URLs', () => {
  it('rejects what is not a redis:// URL, naming the flag to fix', () => {
    expect(() => parseRedisUrl('http://localhost:6379')).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('Invalid Redis URL "http://localhost:6379/"'),
        hint: expect.stringContaining('--redis'),
      }),
    );
    expect(() => parseRedisUrl('redis://localhost/abc')).toThrow(/database/);
  });

  it('reads host, port, credentials, database and TLS', () => {
    expect(parseRedisUrl('rediss://me:s%40cret@cache.example:6380/2')).toMatchObject({
      host: 'cache.example',
      port: 6380,
      username: 'me',
      password: 's@cret',
      db: 2,
      tls: {},
    });
  });

  it('fails fast with a typed error naming the URL (without its password) when unreachable', async () => {
    const error = await checkRedis('redis://:hunter2@127.0.0.1:1', 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueUnavailableError);
    expect((error as QueueUnavailableError).code).toBe('QUEUE_UNAVAILABLE');
    expect((error as Error).message).toContain('127.0.0.1:1');
    expect((error as Error).message).not.toContain('hunter2');
  });
});

const available = await redisAvailable();

describe.runIf(available)('the ingest queue against a real Redis and a real store', () => {
  let dir: string;
  let storePath: string;
  let store: Store | null = null;
  let monitor: QueueMonitor;
  let workers: RunningWorker[] = [];
  const prefix = uniquePrefix('queue');
  const settings = { redisUrl: TEST_REDIS_URL, queuePrefix: prefix };
  const fast = { lockDurationMs: 3000, stalledIntervalMs: 1000 };

  beforeAll(async () => {
    monitor = await openQueueMonitor(settings);
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.close()));
    workers = [];
    await store?.close();
    store = null;
    await monitor.obliterate();
  });
  afterAll(async () => {
    await monitor.obliterate();
    await monitor.close();
  });

  it('stores every document once, extracts them all, and reports progress', async () => {
    dir = corpusCopy();
    storePath = join(dir, '..', `${prefix}-a.sqlite`);
    const first = await enqueueIngest([dir], { ...settings, storeUrl: storePath, chunkSize: 3 });
    expect(first).toMatchObject({ files: READABLE.length, jobs: 3, added: 3, alreadyQueued: 0 });
    // The same input again adds nothing: job ids are hashes of the files.
    const again = await enqueueIngest([dir], { ...settings, storeUrl: storePath, chunkSize: 3 });
    expect(again).toMatchObject({ jobs: 3, added: 0, alreadyQueued: 3 });

    workers.push(await startWorker({ ...settings, ...fast, storeUrl: storePath, concurrency: 2 }));
    workers.push(await startWorker({ ...settings, ...fast, storeUrl: storePath }));
    expect((await monitor.progress()).workers).toBe(2);
    const progress = await waitForDrain(monitor);
    // Three ingest jobs, each followed by one extraction job.
    expect(progress.counts).toEqual({ waiting: 0, active: 0, completed: 6, failed: 0, delayed: 0 });
    expect(progress.etaSeconds).toBe(0);
    expect(progress.failed).toEqual([]);

    store = await openStore(storePath);
    const ids = await documentIds(store);
    expect(ids).toEqual(await expectedIds(dir));
    expect(progress.documentsStored).toBe(ids.length);
    for (const id of ids) {
      expect((await store.getExtraction(id))?.extractorVersion).toBe(EXTRACTOR_VERSION);
    }
    expect(await store.countDocumentsToExtract(EXTRACTOR_VERSION)).toBe(0);
  });

  it('fails a job whose file vanished, after its retries, while the others complete', async () => {
    dir = corpusCopy();
    storePath = join(dir, '..', `${prefix}-b.sqlite`);
    const summary = await enqueueIngest([dir], {
      ...settings,
      storeUrl: storePath,
      chunkSize: 1,
      attempts: 2,
      backoffMs: 50,
    });
    expect(summary.added).toBe(READABLE.length);
    const vanished = join(dir, 'dateline-en.txt');
    renameSync(vanished, `${vanished}.gone`);

    workers.push(await startWorker({ ...settings, ...fast, storeUrl: storePath, concurrency: 3 }));
    const progress = await waitForDrain(monitor);
    expect(progress.counts.failed).toBe(1);
    expect(progress.counts.completed).toBe(2 * (READABLE.length - 1));
    expect(progress.failed).toHaveLength(1);
    expect(progress.failed[0]).toMatchObject({ name: 'ingest', attempts: 2 });
    expect(progress.failed[0]!.reason).toContain(vanished);
    expect(progress.failed[0]!.reason).toContain('queue retry');
    expect(progress.failed[0]!.failedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    // Put the file back and retry: the job completes and nothing is stored twice.
    renameSync(`${vanished}.gone`, vanished);
    expect(await monitor.retryFailed()).toBe(1);
    const after = await waitForDrain(monitor);
    expect(after.counts.failed).toBe(0);
    expect(after.counts.completed).toBe(2 * READABLE.length);
    store = await openStore(storePath);
    expect(await documentIds(store)).toEqual(await expectedIds(dir));
    expect(await store.countDocumentsToExtract(EXTRACTOR_VERSION)).toBe(0);
  });

  it('finishes the work of an attempt that died after committing part of its chunk', async () => {
    dir = corpusCopy();
    storePath = join(dir, '..', `${prefix}-d.sqlite`);
    // What a killed attempt leaves: some of the chunk's files committed, nothing extracted.
    store = await openStore(storePath);
    await runIngest(store, [join(dir, 'northgate-leak.mbox'), join(dir, 'dateline-en.txt')], {
      ingest: defaultIngestOptions(),
      parseWorkers: 0,
    });
    const before = (await store.stats()).documents;
    await store.close();
    store = null;

    await enqueueIngest([dir], { ...settings, storeUrl: storePath, chunkSize: 100 });
    workers.push(await startWorker({ ...settings, ...fast, storeUrl: storePath }));
    const progress = await waitForDrain(monitor);
    expect(progress.counts).toMatchObject({ completed: 2, failed: 0 });

    store = await openStore(storePath);
    const ids = await documentIds(store);
    expect(ids).toEqual(await expectedIds(dir));
    // Only the documents the earlier attempt had not stored count as stored by the queue.
    expect(progress.documentsStored).toBe(ids.length - before);
    // The extraction job cannot know the ids of the skipped files, so it swept every stale one.
    const queue = new Queue('crosscheck', { connection: parseRedisUrl(TEST_REDIS_URL), prefix });
    const extraction = (await queue.getCompleted()).find((job) => job.name === 'extract');
    await queue.close();
    expect(extraction?.data).toMatchObject({ kind: 'extract', sweepStale: true });
    expect(await store.countDocumentsToExtract(EXTRACTOR_VERSION)).toBe(0);
  });

  it('closing a worker mid-job finishes the job in hand before it lets go', async () => {
    dir = corpusCopy();
    storePath = join(dir, '..', `${prefix}-e.sqlite`);
    await enqueueIngest([dir], { ...settings, storeUrl: storePath, chunkSize: 100 });
    const worker = await startWorker({ ...settings, ...fast, storeUrl: storePath, batchSize: 1 });
    const queue = new Queue('crosscheck', { connection: parseRedisUrl(TEST_REDIS_URL), prefix });
    try {
      while ((await queue.getActiveCount()) === 0) await new Promise((r) => setTimeout(r, 10));
      await worker.close();
      // Completed by this worker, not left to stall and be taken over.
      const ingest = (await queue.getJobs(['completed'])).find((j) => j.name === 'ingest');
      expect(ingest?.finishedOn).toBeGreaterThan(0);
      expect(ingest?.stalledCounter).toBe(0);
      expect(await queue.getActiveCount()).toBe(0);
    } finally {
      await queue.close();
    }
  });

  it('refuses, without retrying, a job queued for another store', async () => {
    dir = corpusCopy();
    storePath = join(dir, '..', `${prefix}-c.sqlite`);
    await enqueueIngest([join(dir, 'dateline-en.txt')], {
      ...settings,
      storeUrl: join(dir, '..', 'some-other-case.sqlite'),
    });
    workers.push(await startWorker({ ...settings, ...fast, storeUrl: storePath }));
    const progress = await waitForDrain(monitor);
    expect(progress.counts.failed).toBe(1);
    expect(progress.failed[0]!.attempts).toBe(1);
    expect(progress.failed[0]!.reason).toMatch(/some-other-case\.sqlite.*--store/);
  });
});
