import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  extractDocument,
  warmExtraction,
  type ExtractInput,
  type Extraction,
} from '../extract/index.js';

/** Extracts documents, on worker threads when there are several cores to use. */
export interface ExtractPool {
  readonly workers: number;
  extract(input: ExtractInput): Promise<Extraction>;
  close(): Promise<void>;
}

type Pending = { resolve: (e: Extraction) => void; reject: (e: Error) => void };

const WORKER_FILE = fileURLToPath(new URL('./extract-worker.js', import.meta.url));

/**
 * A small hand-written pool (no pool library is installed, and this needs only round-robin
 * dispatch with a promise per job). Falls back to the calling thread when asked for 0 workers, or
 * when running from TypeScript sources where the compiled worker file does not exist (tests).
 */
export function createExtractPool(requestedWorkers: number): ExtractPool {
  if (requestedWorkers <= 0 || !existsSync(WORKER_FILE)) {
    warmExtraction();
    return {
      workers: 0,
      extract: async (input) => extractDocument(input),
      close: async () => {},
    };
  }
  const pending = new Map<number, Pending>();
  let nextJob = 0;
  const workers = Array.from({ length: requestedWorkers }, () => {
    const worker = new Worker(WORKER_FILE);
    worker.on('message', (message: { jobId?: number; extraction?: Extraction; error?: string }) => {
      if (message.jobId === undefined) return;
      const job = pending.get(message.jobId);
      if (!job) return;
      pending.delete(message.jobId);
      if (message.extraction) job.resolve(message.extraction);
      else job.reject(new Error(message.error ?? 'extraction failed'));
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    workers: workers.length,
    extract(input) {
      const jobId = nextJob++;
      return new Promise<Extraction>((resolve, reject) => {
        pending.set(jobId, { resolve, reject });
        workers[jobId % workers.length]!.postMessage({ jobId, input });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
