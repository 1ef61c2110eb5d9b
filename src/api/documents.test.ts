import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './index.js';
import { ARTICLE_EN, ATTACHMENT, EMAIL, createTestStore, type TestStore } from './test-fixtures.js';

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

const get = (id: string) => app.inject({ method: 'GET', url: `/api/documents/${id}` });

describe('GET /api/documents/:id', () => {
  it('returns the stored document with its origins', async () => {
    const response = await get(ARTICLE_EN.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: ARTICLE_EN.id,
      title: ARTICLE_EN.title,
      text: ARTICLE_EN.text,
      byline: 'A. Reporter',
      origins: [ARTICLE_EN.origin],
      links: { parents: [], children: [] },
    });
  });

  it('returns e-mail headers, the source block as written, and attachments with titles', async () => {
    const body = (await get(EMAIL.id)).json();
    expect(body.email).toMatchObject({
      from: 'Analyst <analyst@meridian.example>',
      threadId: '<a1@meridian.example>',
    });
    expect(body.intel).toMatchObject({ code: 'MX7', sourceReliability: 'B', itemCredibility: '3' });
    expect(body.links.children).toEqual([
      {
        parentId: EMAIL.id,
        childId: ATTACHMENT.id,
        relation: 'attachment',
        name: 'seizures.csv',
        title: 'seizures.csv',
      },
    ]);
    const child = (await get(ATTACHMENT.id)).json();
    expect(child.links.parents).toEqual([
      expect.objectContaining({ parentId: EMAIL.id, title: EMAIL.title }),
    ]);
  });

  it('resolves a unique prefix of 6+ characters, in either case', async () => {
    expect((await get(ARTICLE_EN.id.slice(0, 8))).json().id).toBe(ARTICLE_EN.id);
    expect((await get(ARTICLE_EN.id.slice(0, 12).toUpperCase())).json().id).toBe(ARTICLE_EN.id);
  });

  it('answers 404 NOT_FOUND for an unknown id', async () => {
    const response = await get('0'.repeat(64));
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(response.json().error.hint).toMatch(/6 characters/);
  });

  it('answers 400 INVALID_ARGUMENT for a prefix that is too short or not hex', async () => {
    for (const id of ['abc', 'zzzzzzzz', '..%2F..%2Fetc']) {
      const response = await get(id);
      expect(response.statusCode, id).toBe(400);
      expect(response.json().error.code, id).toBe('INVALID_ARGUMENT');
    }
  });
});
