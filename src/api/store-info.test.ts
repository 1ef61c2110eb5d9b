import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './index.js';
import { FAILURE, createTestStore, type TestStore } from './test-fixtures.js';

let fixture: TestStore;
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await createTestStore();
  app = await buildServer({ store: fixture.store, webRoot: null });
});
afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('store routes', () => {
  it('GET /api/health names the store backend', async () => {
    expect((await get('/api/health')).json()).toEqual({ status: 'ok', store: 'sqlite' });
  });

  it('GET /api/stats counts documents by kind and language', async () => {
    const stats = (await get('/api/stats')).json();
    expect(stats).toMatchObject({
      documents: 4,
      byKind: { text: 2, email: 1, attachment: 1 },
      byLanguage: { en: 3, es: 1 },
      failures: 1,
      runs: 1,
    });
    expect(stats.storeBytes).toBeGreaterThan(0);
  });

  it('GET /api/runs lists the runs and validates the limit', async () => {
    const runs = (await get('/api/runs')).json();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: fixture.runId, inputs: ['fixtures'], failed: 1 });
    expect((await get('/api/runs?limit=0')).statusCode).toBe(400);
  });

  it('GET /api/failures lists failures with reasons and hints, by run', async () => {
    const failures = (await get('/api/failures')).json();
    expect(failures).toEqual([expect.objectContaining({ ...FAILURE, runId: fixture.runId })]);
    expect((await get(`/api/failures?run=${fixture.runId}&limit=5`)).json()).toHaveLength(1);
    expect((await get('/api/failures?run=no-such-run')).json()).toEqual([]);
    const bad = await get('/api/failures?limit=-3');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_ARGUMENT');
  });
});
