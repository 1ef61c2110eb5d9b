import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';

/*
 * Secondary indexes dropped for a bulk load and built once at its end (see SqliteStore's bulk
 * extraction). The indexes' definitions and planner statistics are kept in a table of their own,
 * written in the transaction that drops them, with the process that owns the load; building them
 * again removes that table in one transaction too. So whatever happens (the end of the load, the
 * store closed early, the process killed), the store either has its indexes or says how to build
 * them, and the next handle to open it for writing does so once their owner is gone.
 */

/** Holds what was dropped; created with the first deferral, dropped when the indexes are back. */
const DEFERRED_TABLE = 'deferred_indexes';

/** Who deferred the indexes: a handle (token) in a process (pid) on a machine (host). */
export interface IndexOwner {
  token: string;
  pid: number;
  host: string;
}

interface DeferredRow {
  name: string;
  tbl: string;
  sql: string;
  stat: string | null;
  owner_token: string;
  owner_pid: number;
  owner_host: string;
}

/** Owners in this process whose handle is still open (so not abandoned, whatever the pid says). */
const liveTokens = new Set<string>();

/** A new owner for a store handle in this process; `release` it when the handle closes. */
export function newIndexOwner(): IndexOwner {
  const owner = { token: randomUUID(), pid: process.pid, host: hostname() };
  liveTokens.add(owner.token);
  return owner;
}

export function releaseIndexOwner(owner: IndexOwner): void {
  liveTokens.delete(owner.token);
}

function hasDeferredTable(db: Database.Database): boolean {
  return (
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(DEFERRED_TABLE) !== undefined
  );
}

function deferredRows(db: Database.Database): DeferredRow[] {
  if (!hasDeferredTable(db)) return [];
  return db.prepare(`SELECT * FROM ${DEFERRED_TABLE} ORDER BY rowid`).all() as DeferredRow[];
}

/**
 * Drops the secondary indexes of `tables` (less those named in `keep`), recording them for
 * restoreIndexes, in one transaction, when `shouldDefer` (run inside it, under the write lock)
 * agrees and no indexes are deferred already. Returns whether it dropped them.
 */
export function deferIndexes(
  db: Database.Database,
  tables: readonly string[],
  keep: readonly string[],
  owner: IndexOwner,
  shouldDefer: () => boolean,
): boolean {
  const defer = db.transaction((): boolean => {
    if (hasDeferredTable(db) || !shouldDefer()) return false;
    const indexes = (
      db
        .prepare(
          `SELECT name, tbl_name AS tbl, sql FROM sqlite_master
           WHERE type = 'index' AND sql IS NOT NULL
             AND tbl_name IN (${tables.map(() => '?').join(', ')})
           ORDER BY name`,
        )
        .all(...tables) as Array<{ name: string; tbl: string; sql: string }>
    ).filter((index) => !keep.includes(index.name));
    if (indexes.length === 0) return false;
    const hasStats =
      db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !== undefined;
    const statOf = hasStats
      ? db.prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ? AND idx = ?').pluck()
      : null;
    db.exec(`CREATE TABLE ${DEFERRED_TABLE} (
      name TEXT PRIMARY KEY, tbl TEXT NOT NULL, sql TEXT NOT NULL, stat TEXT,
      owner_token TEXT NOT NULL, owner_pid INTEGER NOT NULL, owner_host TEXT NOT NULL)`);
    const record = db.prepare(`INSERT INTO ${DEFERRED_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (const { name, tbl, sql } of indexes) {
      const stat = (statOf?.get(tbl, name) as string | undefined) ?? null;
      record.run(name, tbl, sql, stat, owner.token, owner.pid, owner.host);
      db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
    }
    return true;
  });
  return defer.immediate();
}

/** True when the process that deferred the indexes can no longer be loading (see restoreIndexes). */
function abandoned(row: DeferredRow): boolean {
  if (liveTokens.has(row.owner_token)) return false;
  // A store's write-ahead log only works on one machine: from another, this is a copy.
  if (row.owner_pid === process.pid || row.owner_host !== hostname()) return true;
  try {
    process.kill(row.owner_pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists (another user's); ESRCH: it is gone.
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/**
 * Builds the deferred indexes again and puts back their statistics, all in one transaction:
 * those `owner` deferred, or (owner null) those whose owner is gone (a handle closed without
 * its load ending, a killed process). Returns how many indexes it built. An owner still loading
 * in another process is left alone: building the indexes under it would hold the write lock
 * longer than its writes wait (busy_timeout), and cost the load what deferring saves.
 */
export function restoreIndexes(db: Database.Database, owner: IndexOwner | null): number {
  if (!hasDeferredTable(db)) return 0;
  const restore = db.transaction((): number => {
    // One owner at a time: deferIndexes defers nothing while any are deferred.
    const rows = deferredRows(db);
    if (!rows.every((row) => (owner ? row.owner_token === owner.token : abandoned(row)))) return 0;
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
    // Run as recorded (not IF NOT EXISTS), so sqlite_master reads as it did before.
    for (const { name, sql } of rows) if (exists.get(name) === undefined) db.exec(sql);
    const stats = rows.filter((row) => row.stat !== null);
    if (stats.length > 0) {
      const clear = db.prepare('DELETE FROM sqlite_stat1 WHERE tbl = ? AND idx = ?');
      const put = db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
      for (const { tbl, name, stat } of stats) {
        clear.run(tbl, name);
        put.run(tbl, name, stat);
      }
    }
    db.exec(`DROP TABLE ${DEFERRED_TABLE}`);
    // The planner reads statistics when it loads the schema: this reloads them.
    if (stats.length > 0) db.exec('ANALYZE sqlite_schema');
    return rows.length;
  });
  return restore.immediate();
}
