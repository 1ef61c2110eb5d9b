import { availableParallelism } from 'node:os';
import {
  collectionStoreLocation,
  openStore,
  type OpenStoreOptions,
  type Store,
} from '../../store/index.js';

/**
 * Search threads per SQLite store a server keeps: one per core, at most two, so a search over
 * a common word neither blocks the other requests nor takes every core from them.
 */
export const DEFAULT_SEARCH_WORKERS = Math.min(2, availableParallelism());

export interface CollectionStores {
  /** The full store of a collection, opened once and kept open. */
  open(slug: string): Promise<Store>;
  closeAll(): Promise<void>;
}

/**
 * Opens each collection's store on first use and keeps it: opening runs migrations and (for
 * PostgreSQL) builds a connection pool, far too slow to repeat per request. The cache holds the
 * promise, so concurrent first requests share one open.
 */
export function collectionStores(
  server: string,
  options: OpenStoreOptions = { searchWorkers: DEFAULT_SEARCH_WORKERS },
): CollectionStores {
  const open = new Map<string, Promise<Store>>();
  return {
    open(slug) {
      let store = open.get(slug);
      if (!store) {
        store = openStore(collectionStoreLocation(server, slug), options);
        open.set(slug, store);
        store.catch(() => open.delete(slug));
      }
      return store;
    },
    async closeAll() {
      const stores = await Promise.allSettled(open.values());
      open.clear();
      for (const result of stores) if (result.status === 'fulfilled') await result.value.close();
    },
  };
}
