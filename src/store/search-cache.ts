/**
 * Recent search answers of one store, valid while the store is unchanged. Analysts page through
 * results, tick facets and come back to a query; a search over a common word costs tens of
 * milliseconds of ranking and counting, a cached answer nothing. Validity is checked, not
 * guessed: each lookup brings the store's change token (SQLite: its data version and this
 * connection's change count; PostgreSQL: the collection's change marker, moved by every commit to
 * its tables), and any difference empties the cache.
 *
 * Promises are kept, not values, so identical searches arriving together run once. Hand-written:
 * an LRU of a few hundred entries over a Map is a few lines, and none of the cache libraries
 * knows about a validity token.
 */
export class SearchCache {
  private token: string | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  get enabled(): boolean {
    return this.capacity > 0;
  }

  async get<T>(token: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    if (token !== this.token) {
      this.entries.clear();
      this.token = token;
    }
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      // Most recently used last: Map keeps insertion order, so re-inserting moves it.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached as Promise<T>;
    }
    this.misses++;
    const answer = compute();
    this.entries.set(key, answer);
    answer.catch(() => {
      if (this.entries.get(key) === answer) this.entries.delete(key);
    });
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return answer;
  }

  /** The answer kept for `key`, if any, computing nothing (an answer to reuse when at hand). */
  peek<T>(token: string, key: string): Promise<T> | undefined {
    if (!this.enabled || token !== this.token) return undefined;
    return this.entries.get(key) as Promise<T> | undefined;
  }
}

/**
 * Entries a store keeps unless told otherwise: a page of hits with snippets is 10–20 KB, so at
 * most a few tens of MB, for the searches a newsroom's analysts repeat and page through.
 */
export const DEFAULT_SEARCH_CACHE_ENTRIES = 2000;
