import { readFile, readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './index.js';
import { createTestStore, type TestStore } from './test-fixtures.js';

let fixture: TestStore;
let app: FastifyInstance;
let uploadDir: string;

beforeAll(async () => {
  fixture = await createTestStore();
  uploadDir = join(fixture.dir, 'uploads');
  app = await buildServer({ store: fixture.store, webRoot: null, uploadDir, maxUploadBytes: 1024 });
});
afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

const upload = (name: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'PUT',
    url: `/api/ingest/files?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream', ...headers },
    payload: body,
  });

async function waitForJob(id: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const job = (await app.inject({ method: 'GET', url: `/api/ingest/jobs/${id}` })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('PUT /api/ingest/files', () => {
  it('saves the upload under a folder of its own and ingests it in the background', async () => {
    const text = 'Cartel talks in Ciudad Juárez\nOfficials in Juárez described the talks.';
    const response = await upload('talks.txt', text);
    expect(response.statusCode).toBe(202);
    const job = response.json();
    expect(job).toMatchObject({ fileName: 'talks.txt', sizeBytes: Buffer.byteLength(text) });
    expect(['queued', 'running']).toContain(job.status);
    expect(await readFile(join(uploadDir, job.id, 'talks.txt'), 'utf8')).toBe(text);

    const done = await waitForJob(job.id);
    expect(done.status).toBe('done');
    expect(done.summary).toMatchObject({ stored: 1, failures: [] });
    expect(done.progress.filesDone).toBe(1);
    const search = await app.inject({ method: 'GET', url: '/api/search?q=described' });
    expect(search.json().total).toBe(1);
    const jobs = (await app.inject({ method: 'GET', url: '/api/ingest/jobs' })).json();
    expect(jobs.map((j: { id: string }) => j.id)).toContain(job.id);
  });

  it('reports files it could not read as failures of the job', async () => {
    const done = await waitForJob((await upload('empty.txt', '')).json().id);
    expect(done.status).toBe('done');
    expect(done.summary.failures).toEqual([
      expect.objectContaining({ code: expect.any(String), reason: expect.any(String) }),
    ]);
  });

  it('refuses names that try to leave the upload folder, and writes nothing', async () => {
    const before = await readdir(uploadDir);
    for (const name of ['../evil.txt', '..\\evil.txt', 'sub/evil.txt', '..']) {
      const response = await upload(name, 'x');
      expect(response.statusCode, name).toBe(400);
      expect(response.json().error.code, name).toBe('INVALID_ARGUMENT');
    }
    expect(await readdir(uploadDir)).toEqual(before);
    expect(await readdir(fixture.dir)).not.toContain('evil.txt');
  });

  it('answers 413 FILE_TOO_LARGE for a body over the limit', async () => {
    const response = await upload('big.bin', Buffer.alloc(2048));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(response.json().error.hint).toMatch(/limit/);
  });

  it('cuts off a body sent without a Content-Length once it passes the limit', async () => {
    const before = await readdir(uploadDir);
    const response = await app.inject({
      method: 'PUT',
      url: '/api/ingest/files?name=stream.bin',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Readable.from(Array.from({ length: 8 }, () => Buffer.alloc(256))),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('FILE_TOO_LARGE');
    const created = (await readdir(uploadDir)).filter((entry) => !before.includes(entry));
    for (const entry of created) expect(await readdir(join(uploadDir, entry))).toEqual([]);
  });

  it('over a real connection, answers an oversized stream with 413, not a reset', async () => {
    const server = await buildServer({
      store: fixture.store,
      webRoot: null,
      uploadDir,
      maxUploadBytes: 1024,
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'PUT',
          path: '/api/ingest/files?name=big.bin',
          headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      for (let i = 0; i < 8; i++) request.write(Buffer.alloc(512));
      request.end();
    });
    await server.close();
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('FILE_TOO_LARGE');
  });

  it('answers 400 without a name, 415 for another content type', async () => {
    const noName = await app.inject({
      method: 'PUT',
      url: '/api/ingest/files',
      headers: { 'content-type': 'application/octet-stream' },
      payload: 'x',
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.code).toBe('INVALID_ARGUMENT');
    const json = await upload('a.txt', '{}', { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_FORMAT');
  });
});

describe('GET /api/ingest/jobs/:id', () => {
  it('answers 404 for an unknown job and 400 for a malformed id', async () => {
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/ingest/jobs/00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: '/api/ingest/jobs/nope' })).statusCode).toBe(
      400,
    );
  });
});

describe('a server without an upload folder', () => {
  it('refuses uploads with 403 FORBIDDEN', async () => {
    const readOnly = await buildServer({ store: fixture.store, webRoot: null });
    const response = await readOnly.inject({
      method: 'PUT',
      url: '/api/ingest/files?name=a.txt',
      headers: { 'content-type': 'application/octet-stream' },
      payload: 'x',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    await readOnly.close();
  });
});
