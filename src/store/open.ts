import { resolve } from 'node:path';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_STORE_PATH = '.crosscheck/store.sqlite';

/**
 * Opens the store a location names: `postgres://…[?schema=name]` for PostgreSQL, anything else is a SQLite
 * file path (`sqlite:` prefix optional, `:memory:` for a throw-away store).
 */
export async function openStore(
  location: string = DEFAULT_STORE_PATH,
  options: OpenStoreOptions = {},
): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    // Imported here: the PostgreSQL driver and store are a good part of a short command's start-up
    // on the embedded store, which never uses them.
    const { PostgresStore } = await import('./postgres/postgres-store.js');
    return PostgresStore.open(location, options);
  }
  const path = location.replace(/^sqlite:/i, '');
  const file = path === ':memory:' ? path : resolve(path);
  return options.readOnly
    ? SqliteStore.openReadOnly(file)
    : new SqliteStore(file, undefined, options);
}

export interface OpenStoreOptions {
  /**
   * SQLite: a read-only connection to an existing store (no migration, no write lock taken), for
   * a thread that only reads beside one that writes. PostgreSQL ignores it.
   */
  readOnly?: boolean;
  /**
   * SQLite: answer searches on this many worker threads (a server's setting; PostgreSQL runs
   * each query in its own backend process already, so it ignores this).
   */
  searchWorkers?: number;
  /** Recent search answers kept while the store is unchanged (0: none; default 2,000). */
  searchCacheEntries?: number;
  /**
   * PostgreSQL: read the best matches in rank order from the RUM index when the database has one
   * (the default); false ranks every match with ts_rank_cd, as a database without RUM does.
   */
  rankedIndex?: boolean;
}
