import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../contract/index.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-sqlite-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStore', () => {
  storeContract(async () => new SqliteStore(join(dir, `store-${counter++}.sqlite`)));

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
});
