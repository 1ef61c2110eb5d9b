import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../contract/index.js';
import { searchCacheContract } from '../contract/search-cache.contract.js';
import {
  expectMigratedFromV6,
  V6_ALIASES,
  V6_ANALYST_ROWS,
  V6_DOCUMENTS,
  V6_ENTITY,
  V6_MENTION_ENTITIES,
} from '../contract/v6-fixture.js';
import { RESOLUTION } from '../contract/tlp-fixtures.js';
import { seededCase } from '../contract/tlp.contract.js';
import { expectMigratedFromV10, V10_ROWS } from '../contract/v10-fixture.js';
import { storeAtVersion } from './older-store.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-sqlite-'));

/** The v6 case's documents, as rows of the documents table every older schema has. */
function insertV6Documents(db: Database.Database): void {
  const insert = db.prepare(`INSERT INTO documents
    (id, kind, title, body, language, mime_type, size_bytes, ingested_at)
    VALUES (@id, @kind, @title, @body, @language, @mime_type, @size_bytes, @ingested_at)`);
  for (const row of V6_DOCUMENTS) insert.run(row);
}
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStore', () => {
  storeContract(async () => new SqliteStore(join(dir, `store-${counter++}.sqlite`)));
  searchCacheContract(async () => {
    const file = join(dir, `store-${counter++}.sqlite`);
    return { server: new SqliteStore(file), other: new SqliteStore(file) };
  });

  it('rebuilds the resolution indexes as they were, statistics too, and all-or-nothing', async () => {
    const file = join(dir, 'resolution-indexes.sqlite');
    await (await seededCase(async () => new SqliteStore(file))).close();
    const raw = new Database(file);
    raw.exec('ANALYZE');
    const schema = () =>
      raw
        .prepare(
          `SELECT type, name, tbl_name, sql FROM sqlite_master
           WHERE tbl_name IN ('entities', 'entity_aliases', 'alias_document_keys',
                              'entity_keys', 'mention_entity_keys', 'entity_merges')
           ORDER BY name`,
        )
        .all();
    const stats = () => raw.prepare('SELECT * FROM sqlite_stat1 ORDER BY tbl, idx').all();
    const rows = () =>
      raw
        .prepare('SELECT * FROM entity_alias_documents ORDER BY entity_id, name, document_key')
        .all();
    const before = { schema: schema(), stats: stats(), rows: rows() };
    expect(
      before.schema.filter((o) => (o as { sql: string | null }).sql?.startsWith('CREATE INDEX')),
    ).toHaveLength(3);

    const store = new SqliteStore(file);
    await store.replaceResolution(RESOLUTION);
    expect({ schema: schema(), stats: stats(), rows: rows() }).toEqual(before);
    // Fails on the second entity, after the indexes are gone: they come back with the old rows.
    const twice = { ...RESOLUTION, entities: [RESOLUTION.entities[0]!, RESOLUTION.entities[0]!] };
    await expect(store.replaceResolution(twice)).rejects.toMatchObject({ code: 'STORE_FAILURE' });
    expect({ schema: schema(), stats: stats(), rows: rows() }).toEqual(before);
    expect(await store.getResolvedEntity('La Empresa')).not.toBeNull();
    await store.close();
    raw.close();
  });

  it('refuses a store written by a newer version, naming the file', async () => {
    const file = join(dir, 'future.sqlite');
    await new SqliteStore(file).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'from the future', 'now')").run();
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/schema version 999/);
  });

  it('refuses a file that is not a SQLite database without damaging it', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'These are my interview notes, not a database.\n'.repeat(50));
    expect(() => new SqliteStore(file)).toThrow(expect.objectContaining({ code: 'STORE_SCHEMA' }));
    expect(readFileSync(file, 'utf8')).toContain('interview notes');
  });

  it('migrates a store written before TLP markings (v6): its documents are CLEAR', async () => {
    const file = join(dir, 'v6.sqlite');
    const db = storeAtVersion(file, 6, '2026-01-05T09:00:00.000Z');
    insertV6Documents(db);
    db.prepare(
      `INSERT INTO entities (id, type, name, folded_name, mention_count, document_count, data)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      V6_ENTITY.id,
      V6_ENTITY.type,
      V6_ENTITY.name,
      'juarez cartel',
      2,
      2,
      JSON.stringify(V6_ENTITY),
    );
    for (const row of V6_ALIASES)
      db.prepare('INSERT INTO entity_aliases VALUES (?, ?, ?, ?, ?)').run(...row);
    for (const row of V6_MENTION_ENTITIES)
      db.prepare('INSERT INTO mention_entities VALUES (?, ?, ?)').run(...row);
    for (const { sql, params } of V6_ANALYST_ROWS) db.prepare(sql).run(...params);
    db.close();

    const store = new SqliteStore(file);
    await expectMigratedFromV6(store);
    await store.close();
  });

  it('migrates a store written before rows were keyed by the document rowid (v10)', async () => {
    const file = join(dir, 'v10.sqlite');
    const db = storeAtVersion(file, 10, '2026-11-01T09:00:00.000Z');
    insertV6Documents(db);
    for (const { sql, params } of V10_ROWS) db.prepare(sql).run(...params);
    db.close();

    const store = new SqliteStore(file);
    await expectMigratedFromV10(store);
    await store.close();
  });
});
