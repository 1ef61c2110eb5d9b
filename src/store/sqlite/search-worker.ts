import { parentPort, workerData } from 'node:worker_threads';
import { toCrosscheckError } from '../../core/index.js';
import type { SearchReply, SearchRequest, SearchWorkerData } from './search-pool.js';
import { SqliteStore } from './sqlite-store.js';

/** One thread of the search pool: a read-only connection answering searches in turn. */
const { file, cache } = workerData as SearchWorkerData;
const store = SqliteStore.openReadOnly(file, cache);

parentPort!.on('message', (request: SearchRequest) => {
  void answer(request).then((reply) => parentPort!.postMessage(reply));
});

async function answer({ id, method, query, clearance }: SearchRequest): Promise<SearchReply> {
  try {
    const view = store.restrictedTo(clearance);
    const result = method === 'search' ? await view.search(query) : await view.searchFacets(query);
    return { id, ok: true, result };
  } catch (error) {
    const { code, message, hint } = toCrosscheckError(error, 'STORE_FAILURE');
    return { id, ok: false, error: { code, message, ...(hint && { hint }) } };
  }
}
