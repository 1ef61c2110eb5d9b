import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './migrations.js';

/**
 * A store file as an older release left it: the migrations up to `version` applied and recorded,
 * none after. Tests write rows into it the way that release did, then open it with the current
 * code to check that the later migrations carry those rows over.
 */
export function storeAtVersion(
  file: string,
  version: number,
  appliedAt: string,
): Database.Database {
  const db = new Database(file);
  db.exec(`CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  for (const migration of SQLITE_MIGRATIONS.filter((m) => m.version <= version)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
      migration.version,
      migration.name,
      appliedAt,
    );
  }
  return db;
}
