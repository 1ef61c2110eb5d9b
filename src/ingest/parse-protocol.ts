import type { IngestEvent } from './events.js';
import type { IngestOptions } from './options.js';

/** Messages between the main thread and a parse worker (src/ingest/parallel.ts). */
export type ToWorker =
  | { type: 'init'; options: IngestOptions }
  | { type: 'file'; fileId: number; path: string; size: number }
  | { type: 'answer'; requestId: number; completed: boolean }
  /** The main thread consumed this many of the worker's events: it may send that many more. */
  | { type: 'ack'; count: number };

export type FromWorker =
  | { type: 'event'; fileId: number; event: IngestEvent }
  | { type: 'file-end'; fileId: number }
  | { type: 'ask'; requestId: number; contentId: string };
