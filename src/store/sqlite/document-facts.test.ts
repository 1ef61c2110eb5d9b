import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { TlpLevel } from '../../core/index.js';
import { ARTICLE_EN, ARTICLE_ES, EMAIL, item } from '../contract/fixtures.js';
import type { Store } from '../store.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { storeAtVersion } from './older-store.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-facts-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COLUMNS = 'rowid, language, kind, published_at, tlp_rank';

/** document_facts holds exactly documents' search columns, row for row. */
function expectInStep(db: Database.Database, documents: number): void {
  const facts = db.prepare(`SELECT ${COLUMNS} FROM document_facts ORDER BY rowid`).all();
  expect(facts).toEqual(db.prepare(`SELECT ${COLUMNS} FROM documents ORDER BY rowid`).all());
  expect(facts).toHaveLength(documents);
}

const factsOf = (db: Database.Database, id: string) =>
  db
    .prepare(
      `SELECT f.language, f.kind, f.published_at, f.tlp_rank FROM document_facts f
       JOIN documents d ON d.rowid = f.rowid WHERE d.id = ?`,
    )
    .get(id);

async function ingest(store: Store, items: Array<[typeof ARTICLE_EN, TlpLevel]>): Promise<void> {
  const run = await store.startRun(['fixtures']);
  await store.writeBatch({
    runId: run.id,
    items: items.map(([document, tlp]) => ({ ...item(document), tlp })),
    failures: [],
    completedFiles: [],
  });
}

const ids = async (store: Store, query: Parameters<Store['search']>[0]) =>
  (await store.search(query)).hits.map((hit) => hit.id).sort();

describe('document_facts (the narrow copy of the columns searches filter on)', () => {
  it('follows documents through ingest, TLP changes, edits and deletes', async () => {
    const file = join(dir, `store-${counter++}.sqlite`);
    const store = new SqliteStore(file, undefined, { searchCacheEntries: 0 });
    const db = new Database(file);
    try {
      await ingest(store, [
        [ARTICLE_EN, 'CLEAR'],
        [ARTICLE_ES, 'GREEN'],
        [EMAIL, 'AMBER'],
      ]);
      expectInStep(db, 3);
      expect(factsOf(db, EMAIL.id)).toEqual({
        language: 'en',
        kind: 'email',
        published_at: '2010-04-19T14:02:00.000Z',
        tlp_rank: 2,
      });

      const amber = store.restrictedTo('AMBER');
      expect(await ids(amber, { text: 'Juarez' })).toEqual([ARTICLE_EN.id, EMAIL.id].sort());

      // An analyst marks the article RED: an AMBER reader loses it, filtered or not.
      expect(await store.setDocumentTlp(ARTICLE_EN.id, 'RED')).toBe(true);
      expect(factsOf(db, ARTICLE_EN.id)).toMatchObject({ tlp_rank: 4 });
      expectInStep(db, 3);
      expect(await ids(amber, { text: 'Juarez' })).toEqual([EMAIL.id]);
      expect(await ids(amber, { text: 'Juarez', languages: ['en'] })).toEqual([EMAIL.id]);
      expect(await ids(amber, { text: 'Juarez', kinds: ['text'] })).toEqual([]);
      const facets = await amber.searchFacets({ text: 'Juarez' });
      expect(facets.languages).toEqual({ en: 1 });
      expect(facets.kinds).toEqual({ email: 1 });
      expect(await ids(store, { text: 'Juarez', kinds: ['text'] })).toEqual([ARTICLE_EN.id]);

      // Re-ingest with a stricter marking raises it (and never lowers one).
      await ingest(store, [
        [ARTICLE_ES, 'AMBER+STRICT'],
        [EMAIL, 'CLEAR'],
      ]);
      expect(factsOf(db, ARTICLE_ES.id)).toMatchObject({ tlp_rank: 3 });
      expect(factsOf(db, EMAIL.id)).toMatchObject({ tlp_rank: 2 });
      expectInStep(db, 3);

      // Any writer of documents is followed, not only the store's own statements.
      db.prepare(
        "UPDATE documents SET language = 'es', kind = 'article', published_at = '2013-01-01' WHERE id = ?",
      ).run(ARTICLE_EN.id);
      expect(factsOf(db, ARTICLE_EN.id)).toEqual({
        language: 'es',
        kind: 'article',
        published_at: '2013-01-01',
        tlp_rank: 4,
      });
      expect(await ids(store, { text: 'Juarez', languages: ['es'] })).toEqual([ARTICLE_EN.id]);
      expect(await ids(store, { text: 'Juarez', from: '2013-01-01', to: '2013-01-01' })).toEqual([
        ARTICLE_EN.id,
      ]);
      db.prepare('DELETE FROM documents WHERE id = ?').run(EMAIL.id);
      expectInStep(db, 2);
      expect(await ids(store, { text: 'Juarez' })).toEqual([ARTICLE_EN.id]);
      expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });

      // A facts row out of step would change what readers see: the integrity check says so.
      db.prepare('UPDATE document_facts SET tlp_rank = 0').run();
      expect((await store.checkIntegrity()).problems).toEqual([
        'document_facts: 2 documents missing or out of date, 0 rows without a document',
      ]);
    } finally {
      db.close();
      await store.close();
    }
  });

  it('is filled from the documents of a store written before it (v8) when that store is opened', async () => {
    const file = join(dir, `v8-${counter++}.sqlite`);
    const db = storeAtVersion(file, 8, '2026-06-01T09:00:00.000Z');
    const insert = db.prepare(`INSERT INTO documents
      (id, kind, title, body, language, published_at, mime_type, size_bytes, ingested_at, tlp_rank)
      VALUES (@id, @kind, @title, @text, @language, @publishedAt, @mimeType, @sizeBytes,
        '2026-06-01T09:00:00.000Z', @tlp)`);
    insert.run({ ...ARTICLE_EN, tlp: 0 });
    insert.run({ ...ARTICLE_ES, tlp: 1 });
    insert.run({ ...EMAIL, tlp: 4 });
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'document_facts'").pluck().get(),
    ).toBe(0);
    db.close();

    const store = new SqliteStore(file, undefined, { searchCacheEntries: 0 });
    const check = new Database(file, { readonly: true });
    try {
      expect(check.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(
        SQLITE_MIGRATIONS.at(-1)!.version,
      );
      expectInStep(check, 3);
      expect(factsOf(check, ARTICLE_ES.id)).toEqual({
        language: 'es',
        kind: 'text',
        published_at: '2012-03-02',
        tlp_rank: 1,
      });
      // Searches read the backfilled facts: filters, facets and clearance.
      expect(await ids(store, { text: 'Juarez', kinds: ['email'] })).toEqual([EMAIL.id]);
      expect(await ids(store, { text: 'Juarez', from: '2011-01-01' })).toEqual([ARTICLE_EN.id]);
      const green = store.restrictedTo('GREEN');
      expect(await ids(green, { text: 'Juarez' })).toEqual([ARTICLE_EN.id]);
      expect(await ids(green, { text: 'Juarez', languages: ['en'] })).toEqual([ARTICLE_EN.id]);
      expect((await green.searchFacets({ text: 'Juarez' })).kinds).toEqual({ text: 1 });
      expect((await store.searchFacets({ text: 'Juarez' })).kinds).toEqual({ text: 1, email: 1 });
    } finally {
      check.close();
      await store.close();
    }
  });
});
