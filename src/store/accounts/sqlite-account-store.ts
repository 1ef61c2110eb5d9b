import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../../core/index.js';
import { ACCOUNT_TABLES, AUDIT_COLUMNS } from './schema-sql.js';
import { SqlAccountStore } from './sql-account-store.js';

/** Never edit a released migration: add one. */
const MIGRATIONS = [
  {
    version: 1,
    name: 'accounts, tokens, collections, memberships, append-only audit log',
    sql: `
      ${ACCOUNT_TABLES}
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ${AUDIT_COLUMNS}
      );
      CREATE INDEX audit_log_collection ON audit_log(collection, id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
];

function migrate(db: Database.Database, file: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS account_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = () =>
    (db.prepare('SELECT max(version) AS v FROM account_migrations').get() as { v: number | null })
      .v ?? 0;
  const latest = MIGRATIONS.at(-1)!.version;
  if (current() > latest) {
    throw new StoreError(
      'STORE_SCHEMA',
      `The account store is at schema version ${current()}, newer than this Crosscheck knows (${latest})`,
      { file, hint: 'Upgrade Crosscheck.' },
    );
  }
  for (const migration of MIGRATIONS) {
    db.transaction(() => {
      if (current() >= migration.version) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO account_migrations VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

/** Opens (creating and migrating as needed) the SQLite control store of a server home. */
export function openSqliteAccountStore(file: string): SqlAccountStore {
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('STORE_SCHEMA', `Cannot open the account store: ${String(error)}`, {
      file,
      hint: 'Check that the server home folder is writable and holds a Crosscheck control.sqlite.',
      cause: error,
    });
  }
  return new SqlAccountStore({
    kind: 'sqlite',
    // better-sqlite3 is synchronous; the async shape is what the PostgreSQL side needs.
    all: async (sql, params = []) => {
      const statement = db.prepare(sql);
      const bound = params.map((p) => (typeof p === 'boolean' ? Number(p) : p));
      return statement.reader
        ? (statement.all(...bound) as Record<string, unknown>[])
        : (statement.run(...bound), []);
    },
    isUniqueViolation: (error) =>
      error instanceof Error &&
      'code' in error &&
      /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test(String(error.code)),
    close: async () => {
      db.close();
    },
  });
}
