import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysedSampleStore } from '../pipeline/testing.js';
import type { Store } from '../store/index.js';
import { LISTED_PER_CLAIM, LISTED_PER_NAME } from './analysis/wire-lists.js';
import { buildServer } from './index.js';

/*
 * The analyst's write routes over the real pipeline: the sample corpus ingested, extracted and
 * analysed into a SQLite store, then graded, merged, renamed and weighed through the API.
 */
let dir: string;
let store: Store;
let app: FastifyInstance;
/** A claim two documents or more carry. */
let shared: { id: string; documents: number };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-workbench-'));
  store = await analysedSampleStore(join(dir, 'store.sqlite'));
  app = await buildServer({ store, webRoot: null });
  const { clusters } = await store.listClaimClusters({ sharedOnly: true, limit: 1 });
  shared = { id: clusters[0]!.id, documents: clusters[0]!.documents.length };
}, 120_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });
const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

describe('GET /api/claims', () => {
  it('lists claims with their Admiralty grades, shared ones only when asked', async () => {
    const all = (await get('/api/claims?limit=200')).json();
    const sharedOnly = (await get('/api/claims?shared=true&limit=200')).json();
    expect(all.total).toBeGreaterThan(sharedOnly.total);
    expect(sharedOnly.claims.length).toBeGreaterThan(0);
    for (const { cluster, assessment } of sharedOnly.claims) {
      expect(cluster.documentCount).toBeGreaterThanOrEqual(2);
      expect(cluster.documents.length).toBe(Math.min(cluster.documentCount, LISTED_PER_CLAIM));
      expect(cluster.members.length).toBe(Math.min(cluster.memberCount, LISTED_PER_CLAIM));
      expect(assessment.code).toMatch(/^[A-F][1-6]$/);
      expect(assessment.clusterId).toBe(cluster.id);
    }
  });

  it('keeps the claims one document carries, with the members’ offsets into it', async () => {
    const documentId = (await store.getClaimCluster(shared.id))!.members[0]!.documentId;
    const { claims } = (await get(`/api/claims?document=${documentId.slice(0, 12)}`)).json();
    expect(claims.map((c: { cluster: { id: string } }) => c.cluster.id)).toContain(shared.id);
    const document = (await store.getDocument(documentId))!;
    for (const { cluster } of claims) {
      for (const m of cluster.members.filter(
        (x: { documentId: string }) => x.documentId === documentId,
      )) {
        expect(document.text.slice(m.start, m.end)).toBe(m.text);
      }
    }
  });

  it('rejects nonsense filters', async () => {
    expect((await get('/api/claims?limit=0')).statusCode).toBe(400);
    expect((await get('/api/claims?document=nothex')).statusCode).toBe(400);
  });
});

