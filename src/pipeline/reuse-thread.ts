/**
 * Worker-thread entry point: finds reuse in the store at `workerData.location` and posts back
 * what it found, writing nothing (the calling thread records it, so two threads never write to
 * the store at once). Loaded from the compiled dist/ folder.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReuseOptions } from '../provenance/index.js';
import { openStore } from '../store/index.js';
import { findStoredReuse, type FoundReuse } from './reuse-run.js';

export interface ReuseThreadData {
  location: string;
  reuse?: ReuseOptions;
}

export type ReuseThreadMessage = { found: FoundReuse } | { error: string };

async function main(port: NonNullable<typeof parentPort>, data: ReuseThreadData): Promise<void> {
  let message: ReuseThreadMessage;
  try {
    // Read-only: the calling thread may be writing entities meanwhile, and this one only reads.
    const store = await openStore(data.location, { readOnly: true, searchCacheEntries: 0 });
    try {
      message = { found: await findStoredReuse(store, data.reuse ? { reuse: data.reuse } : {}) };
    } finally {
      await store.close();
    }
  } catch (error) {
    message = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(message);
}

if (parentPort) void main(parentPort, workerData as ReuseThreadData);
