import { openStore, DEFAULT_STORE_PATH, type Store } from '../store/index.js';

/** Options every command shares, resolved once from flags and the environment. */
export interface GlobalOptions {
  store: string;
}

export function storeLocation(options: { store?: string }): string {
  return options.store ?? process.env.CROSSCHECK_STORE ?? DEFAULT_STORE_PATH;
}

/** Opens the store for one command and always closes it, whatever happens. */
export async function withStore<T>(
  options: { store?: string },
  action: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(storeLocation(options));
  try {
    return await action(store);
  } finally {
    await store.close();
  }
}
