import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../ingest/index.js';
import {
  SOURCED,
  SOURCED_AS_WRITTEN,
  storedSourcesContract,
} from '../contract/search-facets.contract.js';
import { writeDocuments } from '../contract/fixtures.js';
import { storeAtVersion } from './older-store.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-sources-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AT = '2026-11-01T09:00:00.000Z';

/** Writes `documents` into a schema-9 store file with that release's statements. */
function writeAsVersion9(db: Database.Database, documents: ParsedDocument[]): void {
  const insertDocument = db.prepare(`INSERT INTO documents
    (id, kind, title, body, language, published_at, byline, mime_type, size_bytes, ingested_at, tlp_rank)
    VALUES (@id, @kind, @title, @text, @language, @publishedAt, @byline, @mimeType, @sizeBytes, '${AT}', 0)`);
  const insertEmail = db.prepare(
    'INSERT INTO emails (document_id, message_id, thread_id, from_addr) VALUES (?, ?, ?, ?)',
  );
  const insertIntel = db.prepare('INSERT INTO intel_reports (document_id, code) VALUES (?, ?)');
  for (const d of documents) {
    insertDocument.run(d);
    if (d.email) insertEmail.run(d.id, d.email.messageId, d.email.threadId, d.email.from);
    if (d.intel) insertIntel.run(d.id, d.intel.code);
  }
}

describe('SqliteStore', () => {
  storedSourcesContract({
    async open() {
      const file = join(dir, `store-${counter++}.sqlite`);
      const store = new SqliteStore(file);
      const db = new Database(file);
      return {
        store,
        sql: async (text, params) => void db.prepare(text).run(...params),
        async close() {
          db.close();
          await store.close();
        },
      };
    },
    async migrated(documents) {
      const file = join(dir, `v9-${counter++}.sqlite`);
      const db = storeAtVersion(file, 9, AT);
      writeAsVersion9(db, documents);
      db.close();
      return new SqliteStore(file);
    },
  });

  it('keeps sources in document_facts, and the integrity check says when one is out of date', async () => {
    const file = join(dir, `store-${counter++}.sqlite`);
    const store = new SqliteStore(file, undefined, { searchCacheEntries: 0 });
    const db = new Database(file);
    try {
      await writeDocuments(store, Object.values(SOURCED));
      const stored = db
        .prepare(
          `SELECT d.id, f.source FROM documents d JOIN document_facts f ON f.rowid = d.rowid`,
        )
        .all() as Array<{ id: string; source: string | null }>;
      expect(new Map(stored.map((r) => [r.id, r.source]))).toEqual(
        new Map(SOURCED_AS_WRITTEN.map(([d, source]) => [d.id, source])),
      );
      expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
      db.prepare("UPDATE document_facts SET source = 'Stale Desk' WHERE source = 'SA4'").run();
      db.prepare('UPDATE document_facts SET source = NULL WHERE source = ?').run('Wire Desk');
      expect((await store.checkIntegrity()).problems).toEqual([
        'document_facts: 2 documents missing or out of date, 0 rows without a document',
      ]);
    } finally {
      db.close();
      await store.close();
    }
  });
});
