/**
 * Recent search answers of one store, valid while the store is unchanged. Analysts page through
 * results, tick facets and come back to a query; a search over a common word costs tens of
 * milliseconds of ranking and counting, a cached answer nothing. Validity is checked, not
 * guessed: each lookup brings the store's change token (SQLite: its data version and this
 * connection's change count; PostgreSQL: the collection's change marker, moved by every commit to
 * its tables), and any difference empties the cache.
 *
 * Promises are kept, not values, so identical searches arriving together run once. Hand-written:
 * an LRU over a Map is a few lines, and none of the cache libraries knows about a validity token.
 */
export class SearchCache {
  private token: string | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();
  /** The approximate size of each settled answer, by key; an answer still running counts 0. */
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  /**
   * At most `capacity` answers and about `maxBytes` of them: a page of hits with snippets is
   * 10–20 KB, a count a few dozen bytes, so a bound on entries alone either wastes memory on
   * pages or evicts counts a busy server asks for again within seconds.
   */
  constructor(
    private readonly capacity: number,
    private readonly maxBytes = DEFAULT_SEARCH_CACHE_BYTES,
  ) {}

  get enabled(): boolean {
    return this.capacity > 0;
  }

  /** The approximate bytes the settled answers hold. */
  get size(): number {
    return this.bytes;
  }

  async get<T>(token: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    if (token !== this.token) {
      this.entries.clear();
      this.sizes.clear();
      this.bytes = 0;
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
    answer.then(
      (value) => {
        // Still this answer (not evicted or replaced since): count its size.
        if (this.entries.get(key) !== answer) return;
        const size = approximateBytes(value);
        this.sizes.set(key, size);
        this.bytes += size;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === answer) this.remove(key);
      },
    );
    this.evict();
    return answer;
  }

  /** The answer kept for `key`, if any, computing nothing (an answer to reuse when at hand). */
  peek<T>(token: string, key: string): Promise<T> | undefined {
    if (!this.enabled || token !== this.token) return undefined;
    return this.entries.get(key) as Promise<T> | undefined;
  }

  /** Least recently used first, until both bounds hold. */
  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.capacity && this.bytes <= this.maxBytes) return;
      this.remove(key);
    }
  }

  private remove(key: string): void {
    this.entries.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }
}

/**
 * Roughly what a settled answer holds in memory: two bytes per string character, eight per
 * number, a few dozen per object and array. Hand-written: walking a plain JSON-like answer is a
 * few lines, and an exact figure is neither needed nor available from V8.
 */
export function approximateBytes(value: unknown): number {
  let bytes = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') bytes += 16 + 2 * item.length;
    else if (typeof item === 'number' || typeof item === 'boolean') bytes += 8;
    else if (Array.isArray(item)) {
      bytes += 16 + 8 * item.length;
      for (const element of item) pending.push(element);
    } else if (item !== null && typeof item === 'object') {
      bytes += 32;
      for (const [name, field] of Object.entries(item)) {
        bytes += 8 + 2 * name.length;
        pending.push(field);
      }
    }
  }
  return bytes;
}

/**
 * Answers a store keeps unless told otherwise; the byte bound is the one that holds in practice
 * (at most ~64 MB of answers), the count only stops a flood of tiny answers.
 */
export const DEFAULT_SEARCH_CACHE_ENTRIES = 20_000;
export const DEFAULT_SEARCH_CACHE_BYTES = 64 * 1024 * 1024;
