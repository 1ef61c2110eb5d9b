import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../ingest/index.js';
import { numberPlaceholders } from '../analysis-sql.js';
import {
  expectSources,
  SOURCED,
  SOURCED_AS_WRITTEN,
  storedSourcesContract,
} from '../contract/search-facets.contract.js';
import { writeDocuments } from '../contract/fixtures.js';
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
const AT = '2026-11-01T09:00:00.000Z';

/** Builds `schema` at version 9 and writes `documents` with that release's statements. */
async function writeAsVersion9(
  client: pg.Client,
  schema: string,
  documents: ParsedDocument[],
): Promise<void> {
  await schemaAtVersion(client, schema, 9, AT);
  for (const d of documents) {
    await client.query(
      `INSERT INTO documents (id, kind, title, body, language, byline, mime_type, size_bytes,
         ingested_at, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
         to_tsvector('crosscheck_fold', coalesce($3, '') || ' ' || $4))`,
      [d.id, d.kind, d.title, d.text, d.language, d.byline, d.mimeType, d.sizeBytes, AT],
    );
    if (d.email)
      await client.query(
        'INSERT INTO emails (document_id, message_id, thread_id, from_addr) VALUES ($1, $2, $3, $4)',
        [d.id, d.email.messageId, d.email.threadId, d.email.from],
      );
    if (d.intel)
      await client.query('INSERT INTO intel_reports (document_id, code) VALUES ($1, $2)', [
        d.id,
        d.intel.code,
      ]);
  }
  await client.query('SET search_path = public');
}

describe.runIf(available)('PostgresStore (real PostgreSQL)', () => {
  const pgTest = useTestDatabase();
  let counter = 0;
  const location = (schema: string) => {
    const url = new URL(pgTest.database.url);
    url.searchParams.set('schema', schema);
    return url.toString();
  };

  storedSourcesContract({
    async open() {
      const schema = `sources_${counter++}`;
      const store = await PostgresStore.open(location(schema));
      const sql = async (text: string, params: unknown[]) => {
        await pgTest.client.query(`SET search_path = ${schema}, public`);
        await pgTest.client.query(numberPlaceholders(text), params);
      };
      return { store, sql, close: () => store.close() };
    },
    async migrated(documents) {
      const schema = `sources_v9_${counter++}`;
      await writeAsVersion9(pgTest.client, schema, documents);
      return PostgresStore.open(location(schema));
    },
  });

  it('says in the integrity check when a stored source is missing or out of date', async () => {
    const schema = `sources_${counter++}`;
    const store = await PostgresStore.open(location(schema));
    try {
      await writeDocuments(store, Object.values(SOURCED));
      expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
      await pgTest.client.query(`SET search_path = ${schema}, public`);
      // Behind the triggers' back, as only an administrator's session could.
      await pgTest.client.query('ALTER TABLE document_sources DISABLE TRIGGER USER');
      await pgTest.client.query(
        "UPDATE document_sources SET source = 'Stale Desk' WHERE source = 'SA4'",
      );
      await pgTest.client.query('DELETE FROM document_sources WHERE source = $1', ['Wire Desk']);
      await pgTest.client.query('SET search_path = public');
      expect((await store.checkIntegrity()).problems).toEqual([
        'document_sources: 2 document(s) missing or out of date',
      ]);
    } finally {
      await store.close();
    }
  });

  it('follows sources written through a qualified name from another search_path', async () => {
    const schema = `sources_${counter++}`;
    const store = await PostgresStore.open(location(schema));
    try {
      await writeDocuments(store, Object.values(SOURCED));
      await pgTest.client.query('SET search_path = public');
      await pgTest.client.query(
        `UPDATE ${schema}.intel_reports SET code = 'SA5' WHERE document_id = $1`,
        [SOURCED.report.id],
      );
      await pgTest.client.query(`DELETE FROM ${schema}.emails WHERE document_id = $1`, [
        SOURCED.mail.id,
      ]);
      const now = new Map(SOURCED_AS_WRITTEN);
      now.set(SOURCED.report, 'SA5');
      now.set(SOURCED.mail, 'Mail Outlet');
      await expectSources(store, [...now]);
      // The caller's search_path is left as it was.
      expect((await pgTest.client.query('SHOW search_path')).rows[0].search_path).toBe('public');
    } finally {
      await store.close();
    }
  });
});
