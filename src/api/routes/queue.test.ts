import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkRedis,
  enqueueIngest,
  openQueueMonitor,
  startWorker,
  type QueueMonitor,
  type QueueProgress,
} from '../../queue/index.js';
import { handleError } from '../errors.js';
import { queueRoutes, QueueResponseSchema, type QueueRouteOptions } from './queue.js';

async function serve(options: QueueRouteOptions): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  await app.withTypeProvider<ZodTypeProvider>().register(queueRoutes, options);
  return app;
}

describe('GET /api/queue without a queue', () => {
  it('says the queue is off, with zero counts', async () => {
    const app = await serve({ progress: null });
    const response = await app.inject({ method: 'GET', url: '/api/queue' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      enabled: false,
      workers: 0,
      failed: [],
      analysis: { phase: 'none', step: null },
    });
    await app.close();
  });

  it('tells the running analysis’s last step; an older server’s answer reads as no step', async () => {
    const counts = { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 };
    const step = {
      step: 'claims',
      done: 'statements matched',
      count: 1204,
      seconds: 719.5,
    } as const;
    const running: QueueProgress = {
      counts,
      documentsStored: 5000,
      docsPerSecond: 0,
      etaSeconds: 300,
      etaExcludesAnalysis: false,
      analysis: {
        phase: 'running',
        counts: { ...counts, active: 1 },
        etaSeconds: 300,
        step,
        last: null,
      },
      workers: 2,
      failed: [],
    };
    const app = await serve({ progress: async () => running });
    const response = await app.inject({ method: 'GET', url: '/api/queue' });
    expect(response.statusCode).toBe(200);
    expect(response.json().analysis).toMatchObject({ phase: 'running', step });
    await app.close();

    const { step: _step, ...olderAnalysis } = running.analysis;
    const older = QueueResponseSchema.parse({ enabled: true, ...running, analysis: olderAnalysis });
    expect(older.analysis.step).toBeNull();
  });

  it('answers with an error, not a hang, when Redis stops answering', async () => {
    const app = await serve({ progress: () => new Promise(() => {}), timeoutMs: 50 });
    const response = await app.inject({ method: 'GET', url: '/api/queue' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('QUEUE_UNAVAILABLE');
    await app.close();
  });
});

const TEST_REDIS_URL = process.env.CROSSCHECK_TEST_REDIS ?? 'redis://127.0.0.1:6379';
// Under CI a missing Redis fails the file; elsewhere the Redis tests are skipped.
const available = await checkRedis(TEST_REDIS_URL).then(
  () => true,
  (error: unknown) => {
    if (process.env.CI) throw error;
    return false;
  },
);

async function waitForDrain(monitor: QueueMonitor): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const progress = await monitor.progress();
    const { waiting, active, delayed, completed, failed } = progress.counts;
    const analysing = ['waiting', 'running'].includes(progress.analysis.phase);
    if (waiting + active + delayed === 0 && completed + failed > 0 && !analysing) return;
    if (Date.now() > deadline) {
      throw new Error(`The queue did not drain in time: ${JSON.stringify(progress)}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe.runIf(available)('GET /api/queue over a real Redis queue', () => {
  const prefix = `cc-test-api-${process.pid}-${randomBytes(4).toString('hex')}`;
  const settings = { redisUrl: TEST_REDIS_URL, queuePrefix: prefix };
  let monitor: QueueMonitor;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    monitor = await openQueueMonitor(settings);
    app = await serve({ progress: () => monitor.progress() });
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-api-queue-'));
    const fixtures = resolve(import.meta.dirname, '../../ingest/fixtures');
    for (const name of ['dateline-en.txt', 'cartel-memo-es.txt']) {
      copyFileSync(join(fixtures, name), join(dir, name));
    }
  });
  afterAll(async () => {
    await app?.close();
    await monitor?.obliterate();
    await monitor?.close();
  });

  it('reports completed and failed jobs, stored documents and live workers', async () => {
    const storeUrl = join(dir, 'case.sqlite');
    await enqueueIngest([join(dir, 'dateline-en.txt'), join(dir, 'cartel-memo-es.txt')], {
      ...settings,
      storeUrl,
    });
    // Queued for another store, so the worker refuses it: one failed job with its reason.
    await enqueueIngest([join(dir, 'dateline-en.txt')], {
      ...settings,
      storeUrl: join(dir, 'other.sqlite'),
      analyze: false,
    });
    const worker = await startWorker({
      ...settings,
      storeUrl,
      lockDurationMs: 3000,
      stalledIntervalMs: 1000,
      analysisRecheckMs: 200,
    });
    try {
      await waitForDrain(monitor);
      const response = await app.inject({ method: 'GET', url: '/api/queue' });
      expect(response.statusCode).toBe(200);
      const body = QueueResponseSchema.parse(response.json());
      expect(body).toMatchObject({
        enabled: true,
        counts: { waiting: 0, active: 0, completed: 2, failed: 1, delayed: 0 },
        documentsStored: 2,
        etaSeconds: 0,
        etaExcludesAnalysis: false,
        workers: 1,
        // The one analysis queued with the first store's files ran after its jobs.
        analysis: {
          phase: 'done',
          counts: { waiting: 0, active: 0, completed: 1, failed: 0, delayed: 0 },
          etaSeconds: 0,
          step: null,
          last: { documents: 2 },
        },
      });
      expect(body.docsPerSecond).toBeGreaterThan(0);
      expect(body.failed).toEqual([
        expect.objectContaining({
          name: 'ingest',
          attempts: 1,
          reason: expect.stringContaining('other.sqlite'),
        }),
      ]);
    } finally {
      await worker.close();
    }
  }, 90_000);
});
