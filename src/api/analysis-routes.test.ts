import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPRINT, storeAnalysis } from './analysis-fixtures.js';
import { buildServer } from './index.js';
import {
  ARTICLE_EN,
  ARTICLE_ES,
  ATTACHMENT,
  EMAIL,
  createTestStore,
  type TestStore,
} from './test-fixtures.js';

let fixture: TestStore;
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await createTestStore([REPRINT]);
  await storeAnalysis(fixture.store);
  app = await buildServer({ store: fixture.store, webRoot: null });
});
afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const JUAREZ = `/api/entities/place/${encodeURIComponent('Ciudad Juárez')}`;

describe('GET /api/documents/:id/extraction', () => {
  it('returns what extraction found, offsets into the text', async () => {
    const response = await get(`/api/documents/${ARTICLE_ES.id.slice(0, 10)}/extraction`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ documentId: ARTICLE_ES.id, extractorVersion: 'fixture-1' });
    expect(body.extractedAt).toEqual(expect.any(String));
    for (const m of body.extraction.mentions) {
      expect(ARTICLE_ES.text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(body.extraction.quotes).toEqual([
      expect.objectContaining({
        text: 'confirmó la detención en Juárez',
        speaker: 'Secretaría de la Defensa Nacional',
        verb: 'dijo',
        saidOn: '2012-03-02',
      }),
    ]);
  });

  it('answers 404 with a hint for a document never extracted', async () => {
    const response = await get(`/api/documents/${ATTACHMENT.id}/extraction`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(response.json().error.hint).toMatch(/crosscheck extract/);
  });

  it('answers 404 for an unknown document and 400 for a malformed id', async () => {
    expect((await get(`/api/documents/${'0'.repeat(64)}/extraction`)).statusCode).toBe(404);
    expect((await get('/api/documents/xyz/extraction')).statusCode).toBe(400);
  });
});

describe('GET /api/documents/:id/reuse', () => {
  it('turns each pair around so that start/end index the requested document', async () => {
    const body = (await get(`/api/documents/${REPRINT.id}/reuse`)).json();
    expect(body.pairs).toHaveLength(1);
    const [pair] = body.pairs;
    expect(pair).toMatchObject({ otherId: ARTICLE_EN.id, otherTitle: ARTICLE_EN.title });
    const [passage] = pair.passages;
    expect(REPRINT.text.slice(passage.start, passage.end)).toBe(passage.text);
    expect(ARTICLE_EN.text.slice(passage.otherStart, passage.otherEnd)).toBe(passage.text);
  });

  it('lists every document carrying a shared passage, earliest first, with titles', async () => {
    const body = (await get(`/api/documents/${ARTICLE_EN.id}/reuse`)).json();
    expect(body.passages).toHaveLength(1);
    expect(body.passages[0].occurrences).toEqual([
      expect.objectContaining({ documentId: ARTICLE_EN.id, title: ARTICLE_EN.title }),
      expect.objectContaining({ documentId: REPRINT.id, title: REPRINT.title, date: '2012-05-01' }),
    ]);
  });

  it('is empty for a document sharing nothing', async () => {
    expect((await get(`/api/documents/${EMAIL.id}/reuse`)).json()).toEqual({
      pairs: [],
      passages: [],
    });
  });
});

describe('GET /api/timeline', () => {
  it('returns dated events and the publication dates of their documents', async () => {
    const body = (await get('/api/timeline')).json();
    expect(body.events).toEqual([
      expect.objectContaining({
        documentId: ARTICLE_EN.id,
        documentTitle: ARTICLE_EN.title,
        value: '2011-04-19',
        text: 'Tuesday',
      }),
    ]);
    expect(body.documents).toEqual([
      { id: ARTICLE_EN.id, title: ARTICLE_EN.title, kind: 'text', publishedAt: '2011-04-19' },
    ]);
  });

  it('narrows by date and rejects a malformed one', async () => {
    expect((await get('/api/timeline?from=2012')).json().events).toEqual([]);
    expect((await get('/api/timeline?from=2011-04&to=2011-04-30')).json().events).toHaveLength(1);
    const bad = await get('/api/timeline?from=April');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/from/);
  });
});

describe('GET /api/places', () => {
  it('counts mentions and documents of each geocoded place', async () => {
    const body = (await get('/api/places')).json();
    expect(body.places).toEqual([
      expect.objectContaining({
        name: 'Ciudad Juárez',
        lat: 31.72024,
        lon: -106.46084,
        country: 'MX',
        mentions: 5,
        documents: 4,
      }),
    ]);
  });
});

describe('GET /api/entities', () => {
  it('filters by type and finds names without their accents', async () => {
    const organizations = (await get('/api/entities?type=organization')).json();
    expect(organizations.entities.map((e: { name: string }) => e.name).sort()).toEqual([
      'Border Ledger',
      'Secretaría de la Defensa Nacional',
    ]);
    const found = (await get('/api/entities?q=juarez')).json();
    expect(found).toEqual({
      total: 1,
      entities: [{ type: 'place', name: 'Ciudad Juárez', mentions: 5, documents: 4 }],
    });
  });

  it('pages, and rejects an unknown type', async () => {
    const all = (await get('/api/entities')).json();
    const second = (await get('/api/entities?limit=1&offset=1')).json();
    expect(second.total).toBe(all.total);
    expect(second.entities).toEqual([all.entities[1]]);
    expect((await get('/api/entities?type=vehicle')).statusCode).toBe(400);
  });
});

describe('GET /api/entities/:type/:name', () => {
  it('lists the spellings, the mentions in context and the documents', async () => {
    const response = await get(JUAREZ);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.entity).toEqual({
      type: 'place',
      name: 'Ciudad Juárez',
      mentions: 5,
      documents: 4,
    });
    expect(body.coOccurringOver).toBe(4);
    expect(body.surfaceForms).toEqual([
      { text: 'Ciudad Juárez', count: 3 },
      { text: 'Juarez', count: 1 },
      { text: 'Juárez', count: 1 },
    ]);
    expect(body.mentions).toHaveLength(5);
    const inEmail = body.mentions.find((m: { documentId: string }) => m.documentId === EMAIL.id);
    expect(inEmail.documentTitle).toBe(EMAIL.title);
    expect(inEmail.context.match).toBe('Juarez');
    expect(inEmail.context.before).toMatch(/The plaza in $/);
    expect(inEmail.context.after).toBe(' is being negotiated.');
    expect(body.documents[0]).toEqual({ id: ARTICLE_EN.id, title: ARTICLE_EN.title, mentions: 2 });
    expect(body.geo).toMatchObject({ lat: 31.72024, lon: -106.46084, country: 'MX' });
  });

  it('names the entities mentioned alongside it', async () => {
    const body = (await get(JUAREZ)).json();
    const names = body.coOccurring.map((e: { name: string }) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['Secretaría de la Defensa Nacional', 'MX7', 'Border Ledger']),
    );
    expect(names).not.toContain('Ciudad Juárez');
  });

  it('has no map position for people and organisations', async () => {
    const body = (await get('/api/entities/person/MX7')).json();
    expect(body.geo).toBeNull();
    expect(body.mentions[0].context).toMatchObject({ match: 'MX7' });
  });

  it('answers 404 for a name nothing mentions and 400 for an unknown type', async () => {
    const missing = await get('/api/entities/person/Nobody%20At%20All');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/Nobody At All/);
    expect((await get('/api/entities/vehicle/x')).statusCode).toBe(400);
  });
});

