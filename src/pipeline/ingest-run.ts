import { availableParallelism } from 'node:os';
import {
  readSourcesInParallel,
  countInputs,
  type IngestFailure,
  type IngestOptions,
} from '../ingest/index.js';
import type { TlpLevel } from '../core/index.js';
import type { CompletedFile, MarkedIngestItem, Store } from '../store/index.js';

/** What an ingest run tells whoever is watching (a progress bar, a log, the web UI). */
export interface IngestProgress {
  totalFiles: number;
  totalBytes: number;
  filesDone: number;
  bytesDone: number;
  documentsStored: number;
  duplicates: number;
  failures: number;
  skippedFiles: number;
  currentPath: string | null;
  elapsedSeconds: number;
}

export interface IngestSummary {
  runId: string;
  /** Documents new to the store. */
  stored: number;
  /** Documents already in the store (their new origins and links are still recorded). */
  duplicates: number;
  /** Files skipped because an earlier run completed them. */
  skippedFiles: number;
  failures: IngestFailure[];
  files: number;
  bytes: number;
  seconds: number;
}

export interface IngestRunOptions {
  ingest: IngestOptions;
  /** Most documents per transaction. Larger batches are faster; any batch is all-or-nothing. */
  batchSize?: number;
  /** Longest time a document waits before its batch is committed, in ms. */
  flushIntervalMs?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Parse worker threads (default: one per core, at most 4); below 2, parsing stays on this thread. */
  parseWorkers?: number;
  /** Most failures kept in the returned summary (all are in the store's ingest log). */
  keepFailures?: number;
  /**
   * The TLP marking of every document of the run (default CLEAR). A document already stored
   * under a stricter marking keeps it: re-ingesting never lowers a marking.
   */
  tlp?: TlpLevel;
}

/**
 * Reads the given paths and commits what they hold to the store in batches. Each batch is one
 * transaction holding the documents, their links, the failures and the files completed by it, so
 * a killed run leaves the store consistent, and running it again finishes the job without storing
 * anything twice.
 */
export async function runIngest(
  store: Store,
  paths: string[],
  options: IngestRunOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  const flushIntervalMs = options.flushIntervalMs ?? 500;
  const keepFailures = options.keepFailures ?? 10_000;
  const totals = await countInputs(paths);
  const run = await store.startRun(paths, { expectedFiles: totals.files });

  const progress: IngestProgress = {
    totalFiles: totals.files,
    totalBytes: totals.bytes,
    filesDone: 0,
    bytesDone: 0,
    documentsStored: 0,
    duplicates: 0,
    failures: 0,
    skippedFiles: 0,
    currentPath: null,
    elapsedSeconds: 0,
  };
  const failures: IngestFailure[] = [];
  let items: MarkedIngestItem[] = [];
  let batchFailures: IngestFailure[] = [];
  let completedFiles: CompletedFile[] = [];
  let lastFlush = performance.now();
  const fileBytes = new Map<string, number>();

  const report = () => {
    progress.elapsedSeconds = (performance.now() - started) / 1000;
    options.onProgress?.({ ...progress });
  };

  const flush = async () => {
    if (items.length === 0 && batchFailures.length === 0 && completedFiles.length === 0) return;
    const result = await store.writeBatch({
      runId: run.id,
      items,
      failures: batchFailures,
      completedFiles,
    });
    progress.documentsStored += result.inserted;
    progress.duplicates += result.duplicates;
    items = [];
    batchFailures = [];
    completedFiles = [];
    lastFlush = performance.now();
    report();
  };

  const raisesMarking = options.tlp !== undefined && options.tlp !== 'CLEAR';
  const workers = options.parseWorkers ?? Math.min(4, availableParallelism());
  for await (const event of readSourcesInParallel(
    paths,
    options.ingest,
    {
      // A marking must reach documents already stored, so files done before are read again
      // (their documents are not stored twice; writeBatch keeps the stricter marking).
      isFileCompleted: (contentId) =>
        raisesMarking ? Promise.resolve(false) : store.isFileCompleted(contentId),
    },
    workers,
  )) {
    switch (event.type) {
      case 'file-start':
        progress.currentPath = event.path;
        fileBytes.set(event.path, event.bytes);
        break;
      case 'item':
        items.push(options.tlp ? { ...event.item, tlp: options.tlp } : event.item);
        break;
      case 'failure':
        batchFailures.push(event.failure);
        progress.failures++;
        if (failures.length < keepFailures) failures.push(event.failure);
        break;
      case 'file-skipped':
        progress.skippedFiles++;
        progress.filesDone++;
        break;
      case 'file-done':
        // A file with failures is not marked complete, so the next run tries it again (after
        // the user installed OCR, say) and reports what still fails.
        if (event.failures === 0)
          completedFiles.push({ contentId: event.contentId, path: event.path });
        progress.filesDone++;
        progress.bytesDone += fileBytes.get(event.path) ?? 0;
        fileBytes.delete(event.path);
        break;
    }
    if (items.length >= batchSize || performance.now() - lastFlush > flushIntervalMs) {
      await flush();
    }
  }
  await flush();
  report();

  await store.finishRun(run.id, {
    succeeded: progress.documentsStored,
    failed: progress.failures,
    duplicates: progress.duplicates,
  });
  return {
    runId: run.id,
    stored: progress.documentsStored,
    duplicates: progress.duplicates,
    skippedFiles: progress.skippedFiles,
    failures,
    files: totals.files,
    bytes: totals.bytes,
    seconds: (performance.now() - started) / 1000,
  };
}
