import type { IngestFailure, IngestItem } from './types.js';

/**
 * What reading a pile of files produces, in order. The consumer (the pipeline) batches items into
 * store transactions; `file-done` comes after every item of that file, so marking the file
 * complete in the same transaction as its last items makes a resumed run skip it safely.
 */
export type IngestEvent =
  | { type: 'file-start'; path: string; bytes: number }
  | { type: 'item'; item: IngestItem }
  | { type: 'failure'; failure: IngestFailure }
  | { type: 'file-skipped'; path: string; contentId: string; reason: 'already-ingested' }
  | { type: 'file-done'; path: string; contentId: string; documents: number; failures: number };

export interface IngestHooks {
  /** True when every document of the file with this content hash is already stored. */
  isFileCompleted(contentId: string): Promise<boolean>;
}