describe('GET /api/graph', () => {
  interface Node {
    id: string;
    kind: string;
    type: string | null;
    label: string;
    weight: number;
  }
  interface Edge {
    source: string;
    target: string;
    kind: string;
    weight: number;
  }

  it('joins entities to the documents naming them, and co-occurring entities', async () => {
    const body = (await get('/api/graph')).json() as { nodes: Node[]; edges: Edge[] };
    const ids = new Set(body.nodes.map((n) => n.id));
    expect(ids).toContain('entity:place:Ciudad Juárez');
    expect(ids).toContain(`document:${REPRINT.id}`);
    for (const edge of body.edges) {
      expect(ids.has(edge.source), edge.source).toBe(true);
      expect(ids.has(edge.target), edge.target).toBe(true);
    }
    expect(body.edges).toContainEqual({
      source: 'entity:place:Ciudad Juárez',
      target: `document:${ARTICLE_EN.id}`,
      kind: 'mention',
      weight: 2,
    });
    // Juárez and the Sedena share only one document: below the co-occurrence threshold of two.
    expect(body.edges.filter((e) => e.kind === 'co-occurrence')).toEqual([]);
    const juarez = body.nodes.find((n) => n.id === 'entity:place:Ciudad Juárez');
    expect(juarez).toEqual({
      id: 'entity:place:Ciudad Juárez',
      kind: 'entity',
      type: 'place',
      label: 'Ciudad Juárez',
      weight: 4,
    });
  });

  it('is the same chart every time, narrowed by type and bounded by limit', async () => {
    expect((await get('/api/graph')).body).toBe((await get('/api/graph')).body);
    const people = (await get('/api/graph?type=person')).json() as { nodes: Node[] };
    expect(people.nodes.filter((n) => n.kind === 'entity').map((n) => n.label)).toEqual(['MX7']);
    const one = (await get('/api/graph?limit=1')).json() as { nodes: Node[]; truncated: boolean };
    expect(one.nodes.filter((n) => n.kind === 'entity')).toHaveLength(1);
    // One entity keeps at most four documents: Juárez is in four, so nothing is cut.
    expect(one.nodes.filter((n) => n.kind === 'document')).toHaveLength(4);
    expect((await get('/api/graph?limit=5000')).statusCode).toBe(400);
  });

  it('keeps only the documents of a date range, and the entities they name', async () => {
    const all = (await get('/api/graph')).json() as { nodes: Node[] };
    const in2012 = (await get('/api/graph?from=2012&to=2012')).json() as { nodes: Node[] };
    const documents = (body: { nodes: Node[] }) =>
      body.nodes.filter((n) => n.kind === 'document').map((n) => n.id);
    expect(documents(in2012)).toContain(`document:${REPRINT.id}`);
    expect(documents(in2012)).not.toContain(`document:${ARTICLE_EN.id}`);
    expect(documents(in2012).length).toBeLessThan(documents(all).length);
    const juarez = (body: { nodes: Node[] }) =>
      body.nodes.find((n) => n.id === 'entity:place:Ciudad Juárez')?.weight;
    expect(juarez(in2012)).toBeLessThan(juarez(all)!);
    const upTo = (await get('/api/graph?to=2011-04-19')).json() as { nodes: Node[] };
    expect(documents(upTo)).toContain(`document:${ARTICLE_EN.id}`);
    expect(documents(upTo)).not.toContain(`document:${REPRINT.id}`);
    const none = (await get('/api/graph?from=2030')).json() as { nodes: Node[] };
    expect(none.nodes).toEqual([]);
    expect((await get('/api/graph?from=last-week')).statusCode).toBe(400);
  });
});

describe('the OpenAPI description', () => {
  it('documents every analysis route', async () => {
    const paths = Object.keys((await get('/api/openapi.json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/documents/{id}/extraction',
        '/api/documents/{id}/reuse',
        '/api/timeline',
        '/api/places',
        '/api/entities',
        '/api/entities/{type}/{name}',
        '/api/graph',
      ]),
    );
  });
});
