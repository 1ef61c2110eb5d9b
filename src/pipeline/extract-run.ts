import { availableParallelism } from 'node:os';
import type { ExtractionRecord, Store, StoredDocument } from '../store/index.js';
import { createExtractPool } from './extract-pool.js';

/**
 * Bumped whenever the extractors or their word lists change in a way that changes results, so
 * `crosscheck extract` knows which stored documents are stale.
 */
export const EXTRACTOR_VERSION = 'rules-2026.11.27-4';

export interface ExtractRunOptions {
  /** Worker threads (default: one per core, at most 4). 0 extracts on the calling thread. */
  workers?: number;
  /** Re-extract every document, not only new or stale ones. */
  all?: boolean;
  /** Documents per store transaction. */
  batchSize?: number;
  onProgress?: (progress: { done: number; total: number; elapsedSeconds: number }) => void;
}

export interface ExtractFailure {
  documentId: string;
  reason: string;
}

export interface ExtractSummary {
  documents: number;
  mentions: number;
  quotes: number;
  dates: number;
  failures: ExtractFailure[];
  workers: number;
  seconds: number;
  /** Characters of text extracted. */
  chars: number;
}

export async function runExtraction(
  store: Store,
  options: ExtractRunOptions = {},
): Promise<ExtractSummary> {
  const started = performance.now();
  const version = options.all ? `${EXTRACTOR_VERSION}#redo-${Date.now()}` : EXTRACTOR_VERSION;
  const total = await store.countDocumentsToExtract(version);
  const summary: ExtractSummary = {
    documents: 0,
    mentions: 0,
    quotes: 0,
    dates: 0,
    failures: [],
    workers: 0,
    seconds: 0,
    chars: 0,
  };
  if (total === 0) return summary;
  const pool = createExtractPool(options.workers ?? Math.min(4, availableParallelism()));
  summary.workers = pool.workers;
  const batchSize = options.batchSize ?? 100;
  // Enough documents in flight to keep every worker busy, few enough to keep memory flat.
  const maxInFlight = Math.max(8, pool.workers * 16);
  let batch: ExtractionRecord[] = [];
  const inFlight = new Set<Promise<void>>();

  const flush = async () => {
    if (batch.length === 0) return;
    const records = batch;
    batch = [];
    await store.writeExtractions(records);
    options.onProgress?.({
      done: summary.documents,
      total,
      elapsedSeconds: (performance.now() - started) / 1000,
    });
  };

  const extractOne = async (document: StoredDocument) => {
    try {
      const extraction = await pool.extract({
        id: document.id,
        text: document.text,
        language: document.language,
        publishedAt: document.publishedAt,
        title: document.title,
        kind: document.kind,
      });
      // Every stored record carries the real version, so a forced re-run leaves nothing stale.
      batch.push({ documentId: document.id, extractorVersion: EXTRACTOR_VERSION, extraction });
      summary.documents++;
      summary.chars += document.text.length;
      summary.mentions += extraction.mentions.length;
      summary.quotes += extraction.quotes.length;
      summary.dates += extraction.dates.length;
    } catch (error) {
      summary.failures.push({
        documentId: document.id,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  };

  try {
    for await (const document of store.iterateDocumentsToExtract(version)) {
      const job = extractOne(document).finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      if (batch.length >= batchSize) await flush();
    }
    await Promise.all(inFlight);
    await flush();
  } finally {
    await pool.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
