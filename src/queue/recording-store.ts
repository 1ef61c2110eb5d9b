import type { Store } from '../store/index.js';

/**
 * Wraps a store so that every document id in a committed ingest batch is remembered. The
 * pipeline's runIngest reports counts only; the queue needs the ids to hand the extraction of
 * exactly these documents to the next job. A Proxy keeps the Store interface whole without
 * restating its forty methods.
 */
export function recordingStore(store: Store): { store: Store; documentIds: Set<string> } {
  const documentIds = new Set<string>();
  const wrapped = new Proxy(store, {
    get(target, property) {
      if (property === 'writeBatch') {
        const writeBatch: Store['writeBatch'] = async (batch) => {
          const result = await target.writeBatch(batch);
          // Only after the commit: ids of a rolled-back batch are not in the store.
          for (const item of batch.items) documentIds.add(item.document.id);
          return result;
        };
        return writeBatch;
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: wrapped, documentIds };
}
