import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../src/ingest/index.js';
import { migrateStore, runAnalysis, runExtraction, runIngest } from '../src/pipeline/index.js';
import { openStore, type Store } from '../src/store/index.js';
import {
  createTestDatabase,
  postgresAvailable,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from '../src/store/postgres/test-database.js';
import { REPO_ROOT, tempDir } from './cli-helpers.js';

const available = await postgresAvailable();
if (!available && process.env.CI) {
  throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}; .ci/run must start it.`);
}

/** SQLite → PostgreSQL → SQLite: every document, link, extraction and decision arrives. */
describe.runIf(available)('crosscheck migrate between SQLite and a real PostgreSQL', () => {
  let database: TestDatabase;
  let sqlite: Store;
  const dir = tempDir();

  beforeAll(async () => {
    database = await createTestDatabase();
    sqlite = await openStore(join(dir, 'case.sqlite'));
    await runIngest(sqlite, [resolve(REPO_ROOT, 'sample/corpus')], {
      ingest: defaultIngestOptions(),
    });
    await runExtraction(sqlite, { workers: 0 });
    await runAnalysis(sqlite);
    await sqlite.addAnalystGrade({
      subjectType: 'source',
      subjectId: 'MX7',
      reliability: 'C',
      analyst: 'desk',
      at: '2026-11-25T12:00:00.000Z',
      reason: 'Consular official; second-hand.',
    });
    const h = await sqlite.addHypothesis({
      text: 'The figure has one source',
      analyst: 'desk',
      at: '2026-11-25T12:01:00.000Z',
    });
    const [claim] = (await sqlite.listClaimClusters({ sharedOnly: true, limit: 1 })).clusters;
    await sqlite.addHypothesisMark({
      hypothesisId: h.id,
      claimId: claim!.id,
      mark: 'consistent',
      analyst: 'desk',
      at: '2026-11-25T12:02:00.000Z',
      reason: null,
    });
  });
  afterAll(async () => {
    await sqlite?.close();
    await database?.drop();
  });

  it('copies a whole case there and back, counted, with the same search results', async () => {
    const url = new URL(database.url);
    url.searchParams.set('schema', 'migrated');
    const postgres = await openStore(url.toString());
    const there = await migrateStore(sqlite, postgres);
    expect(there.complete).toBe(true);
    expect(there.target).toEqual(there.source);
    expect(there.source.documents).toBeGreaterThan(50);
    expect(there.source.extractions).toBe(there.source.documents);
    expect(there.source.links).toBeGreaterThan(0);

    const back = await openStore(join(dir, 'back.sqlite'));
    const again = await migrateStore(postgres, back);
    expect(again.complete).toBe(true);
    expect(again.target).toEqual(there.source);

    const ids = async (store: Store) =>
      (await store.search({ text: 'Chihuahua', limit: 100 })).hits.map((h) => h.id).sort();
    expect(await ids(postgres)).toEqual(await ids(sqlite));
    expect(await ids(back)).toEqual(await ids(sqlite));
    // Recomputed on arrival, the fused picture is the same.
    expect((await back.listResolvedEntities()).total).toBe(
      (await sqlite.listResolvedEntities()).total,
    );
    expect((await back.listAnalystGrades())[0]).toMatchObject({
      subjectId: 'MX7',
      reliability: 'C',
    });
    await postgres.close();
    await back.close();
  });
});
