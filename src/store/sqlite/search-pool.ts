import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { StoreError, type ErrorCode, type TlpLevel } from '../../core/index.js';
import { sampleKey } from '../search-facets.js';
import type { SearchFacets, SearchQuery, SearchResults } from '../types.js';

export type SearchMethod = 'search' | 'searchFacets';

/** One search for a worker: the store method, its query, and the clearance of the asking view. */
export interface SearchRequest {
  id: number;
  method: SearchMethod;
  query: SearchQuery;
  clearance: TlpLevel;
}

/** What a search thread is started with: the store's file, and whether the store caches. */
export interface SearchWorkerData {
  file: string;
  cache: boolean;
}

export type SearchReply =
  | { id: number; ok: true; result: SearchResults | SearchFacets }
  | { id: number; ok: false; error: { code: ErrorCode; message: string; hint?: string } };

interface Pending {
  resolve: (result: SearchResults | SearchFacets) => void;
  reject: (error: Error) => void;
}

const WORKER_FILE = fileURLToPath(new URL('./search-worker.js', import.meta.url));

/** Searches whose facet thread the pool remembers (a few hundred bytes each). */
const FACET_THREADS_KEPT = 1000;

/** A search's matches and clearance, whatever page it asks for. */
function matchesKey(query: SearchQuery, clearance: TlpLevel): string {
  return `${clearance}\u0000${JSON.stringify(sampleKey(query))}`;
}

/**
 * Full-text searches on worker threads, each with its own read-only connection to the store's
 * file. better-sqlite3 is synchronous: in the server's one thread a search over a common word
 * (tens of thousands of matches to rank and count) holds every other request behind it, and
 * uses one core of two. WAL lets readers on other connections run beside the writer, each on the
 * last committed state, so a search sees every write committed before it started.
 *
 * Hand-written rather than a pool library (none is installed; this needs only least-busy
 * dispatch, one affinity rule and a promise per request, as the extraction pool does).
 */
export class SqliteSearchPool {
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, Set<number>>();
  private nextId = 0;
  private closed = false;
  /**
   * The thread that last counted facets for a search (by clearance and matches): the page asked
   * right after goes there too, where the facets' ranked sample is at hand. Bounded, oldest out.
   */
  private readonly facetThreads = new Map<string, Worker>();

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      this.load.set(worker, new Set());
      worker.on('message', (reply: SearchReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', () => this.fail(worker, new Error('search worker stopped')));
    }
  }

  /**
   * A pool over `file` (its threads keep a few answers when `cache`), or null where one cannot help: no workers asked for, an in-memory store
   * (other connections cannot see it), or TypeScript sources without the compiled worker (tests).
   */
  static create(file: string, size: number, cache: boolean): SqliteSearchPool | null {
    if (size <= 0 || file === ':memory:' || !existsSync(WORKER_FILE)) return null;
    const workerData: SearchWorkerData = { file, cache };
    const workers = Array.from({ length: size }, () => new Worker(WORKER_FILE, { workerData }));
    // Workers must not keep a finished CLI alive: the pool is an accelerator, not a task.
    for (const worker of workers) worker.unref();
    return new SqliteSearchPool(workers);
  }

  get size(): number {
    return this.load.size;
  }

  run(method: 'search', query: SearchQuery, clearance: TlpLevel): Promise<SearchResults>;
  run(method: 'searchFacets', query: SearchQuery, clearance: TlpLevel): Promise<SearchFacets>;
  run(
    method: SearchMethod,
    query: SearchQuery,
    clearance: TlpLevel,
  ): Promise<SearchResults | SearchFacets> {
    const affinity = matchesKey(query, clearance);
    const worker = this.threadFor(method, affinity);
    if (this.closed || !worker) {
      return Promise.reject(new StoreError('STORE_FAILURE', 'The search workers have stopped'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.load.get(worker)!.add(id);
      const request: SearchRequest = { id, method, query, clearance };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.load.keys()].map((worker) => worker.terminate()));
  }

  private threadFor(method: SearchMethod, affinity: string): Worker | undefined {
    if (method === 'search') {
      const facetThread = this.facetThreads.get(affinity);
      if (facetThread && this.load.has(facetThread)) return facetThread;
      return this.leastBusy();
    }
    const worker = this.leastBusy();
    if (worker) {
      this.facetThreads.delete(affinity);
      this.facetThreads.set(affinity, worker);
      if (this.facetThreads.size > FACET_THREADS_KEPT) {
        this.facetThreads.delete(this.facetThreads.keys().next().value as string);
      }
    }
    return worker;
  }

  private leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    for (const [worker, ids] of this.load) {
      if (!best || ids.size < this.load.get(best)!.size) best = worker;
    }
    return best;
  }

  private settle(worker: Worker, reply: SearchReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    this.load.get(worker)?.delete(reply.id);
    if (reply.ok) {
      job.resolve(reply.result);
    } else {
      const { code, message, hint } = reply.error;
      job.reject(new StoreError(code, message, hint ? { hint } : {}));
    }
  }

  /** A dead worker fails what it held and leaves the pool; the others carry on. */
  private fail(worker: Worker, error: Error): void {
    const ids = this.load.get(worker);
    if (!ids) return;
    this.load.delete(worker);
    for (const id of ids) {
      const job = this.pending.get(id);
      this.pending.delete(id);
      job?.reject(
        this.closed
          ? new StoreError('STORE_FAILURE', 'The store was closed during the search')
          : new StoreError('STORE_FAILURE', `A search worker failed: ${error.message}`, {
              hint: 'Run the search again.',
              cause: error,
            }),
      );
    }
  }
}
