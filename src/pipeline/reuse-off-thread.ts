import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReuseOptions } from '../provenance/index.js';
import type { Store } from '../store/index.js';
import type { FoundReuse } from './reuse-run.js';
import type { ReuseThreadData, ReuseThreadMessage } from './reuse-thread.js';

const THREAD_FILE = fileURLToPath(new URL('./reuse-thread.js', import.meta.url));

export interface ReuseThread {
  /** What the thread found; rejects with the thread's error. */
  readonly found: Promise<FoundReuse>;
  /** Ends the thread if it still runs (after an error elsewhere). */
  stop(): Promise<void>;
}

/**
 * Starts finding reuse on a thread of its own, reading the store through a connection of its own,
 * so that it runs beside entity resolution on the other core: the two read different things and
 * neither needs the other's results. Null when it cannot: an in-memory store or a restricted view
 * has no location to reopen, and code run from TypeScript sources (unit tests) has no compiled
 * thread file; the caller then finds reuse on its own thread.
 */
export function startReuseThread(
  store: Store,
  options: { reuse?: ReuseOptions } = {},
  threadFile: string = THREAD_FILE,
): ReuseThread | null {
  if (store.location === null || !existsSync(threadFile)) return null;
  const data: ReuseThreadData = { location: store.location, ...options };
  const worker = new Worker(threadFile, { workerData: data });
  let settled = false;
  const found = new Promise<FoundReuse>((resolve, reject) => {
    worker.once('message', (message: ReuseThreadMessage) => {
      settled = true;
      if ('found' in message) resolve(message.found);
      else reject(new Error(`finding reuse failed: ${message.error}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled)
        reject(new Error(`the reuse thread stopped (exit code ${code}) before it answered`));
    });
  });
  // Awaited by the caller; this only keeps an abandoned thread's failure from going unhandled.
  found.catch(() => {});
  return {
    found,
    stop: async () => {
      await worker.terminate();
    },
  };
}
