import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { makeDocument, writeDocuments } from '../contract/fixtures.js';
import type { Store } from '../store.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { PostgresStore } from './postgres-store.js';
import {
  postgresAvailable,
  schemaAtVersion,
  TEST_POSTGRES_URL,
  useTestDatabase,
} from './test-database.js';

const available = await postgresAvailable();
if (!available && process.env.CI) {
  throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}; .ci/run must start it.`);
}

const add = (store: Store, text: string) => writeDocuments(store, [makeDocument(text)]);

describe.runIf(available)('the change marker (real PostgreSQL)', () => {
  const pgTest = useTestDatabase();
  let counter = 0;

  const newSchema = () => `marker_${counter++}`;
  const location = (schema: string) => {
    const url = new URL(pgTest.database.url);
    url.searchParams.set('schema', schema);
    return url.toString();
  };
  const version = async (schema: string) =>
    Number(
      (
        await pgTest.client.query<{ version: string }>(
          `SELECT version FROM ${schema}.change_marker`,
        )
      ).rows[0]!.version,
    );

  it("keeps a collection's cached answers while another collection is written to", async () => {
    const [a, b] = [newSchema(), newSchema()];
    const here = await PostgresStore.open(location(a));
    const elsewhere = await PostgresStore.open(location(b));
    try {
      await add(here, 'A cable about the ocelot crossing at Nogales.');
      const query = { text: 'ocelot' };
      const answer = await here.search(query);
      const facets = await here.searchFacets(query);
      expect(answer.total).toBe(1);
      await add(elsewhere, 'An ocelot sighting, filed in another collection.');
      await elsewhere.setDocumentTlp((await elsewhere.search(query)).hits[0]!.id, 'AMBER');
      // The very same objects: answered from the cache, not searched again.
      expect(await here.search(query)).toBe(answer);
      expect(await here.searchFacets(query)).toBe(facets);
    } finally {
      await here.close();
      await elsewhere.close();
    }
  });

  it("moves with another handle's writes to the collection, and answers follow", async () => {
    const schema = newSchema();
    const server = await PostgresStore.open(location(schema));
    const worker = await PostgresStore.open(location(schema));
    try {
      await add(server, 'Notes on the jaguarundi trade route.');
      const query = { text: 'jaguarundi' };
      const answer = await server.search(query);
      expect(await server.search(query)).toBe(answer);
      await add(worker, 'A second jaguarundi report, from the queue worker.');
      expect((await server.search(query)).total).toBe(2);
      // Any table: an analyst's hypothesis is written by another handle too.
      const before = await version(schema);
      await worker.addHypothesis({
        text: 'The route runs through Sonora.',
        analyst: 'ana',
        at: '2026-11-25T21:00:00.000Z',
      });
      expect(await version(schema)).toBeGreaterThan(before);
    } finally {
      await server.close();
      await worker.close();
    }
  });

  it('moves when an administrator truncates a table, and not for a rolled-back write', async () => {
    const schema = newSchema();
    const store = await PostgresStore.open(location(schema));
    try {
      await add(store, 'The margay shipment, logged twice.');
      const query = { text: 'margay' };
      const answer = await store.search(query);
      await pgTest.client.query(`BEGIN; DELETE FROM ${schema}.documents; ROLLBACK`);
      expect(await store.search(query)).toBe(answer);
      await pgTest.client.query(`TRUNCATE ${schema}.documents`);
      expect((await store.search(query)).total).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('moves once per transaction and schema, and keeps concurrent writers apart', async () => {
    const [a, b] = [newSchema(), newSchema()];
    const stores = [await PostgresStore.open(location(a)), await PostgresStore.open(location(b))];
    const other = new pg.Client({ connectionString: pgTest.database.url });
    await other.connect();
    const file = (n: number) => `('${String(n).padStart(64, '0')}', 'x', 'now')`;
    try {
      const [startA, startB] = [await version(a), await version(b)];
      // One transaction, many rows in both schemas: each counter moves exactly once.
      await pgTest.client.query(`BEGIN;
        INSERT INTO ${a}.completed_files VALUES ${[1, 2, 3].map(file).join(', ')};
        INSERT INTO ${b}.completed_files VALUES ${file(1)};
        UPDATE ${a}.completed_files SET path = 'y';
        COMMIT`);
      expect([await version(a), await version(b)]).toEqual([startA + 1, startB + 1]);

      // Two open writing transactions in one schema: the second never waits for the first (a
      // marker bumped at each statement would hold its lock until the first commits).
      await other.query("SET statement_timeout = '3s'");
      await pgTest.client.query(`BEGIN; INSERT INTO ${a}.completed_files VALUES ${file(4)}`);
      await other.query(`BEGIN; INSERT INTO ${a}.completed_files VALUES ${file(5)}`);
      await other.query(`UPDATE ${a}.completed_files SET path = 'z' WHERE path = 'y'`);
      await other.query('COMMIT');
      await pgTest.client.query('COMMIT');
      expect(await version(a)).toBe(startA + 3);
    } finally {
      await pgTest.client.query('ROLLBACK').catch(() => {});
      await other.end();
      for (const store of stores) await store.close();
    }
  });

  it('watches every table of the schema but its own bookkeeping', async () => {
    const schema = newSchema();
    const store = await PostgresStore.open(location(schema));
    try {
      const { rows } = await pgTest.client.query<{ table: string; triggers: string | null }>(
        `SELECT c.relname AS table,
           (SELECT string_agg(t.tgname, ',' ORDER BY t.tgname) FROM pg_trigger t
            WHERE t.tgrelid = c.oid) AS triggers
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind = 'r'
           AND c.relname NOT IN ('change_marker', 'schema_migrations')
         ORDER BY c.relname`,
        [schema],
      );
      expect(rows.length).toBeGreaterThan(25);
      // Other triggers may sit beside the marker's (document_source on documents, e-mails and
      // intel reports keeps document_sources in step).
      const watching = ['change_marker_row', 'change_marker_truncate'];
      const unwatched = rows.filter(
        (r) => !watching.every((name) => (r.triggers ?? '').split(',').includes(name)),
      );
      expect(unwatched.map((r) => r.table)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('is added to a schema written before it (v8), and moves on the next write', async () => {
    const schema = newSchema();
    await schemaAtVersion(pgTest.client, schema, 8, '2026-11-01T09:00:00.000Z');
    await pgTest.client.query('SET search_path = public');
    const server = await PostgresStore.open(location(schema));
    const worker = await PostgresStore.open(location(schema));
    try {
      expect(
        (await pgTest.client.query(`SELECT max(version) AS v FROM ${schema}.schema_migrations`))
          .rows[0].v,
      ).toBe(POSTGRES_MIGRATIONS.at(-1)!.version);
      await add(server, 'The tayra ledger, from before the upgrade.');
      const query = { text: 'tayra' };
      const answer = await server.search(query);
      expect(await server.search(query)).toBe(answer);
      const before = await version(schema);
      await add(worker, 'A tayra ledger written after the upgrade.');
      expect(await version(schema)).toBeGreaterThan(before);
      expect((await server.search(query)).total).toBe(2);
    } finally {
      await server.close();
      await worker.close();
    }
  });
});
