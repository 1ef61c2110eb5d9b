import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './index.js';
import { ARTICLE_EN, ARTICLE_ES, EMAIL, createTestStore, type TestStore } from './test-fixtures.js';

let fixture: TestStore;
let app: FastifyInstance;

const PLACE = 'place:ciudad juarez';
const CARTEL = 'organization:juarez cartel';

beforeAll(async () => {
  fixture = await createTestStore();
  const entity = (id: string, type: 'place' | 'organization', name: string, docs: string[]) => ({
    id,
    type,
    name,
    aliases: [{ name, documents: docs, rule: 'canonical' }],
    mentionCount: docs.length,
    documentCount: docs.length,
  });
  await fixture.store.replaceResolution({
    entities: [
      entity(CARTEL, 'organization', 'Juárez Cartel', [ARTICLE_EN.id]),
      entity(PLACE, 'place', 'Ciudad Juárez', [ARTICLE_EN.id, EMAIL.id]),
    ],
    assignments: [
      { documentId: ARTICLE_EN.id, seq: 0, entityId: PLACE },
      { documentId: ARTICLE_EN.id, seq: 1, entityId: CARTEL },
      { documentId: EMAIL.id, seq: 0, entityId: PLACE },
    ],
    merges: [],
    unappliedDecisions: [],
  });
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
    // Counted exactly and every match ranked (a few documents are far below the count limit).
    expect(body).toMatchObject({ totalIsLowerBound: false, rankedAmong: null });
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

  it('filters by entities (all of them) and sources (any of them), repeated parameters', async () => {
    const ids = async (query: string) =>
      (await search(query))
        .json()
        .hits.map((h: { id: string }) => h.id)
        .sort();
    const entity = (id: string) => `entity=${encodeURIComponent(id)}`;
    expect(await ids(`q=juarez&${entity(PLACE)}`)).toEqual([ARTICLE_EN.id, EMAIL.id].sort());
    expect(await ids(`q=juarez&${entity(PLACE)}&${entity(CARTEL)}`)).toEqual([ARTICLE_EN.id]);
    expect(await ids('q=juarez&source=MX7')).toEqual([EMAIL.id]);
    expect(await ids('q=juarez&source=MX7&source=A.%20Reporter')).toEqual(
      [ARTICLE_EN.id, EMAIL.id].sort(),
    );
    // A source is never split on commas: this is one (unknown) source, not two.
    expect((await search('q=juarez&source=MX7,A.%20Reporter')).json().total).toBe(0);
  });

  it('returns the top entities and sources among the matches', async () => {
    const facets = (await search('q=juarez')).json().facets;
    expect(facets.entity).toEqual([
      { id: PLACE, name: 'Ciudad Juárez', type: 'place', count: 2 },
      { id: CARTEL, name: 'Juárez Cartel', type: 'organization', count: 1 },
    ]);
    expect(facets.source).toEqual([
      { source: 'A. Reporter', count: 1 },
      { source: 'MX7', count: 1 },
    ]);
    expect(facets.sampled).toBe(false);
    // The source facet leaves its own filter out; the entity facet narrows with the entities.
    const narrowed = (
      await search(`q=juarez&source=MX7&entity=${encodeURIComponent(CARTEL)}`)
    ).json().facets;
    expect(narrowed.entity).toEqual([]);
    expect(narrowed.source).toEqual([{ source: 'A. Reporter', count: 1 }]);
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
      `q=x&entity=${'e'.repeat(501)}`,
      `q=x&source=${'s'.repeat(501)}`,
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
