import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, buildServer } from './index.js';
import { createTestStore, type TestStore } from './test-fixtures.js';

let fixture: TestStore;
let app: FastifyInstance;
let webRoot: string;

beforeAll(async () => {
  fixture = await createTestStore();
  webRoot = join(fixture.dir, 'web');
  await mkdir(join(webRoot, 'assets'), { recursive: true });
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Crosscheck</title>');
  await writeFile(join(webRoot, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
  app = await buildServer({ store: fixture.store, webRoot });
});
afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('security headers', () => {
  it.each([
    '/api/health',
    '/api/search?q=',
    '/api/nope',
    '/',
    '/assets/app-1a2b3c.js',
    '/api/docs',
  ])('are on %s', async (url) => {
    const response = await get(url);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('forbid inline scripts, foreign origins, plugins and framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('API description', () => {
  it('serves the OpenAPI document with every route', async () => {
    const spec = (await get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/search',
        '/api/documents/{id}',
        '/api/stats',
        '/api/failures',
        '/api/runs',
        '/api/health',
        '/api/ingest/files',
        '/api/ingest/jobs/{id}',
      ]),
    );
    const limit = spec.paths['/api/search'].get.parameters.find(
      (p: { name: string }) => p.name === 'limit',
    );
    expect(limit.schema).toMatchObject({ maximum: 100 });
  });

  it('serves the docs UI from its own bundled assets, nothing from a CDN', async () => {
    const page = await get('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/api/docs/static/swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/(src|href)="https?:/);
    expect((await get('/api/docs/static/swagger-ui-bundle.js')).statusCode).toBe(200);
  });
});

describe('web UI', () => {
  it('serves index.html at / and for app paths, uncached', async () => {
    for (const url of ['/', '/search', '/documents/abc']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/text\/html/);
      expect(response.body, url).toContain('<title>Crosscheck</title>');
    }
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets as immutable', async () => {
    const response = await get('/assets/app-1a2b3c.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps unknown /api paths as JSON 404s', async () => {
    const response = await get('/api/nope');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('without a built UI, says how to build it', async () => {
    const apiOnly = await buildServer({
      store: fixture.store,
      webRoot: join(fixture.dir, 'missing'),
    });
    const response = await apiOnly.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.hint).toMatch(/npm run build/);
    await apiOnly.close();
  });
});
