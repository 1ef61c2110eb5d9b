import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './index.js';
import { ARTICLE_EN, ARTICLE_ES, EMAIL, createTestStore, type TestStore } from './test-fixtures.js';

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

const search = (query: string) => app.inject({ method: 'GET', url: `/api/search?${query}` });

describe('GET /api/search', () => {
  it('finds documents with and without accents, with snippet parts marking the matches', async () => {
    const response = await search('q=juarez');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(4);
    const ids = body.hits.map((h: { id: string }) => h.id);
    expect(ids).toEqual(expect.arrayContaining([ARTICLE_EN.id, ARTICLE_ES.id, EMAIL.id]));
    const hit = body.hits.find((h: { id: string }) => h.id === ARTICLE_EN.id);
    expect(hit).toMatchObject({ kind: 'text', language: 'en', publishedAt: '2011-04-19' });
    const matched = hit.snippet
      .filter((p: { match: boolean }) => p.match)
      .map((p: { text: string }) => p.text);
    expect(matched).toContain('Juárez');
    const plain = hit.snippet.map((p: { text: string }) => p.text).join('');
    expect(plain).not.toMatch(/<\/?b>/);
    expect(plain).not.toContain(String.fromCharCode(2));
  });

  it('filters by language, type and dates (comma lists or repeated parameters)', async () => {
    expect((await search('q=juarez&lang=es')).json().hits.map((h: { id: string }) => h.id)).toEqual(
      [ARTICLE_ES.id],
    );
    expect((await search('q=juarez&type=email&type=text')).json().total).toBe(3);
    expect((await search('q=juarez&type=email,text')).json().total).toBe(3);
    expect((await search('q=juarez&from=2011&to=2011-12-31')).json().hits[0].id).toBe(
      ARTICLE_EN.id,
    );
  });

  it('pages with limit and offset', async () => {
    const first = (await search('q=juarez&limit=2')).json();
    const second = (await search('q=juarez&limit=2&offset=2')).json();
    expect(first.hits).toHaveLength(2);
    expect(second.hits).toHaveLength(2);
    expect(second.total).toBe(4);
    const all = [...first.hits, ...second.hits].map((h: { id: string }) => h.id);
    expect(new Set(all).size).toBe(4);
  });

  it('counts facets with every other filter applied, and skips them on request', async () => {
    const body = (await search('q=juarez&lang=en')).json();
    expect(body.facets.language).toEqual({ en: 3, es: 1, und: 0 });
    expect(body.facets.type).toMatchObject({ text: 1, email: 1, attachment: 1, pdf: 0 });
    expect((await search('q=juarez&facets=false')).json().facets).toBeNull();
  });

  it('answers 400 INVALID_ARGUMENT naming the bad parameter', async () => {
    for (const query of [
      'q=',
      'lang=en',
      'q=x&lang=fr',
      'q=x&type=video',
      'q=x&limit=0',
      'q=x&limit=abc',
      'q=x&from=19-04-2011',
      'q=x&offset=-1',
    ]) {
      const response = await search(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe('INVALID_ARGUMENT');
    }
    expect((await search('q=x&limit=0')).json().error.message).toMatch(/limit/);
  });

  it('answers 400 INVALID_QUERY with a hint for a query that does not parse', async () => {
    const response = await search(`q=${encodeURIComponent('"unclosed')}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_QUERY' });
    expect(response.json().error.message).toMatch(/quotation/i);
  });
});
