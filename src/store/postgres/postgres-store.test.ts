import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeContract } from '../contract/index.js';
import { searchCacheContract } from '../contract/search-cache.contract.js';
import { searchContract } from '../contract/search.contract.js';
import pg from 'pg';
import {
  expectMigratedFromV6,
  V6_ALIASES,
  V6_ANALYST_ROWS,
  V6_DOCUMENTS,
  V6_ENTITY,
  V6_MENTION_ENTITIES,
} from '../contract/v6-fixture.js';
import { numberPlaceholders } from '../analysis-sql.js';
import { expectMigratedFromV10, V10_ROWS } from '../contract/v10-fixture.js';
import { item, makeDocument } from '../contract/fixtures.js';
import type { ParsedDocument } from '../../ingest/index.js';
import type { SearchQuery } from '../types.js';
import { PostgresStore, parsePostgresLocation } from './postgres-store.js';
import { CONNECTIONS_PER_DATABASE } from './schema-pool.js';
import {
  createTestDatabase,
  postgresAvailable,
  schemaAtVersion,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from './test-database.js';

const available = await postgresAvailable();
if (!available && process.env.CI) {
  throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}; .ci/run must start it.`);
}

const rumInstalled = async (client: pg.Client) =>
  (await client.query("SELECT 1 FROM pg_extension WHERE extname = 'rum'")).rowCount === 1;

const hasRankedIndex = async (client: pg.Client, schema: string) =>
  (
    await client.query(
      `SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = 'documents_search_rum'`,
      [schema],
    )
  ).rowCount === 1;

const hasWordsIndex = async (client: pg.Client, schema: string) =>
  (
    await client.query(
      `SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = 'documents_search_words'`,
      [schema],
    )
  ).rowCount === 1;

/**
 * Reports in both languages and three types over three years, each saying "checkpoint" 1 to 5
 * times (so ranks tie across pages), some also "convoy", and a few "U.S." (a word the text search
 * parser splits into a phrase).
 */
function mixedReports(count: number): ParsedDocument[] {
  const kinds = ['email', 'html', 'text'] as const;
  return Array.from({ length: count }, (_, n) =>
    makeDocument(
      `Report ${n}\n${n % 3 === 0 ? 'Informe del retén' : 'Routine checkpoint report'}. ` +
        `${'checkpoint '.repeat(1 + (n % 5))}${n % 4 === 0 ? 'convoy seen. ' : ''}` +
        `${n % 17 === 0 ? 'U.S. agents present.' : ''}`,
      {
        kind: kinds[n % 3],
        language: n % 3 === 0 ? 'es' : 'en',
        publishedAt:
          n % 11 === 0 ? null : `${2009 + (n % 3)}-${String(1 + (n % 12)).padStart(2, '0')}-15`,
      },
    ),
  );
}

describe.runIf(available)('PostgresStore (real PostgreSQL)', () => {
  let database: TestDatabase;
  let counter = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const withSchema = (schema: string) => {
    const url = new URL(database.url);
    url.searchParams.set('schema', schema);
    return url.toString();
  };

  storeContract(() => PostgresStore.open(withSchema(`contract_${counter++}`)));
  describe('ranking every match (a database without RUM)', () => {
    searchContract(() =>
      PostgresStore.open(withSchema(`contract_${counter++}`), { rankedIndex: false }),
    );
  });

  it('searches with the RUM index in place of GIN where RUM is installed', async () => {
    const schema = `indexes_${counter++}`;
    const store = await PostgresStore.open(withSchema(schema));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const rum = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'rum'");
      const { rows } = await client.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'documents'
         AND indexname LIKE 'documents_search%' ORDER BY indexname`,
        [schema],
      );
      // .ci/run installs postgresql-15-rum; elsewhere the GIN index stays and search still works.
      expect(rows.map((r) => r.indexname)).toEqual(
        rum.rowCount ? ['documents_search_rum', 'documents_search_words'] : ['documents_search'],
      );
      if (process.env.CI) expect(rum.rowCount).toBe(1);
    } finally {
      await client.end();
      await store.close();
    }
  });

  it('builds the ranked index once after a large first load, and only then', async () => {
    const schema = `bulk_${counter++}`;
    const store = await PostgresStore.open(withSchema(schema));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const hasIndex = () => hasRankedIndex(client, schema);
    const write = async (runId: string, text: string) =>
      store.writeBatch({
        runId,
        items: [item(makeDocument(text))],
        failures: [],
        completedFiles: [],
      });
    try {
      // Without RUM there is no ranked index to defer (.ci/run installs it).
      if (!(await rumInstalled(client))) return expect(process.env.CI).toBeFalsy();
      const small = await store.startRun(['a few files'], { expectedFiles: 9_999 });
      expect(await hasIndex()).toBe(true);
      await store.finishRun(small.id, { succeeded: 0, failed: 0, duplicates: 0 });

      const bulk = await store.startRun(['a leak'], { expectedFiles: 10_000 });
      expect(await hasIndex()).toBe(false);
      expect(await hasWordsIndex(client, schema)).toBe(false);
      await write(bulk.id, 'Routine checkpoint report from Sinaloa.');
      // Searches still answer meanwhile, without the index.
      expect((await store.search({ text: 'checkpoint' })).total).toBe(1);
      await store.finishRun(bulk.id, { succeeded: 1, failed: 0, duplicates: 0 });
      expect(await hasIndex()).toBe(true);
      expect(await hasWordsIndex(client, schema)).toBe(true);
      expect((await store.search({ text: 'checkpoint' })).hits).toHaveLength(1);

      // A store with documents keeps its index whatever the run expects.
      const more = await store.startRun(['another leak'], { expectedFiles: 50_000 });
      expect(await hasIndex()).toBe(true);
      await store.finishRun(more.id, { succeeded: 0, failed: 0, duplicates: 0 });
    } finally {
      await client.end();
      await store.close();
    }
  });

  it('puts the ranked index back when a bulk load never finishes its run', async () => {
    const schema = `bulk_${counter++}`;
    const store = await PostgresStore.open(withSchema(schema));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      if (!(await rumInstalled(client))) return expect(process.env.CI).toBeFalsy();
      await store.startRun(['a leak'], { expectedFiles: 20_000 });
      expect(await hasRankedIndex(client, schema)).toBe(false);
      await store.close();
      expect(await hasRankedIndex(client, schema)).toBe(true);
    } finally {
      await client.end();
    }
  });

  it('answers a search read off another search of the same words as it answers it alone', async () => {
    const location = withSchema(`kept_${counter++}`);
    const cached = await PostgresStore.open(location);
    const alone = await PostgresStore.open(location, { searchCacheEntries: 0 });
    try {
      const run = await cached.startRun(['reports']);
      await cached.writeBatch({
        runId: run.id,
        items: mixedReports(260).map((d) => item(d)),
        failures: [],
        completedFiles: [],
      });
      // "checkpoint": 260 matches, more than the 201 kept; "convoy": 65, every one kept.
      const searches: SearchQuery[] = ['checkpoint', 'convoy', 'u.s.', 'CHECKPOINT', 'Convóy']
        .flatMap((text) => [
          { text },
          { text, offset: 20 },
          { text, offset: 180, limit: 40 },
          { text, languages: ['es' as const] },
          { text, languages: ['es' as const], offset: 60 },
          { text, kinds: ['html' as const, 'text' as const] },
          { text, from: '2010-03', to: '2010-12-31' },
          { text, languages: ['en' as const], kinds: ['email' as const], from: '2009-06-01' },
        ])
        .map((query) => ({ limit: 20, ...query }));
      // The cached handle first ranks each text unfiltered, with its facets, as the web UI does.
      for (const text of ['checkpoint', 'convoy', 'u.s.']) {
        await cached.searchFacets({ text });
        await cached.search({ text, limit: 20 });
      }
      for (const query of searches) {
        const { limit: _limit, offset: _offset, ...matches } = query;
        expect(await cached.search(query), JSON.stringify(query)).toEqual(
          await alone.search(query),
        );
        expect(await cached.searchFacets(matches), JSON.stringify(query)).toEqual(
          await alone.searchFacets(matches),
        );
      }
      await expect(cached.search({ text: 'checkpoint (' })).rejects.toThrow();
      await expect(cached.search({ text: 'checkpoint (' })).rejects.toThrow();
    } finally {
      await cached.close();
      await alone.close();
    }
  });

  searchCacheContract(async () => {
    const location = withSchema(`contract_${counter++}`);
    return {
      server: await PostgresStore.open(location),
      other: await PostgresStore.open(location),
    };
  });

  it('keeps each schema separate', async () => {
    const a = await PostgresStore.open(withSchema('case_a'));
    const b = await PostgresStore.open(withSchema('case_b'));
    const run = await a.startRun(['x']);
    await a.writeBatch({
      runId: run.id,
      items: [],
      failures: [],
      completedFiles: [{ contentId: 'c'.repeat(64), path: 'x' }],
    });
    expect(await a.isFileCompleted('c'.repeat(64))).toBe(true);
    expect(await b.isFileCompleted('c'.repeat(64))).toBe(false);
    await a.close();
    await b.close();
  });

  it('shares one pool of connections among every schema of a database', async () => {
    const schemas = Array.from({ length: 12 }, (_, n) => `pooled_${counter++}_${n}`);
    const stores = [];
    for (const schema of schemas) stores.push(await PostgresStore.open(withSchema(schema)));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // Every schema busy at once, each writing its own file and reading back only its own.
      await Promise.all(
        stores.map(async (store, n) => {
          const run = await store.startRun([schemas[n]!]);
          await store.writeBatch({
            runId: run.id,
            items: [],
            failures: [],
            completedFiles: [{ contentId: String(n).padStart(64, '0'), path: schemas[n]! }],
          });
        }),
      );
      for (const [n, store] of stores.entries()) {
        expect(await store.isFileCompleted(String(n).padStart(64, '0'))).toBe(true);
        expect(await store.isFileCompleted(String((n + 1) % 12).padStart(64, '0'))).toBe(false);
      }
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      // Twelve pools of ten would have opened up to 120.
      expect(Number(rows[0]!.n)).toBeLessThanOrEqual(CONNECTIONS_PER_DATABASE);
    } finally {
      await client.end();
      for (const store of stores) await store.close();
    }
  });

  it('migrates a schema written before TLP markings (v6): its documents are CLEAR', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await schemaAtVersion(client, 'v6_case', 6, '2026-01-05T09:00:00.000Z');
      await insertV6Documents(client);
      await client.query(
        `INSERT INTO entities (id, type, name, folded_name, mention_count, document_count, data)
         VALUES ($1, $2, $3, 'juarez cartel', 2, 2, $4)`,
        [V6_ENTITY.id, V6_ENTITY.type, V6_ENTITY.name, JSON.stringify(V6_ENTITY)],
      );
      for (const row of V6_ALIASES)
        await client.query('INSERT INTO entity_aliases VALUES ($1, $2, $3, $4, $5)', row);
      for (const row of V6_MENTION_ENTITIES)
        await client.query('INSERT INTO mention_entities VALUES ($1, $2, $3)', row);
      for (const { sql, params } of V6_ANALYST_ROWS)
        await client.query(numberPlaceholders(sql), params);
    } finally {
      await client.end();
    }
    const store = await PostgresStore.open(withSchema('v6_case'));
    await expectMigratedFromV6(store);
    await store.close();
  });

  it('migrates a schema written before rows were keyed by the document rowid (v10)', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await schemaAtVersion(client, 'v10_case', 10, '2026-11-01T09:00:00.000Z');
      await insertV6Documents(client);
      for (const { sql, params } of V10_ROWS) await client.query(numberPlaceholders(sql), params);
    } finally {
      await client.end();
    }
    const store = await PostgresStore.open(withSchema('v10_case'));
    await expectMigratedFromV10(store);
    await store.close();
  });

  it('opens the same new schema from two connections at once without a race', async () => {
    const url = withSchema('raced');
    const stores = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    expect((await stores[0].stats()).documents).toBe(0);
    await Promise.all(stores.map((s) => s.close()));
  });
});

/** The v6 case's documents, as rows of the documents table every older schema has. */
async function insertV6Documents(client: pg.Client): Promise<void> {
  for (const d of V6_DOCUMENTS) {
    await client.query(
      `INSERT INTO documents (id, kind, title, body, language, mime_type, size_bytes, ingested_at, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_tsvector('crosscheck_fold', $3 || ' ' || $4))`,
      [d.id, d.kind, d.title, d.body, d.language, d.mime_type, d.size_bytes, d.ingested_at],
    );
  }
}

describe('parsePostgresLocation', () => {
  it('takes the schema out of the URL and rejects unsafe names', () => {
    expect(parsePostgresLocation('postgres://u@h:5432/db?schema=case42')).toEqual({
      connectionString: 'postgres://u@h:5432/db',
      schema: 'case42',
    });
    expect(parsePostgresLocation('postgres://u@h/db').schema).toBe('crosscheck');
    expect(() => parsePostgresLocation('postgres://u@h/db?schema=a;drop')).toThrow(
      /Invalid schema/,
    );
  });
});
