import type { IngestEvent } from './events.js';
import type { IngestOptions } from './options.js';

/** Messages between the main thread and a parse worker (src/ingest/parallel.ts). */
export type ToWorker =
  /** `window`: most events the worker may send before the main thread acknowledges them. */
  | { type: 'init'; options: IngestOptions; window: number }
  | { type: 'file'; fileId: number; path: string; size: number }
  | { type: 'answer'; requestId: number; completed: boolean }
  /** The main thread consumed this many of the worker's events: it may send that many more. */
  | { type: 'ack'; count: number };

export type FromWorker =
  /** Events of one file, in order; `end` once the file's last event is among them. */
  | { type: 'events'; fileId: number; events: IngestEvent[]; end: boolean }
  | { type: 'ask'; requestId: number; contentId: string };