describe('claim grades', () => {
  it('shows one claim with its provenance, grade reasons and (empty) history', async () => {
    const response = await get(`/api/claims/${shared.id.slice(0, 8)}`);
    expect(response.statusCode).toBe(200);
    const { cluster, assessment, history } = response.json();
    expect(cluster.id).toBe(shared.id);
    expect(cluster.chain.length).toBeGreaterThan(0);
    const stored = (await store.getClaimCluster(shared.id))!;
    expect([cluster.members.length, cluster.memberCount]).toEqual([
      stored.members.length,
      stored.members.length,
    ]);
    expect(cluster.documentCount).toBe(stored.documents.length);
    // A page asks for the first few of each list; the totals stay.
    const first = (await get(`/api/claims/${shared.id}?first=1`)).json().cluster;
    expect(stored.members.length).toBeGreaterThan(1);
    expect(first.members).toEqual(stored.members.slice(0, 1));
    expect(first.documents).toEqual(stored.documents.slice(0, 1));
    expect(first.chain).toEqual(stored.chain.slice(0, 1));
    expect([first.memberCount, first.documentCount]).toEqual([
      stored.members.length,
      stored.documents.length,
    ]);
    expect((await get(`/api/claims/${shared.id}?first=0`)).statusCode).toBe(400);
    expect(
      assessment.reliability.reasons.length + assessment.credibility.reasons.length,
    ).toBeGreaterThan(0);
    expect(history).toEqual([]);
  });

  it('records an override, which wins and joins the history', async () => {
    const response = await post(`/api/claims/${shared.id}/grades`, {
      reliability: 'B',
      credibility: 2,
      reason: 'Confirmed by a second, unrelated source',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ subjectId: shared.id, analyst: 'analyst' });
    const after = (await get(`/api/claims/${shared.id}`)).json();
    expect(after.assessment.code).toBe('B2');
    expect(after.history).toEqual([
      expect.objectContaining({
        reliability: 'B',
        credibility: 2,
        reason: 'Confirmed by a second, unrelated source',
      }),
    ]);
  });

  it('answers 400 without a grade, without a reason or with one too long, 404 for no claim', async () => {
    const url = `/api/claims/${shared.id}/grades`;
    expect((await post(url, { reason: 'nothing graded' })).statusCode).toBe(400);
    expect((await post(url, { reliability: 'B' })).statusCode).toBe(400);
    expect((await post(url, { reliability: 'G', reason: 'no such grade' })).statusCode).toBe(400);
    expect((await post(url, { credibility: 7, reason: 'no such grade' })).statusCode).toBe(400);
    expect((await post(url, { credibility: 3, reason: 'x'.repeat(2001) })).statusCode).toBe(400);
    const missing = await post(`/api/claims/${'0'.repeat(16)}/grades`, {
      credibility: 3,
      reason: 'why not',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('grades a source by name', async () => {
    const response = await post('/api/sources/MX7/grades', {
      reliability: 'C',
      reason: 'Mixed record',
      analyst: 'ana',
    });
    expect(response.statusCode).toBe(201);
    expect(await store.listAnalystGrades({ subjectType: 'source', subjectId: 'MX7' })).toEqual([
      expect.objectContaining({ reliability: 'C', analyst: 'ana' }),
    ]);
  });
});

describe('resolved entities and decisions', () => {
  it('lists resolved entities and shows one with its names, their documents and mentions', async () => {
    const list = (await get('/api/resolved-entities?type=person&limit=5')).json();
    expect(list.entities.length).toBeGreaterThan(0);
    const first = list.entities[0];
    const detail = (await get(`/api/resolved-entities/${encodeURIComponent(first.id)}`)).json();
    expect(detail.entity.id).toBe(first.id);
    expect(detail.mentions.length).toBeGreaterThan(0);
    // The sample corpus is small enough for every document to be counted.
    expect(detail.coOccurringOver).toBe(first.documentCount);
    const listed = new Set(detail.documents.map((d: { id: string }) => d.id));
    for (const alias of detail.entity.aliases)
      for (const id of alias.documents) expect(listed.has(id)).toBe(true);
    expect((await get('/api/resolved-entities/nobody%20at%20all')).statusCode).toBe(404);
  });

  it("lists and titles only each name's first documents, with how many there are", async () => {
    const { entities } = (await get('/api/resolved-entities?limit=50')).json();
    type Alias = { name: string; documents: string[]; documentCount: number };
    const widest = (entity: { aliases: Alias[] }) =>
      Math.max(...entity.aliases.map((a) => a.documentCount));
    const wide = entities.find((e: { aliases: Alias[] }) => widest(e) > LISTED_PER_NAME);
    // The sample corpus has a name in more documents than are listed, or this test tests nothing.
    expect(wide).toBeDefined();
    // The first documents stored under each name, and how many of all the name's documents.
    const all = (await store.getResolvedEntity(wide.id))!.entity;
    const first = (await store.getResolvedEntity(wide.id, { documentsPerName: LISTED_PER_NAME }))!
      .entity;
    const detail = (await get(`/api/resolved-entities/${encodeURIComponent(wide.id)}`)).json();
    for (const answer of [wide, detail.entity]) {
      expect(answer.aliases.map((a: Alias) => [a.name, a.documents, a.documentCount])).toEqual(
        first.aliases.map((a) => [a.name, a.documents, a.documentCount]),
      );
      answer.aliases.forEach((alias: Alias, i: number) => {
        const whole = all.aliases[i]!.documents;
        expect(alias.documents).toHaveLength(Math.min(whole.length, LISTED_PER_NAME));
        expect(whole).toEqual(expect.arrayContaining(alias.documents));
        expect(alias.documentCount).toBe(whole.length);
      });
    }
    const titled = detail.entity.aliases.flatMap((a: Alias) => a.documents);
    expect(new Set(detail.documents.map((d: { id: string }) => d.id))).toEqual(new Set(titled));
  });

  it('renames an entity and answers with it re-resolved', async () => {
    const { entities } = (await get('/api/resolved-entities?type=organization&limit=1')).json();
    const target = entities[0];
    const response = await post('/api/entities/decisions', {
      kind: 'rename',
      entity: target.id,
      name: 'The Renamed Organisation',
      reason: 'Its own letterhead says so',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.decision).toMatchObject({ kind: 'rename', analyst: 'analyst' });
    expect(body.entity).toMatchObject({ id: target.id, name: 'The Renamed Organisation' });
    expect((await store.getResolvedEntity(target.id))!.entity.name).toBe(
      'The Renamed Organisation',
    );
  });

  it('merges two entities into one', async () => {
    const { entities } = (await get('/api/resolved-entities?type=place&limit=2')).json();
    const [a, b] = entities;
    const response = await post('/api/entities/decisions', {
      kind: 'merge',
      entity: a.id,
      with: b.id,
      reason: 'Same place, two spellings',
    });
    expect(response.statusCode).toBe(201);
    const names = response.json().entity.aliases.map((x: { name: string }) => x.name);
    expect(names).toEqual(expect.arrayContaining([a.name, b.name]));
  });

  it('refuses a split of a name the entity does not have, and bad decisions', async () => {
    const { entities } = (await get('/api/resolved-entities?type=person&limit=1')).json();
    const split = await post('/api/entities/decisions', {
      kind: 'split',
      entity: entities[0].id,
      name: 'Nobody Else',
      reason: 'not them',
    });
    expect(split.statusCode).toBe(404);
    const self = await post('/api/entities/decisions', {
      kind: 'merge',
      entity: entities[0].id,
      with: entities[0].name,
      reason: 'one and the same',
    });
    expect(self.statusCode).toBe(409);
    expect(
      (await post('/api/entities/decisions', { kind: 'explode', entity: 'x', reason: 'why not' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await post('/api/entities/decisions', { kind: 'rename', entity: entities[0].id, name: 'X' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('hypotheses', () => {
  it('ranks hypotheses by the inconsistent claims marked against them', async () => {
    const first = await post('/api/hypotheses', { text: 'US agents operate in Chihuahua' });
    const second = await post('/api/hypotheses', { text: 'The agents story is invented' });
    expect(first.statusCode).toBe(201);
    const [h1, h2] = [first.json().id, second.json().id];
    const mark = await post(`/api/hypotheses/${h1}/marks`, {
      claimId: shared.id,
      mark: 'inconsistent',
    });
    expect(mark.statusCode).toBe(201);
    expect(mark.json()).toMatchObject({ hypothesisId: h1, claimId: shared.id, reason: null });

    const workspace = (await get('/api/hypotheses')).json();
    expect(workspace.hypotheses.map((h: { id: string }) => h.id)).toEqual([h1, h2]);
    expect(workspace.matrix.scores.map((s: { hypothesisId: string }) => s.hypothesisId)).toEqual([
      h2,
      h1,
    ]);
    expect(workspace.matrix.scores[1].inconsistentEvidence).toEqual([shared.id]);
    const row = workspace.matrix.rows.find(
      (r: { evidenceId: string }) => r.evidenceId === shared.id,
    );
    expect(row.marks[h1]).toBe('inconsistent');
  });

  it('answers 400 for a bad mark or a too-short hypothesis, 404 for unknown ids', async () => {
    expect((await post('/api/hypotheses', { text: 'no' })).statusCode).toBe(400);
    const { hypotheses } = (await get('/api/hypotheses')).json();
    const url = `/api/hypotheses/${hypotheses[0].id}/marks`;
    expect((await post(url, { claimId: shared.id, mark: 'maybe' })).statusCode).toBe(400);
    expect((await post(url, { claimId: '0'.repeat(16), mark: 'neutral' })).statusCode).toBe(404);
    expect(
      (await post('/api/hypotheses/H999/marks', { claimId: shared.id, mark: 'neutral' }))
        .statusCode,
    ).toBe(404);
  });

  it('describes the new routes in the OpenAPI document', async () => {
    const { paths } = (await get('/api/openapi.json')).json();
    for (const path of [
      '/api/claims',
      '/api/claims/{id}',
      '/api/claims/{id}/grades',
      '/api/sources/{name}/grades',
      '/api/resolved-entities',
      '/api/resolved-entities/{id}',
      '/api/entities/decisions',
      '/api/hypotheses',
      '/api/hypotheses/{id}/marks',
    ]) {
      expect(paths).toHaveProperty([path]);
    }
  });
});

describe('GET /api/export', () => {
  it('streams a STIX 2.1 bundle of the whole store as a download', async () => {
    const response = await get('/api/export?format=stix');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/stix+json');
    expect(response.headers['content-disposition']).toContain('attachment');
    const bundle = JSON.parse(response.body) as { type: string; objects: Array<{ type: string }> };
    expect(bundle.type).toBe('bundle');
    const reports = bundle.objects.filter((o) => o.type === 'report').length;
    expect(reports).toBe((await store.stats()).documents);
  });

  it('narrows to a search and writes graphs as XML', async () => {
    const all = JSON.parse((await get('/api/export?format=stix')).body) as {
      objects: Array<{ type: string }>;
    };
    const some = JSON.parse((await get('/api/export?format=stix&q=Culiac%C3%A1n')).body) as {
      objects: Array<{ type: string }>;
    };
    const reports = (b: { objects: Array<{ type: string }> }) =>
      b.objects.filter((o) => o.type === 'report').length;
    expect(reports(some)).toBeGreaterThan(0);
    expect(reports(some)).toBeLessThan(reports(all));
    const gexf = await get('/api/export?format=gexf');
    expect(gexf.statusCode).toBe(200);
    expect(gexf.body).toMatch(/^<\?xml[^>]*>\s*<gexf /);
  });

  it('rejects unknown formats and both scopes at once', async () => {
    expect((await get('/api/export?format=docx')).statusCode).toBe(400);
    const both = await get('/api/export?format=stix&q=a&entity=b');
    expect(both.statusCode).toBe(400);
    expect(JSON.parse(both.body).error.code).toBe('INVALID_ARGUMENT');
  });
});
