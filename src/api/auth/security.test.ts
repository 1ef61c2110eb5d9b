import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../server.js';
import { createTestStore } from '../test-fixtures.js';
import { multiUserSecuritySuite } from './test-helpers.js';

describe('multi-user server over SQLite', () => {
  multiUserSecuritySuite(async () => {
    const server = await mkdtemp(join(tmpdir(), 'crosscheck-home-'));
    return { server, drop: () => rm(server, { recursive: true, force: true }) };
  });
});

describe('embedded server', () => {
  it('stays the single-user workbench: no login, no collection, no audit', async () => {
    const fixture = await createTestStore();
    const app = await buildServer({ store: fixture.store, webRoot: null });
    try {
      const stats = await app.inject({ method: 'GET', url: '/api/stats' });
      expect(stats.statusCode).toBe(200);
      expect(stats.json().documents).toBeGreaterThan(0);
      expect((await app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(404);
      const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(spec.components?.securitySchemes).toBeUndefined();
    } finally {
      await app.close();
      await fixture.cleanup();
    }
  });
});
