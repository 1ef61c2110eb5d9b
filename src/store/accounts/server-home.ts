import { join, resolve } from 'node:path';
import type { AccountStore } from './account-store.js';
import { CONTROL_SCHEMA, openPostgresAccountStore } from './postgres-account-store.js';
import { openSqliteAccountStore } from './sqlite-account-store.js';
import { CollectionSlugSchema, check } from './validate.js';

const isPostgres = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/**
 * Where a multi-user server keeps everything: a home folder (SQLite: `control.sqlite` beside
 * `collections/<slug>.sqlite`) or one PostgreSQL database (schema `crosscheck_control` beside one
 * `c_<slug>` schema per collection).
 */
export function openAccountStore(server: string): Promise<AccountStore> {
  return isPostgres(server)
    ? openPostgresAccountStore(server, CONTROL_SCHEMA)
    : Promise.resolve(openSqliteAccountStore(join(resolve(server), 'control.sqlite')));
}

/**
 * The store location (for openStore) of one collection. The slug is checked again here because
 * it becomes a file name or a schema name.
 */
export function collectionStoreLocation(server: string, slug: string): string {
  const safe = check(CollectionSlugSchema, slug, 'collection slug');
  if (isPostgres(server)) {
    const url = new URL(server);
    url.searchParams.set('schema', `c_${safe.replace(/-/g, '_')}`);
    return url.toString();
  }
  return join(resolve(server), 'collections', `${safe}.sqlite`);
}
