import { extractDocument, warmExtraction } from '../extract/index.js';
import { EXTRACTOR_VERSION, runExtraction } from '../pipeline/index.js';
import type { ExtractionRecord, Store } from '../store/index.js';
import type { ExtractJobResult } from './jobs.js';

export interface ExtractionFailure {
  documentId: string;
  reason: string;
}

/**
 * Extracts the given documents on this thread (a queue worker's parallelism is its processes and
 * its job concurrency). Documents already extracted by this extractor version are skipped, so a
 * retried job redoes only what its failed attempt left.
 */
export async function extractDocuments(
  store: Store,
  documentIds: readonly string[],
  batchSize = 50,
): Promise<ExtractJobResult & { failed: ExtractionFailure[] }> {
  warmExtraction();
  const failed: ExtractionFailure[] = [];
  let extracted = 0;
  let skipped = 0;
  let batch: ExtractionRecord[] = [];
  for (const id of documentIds) {
    const existing = await store.getExtraction(id);
    if (existing?.extractorVersion === EXTRACTOR_VERSION) {
      skipped++;
      continue;
    }
    const document = await store.getDocument(id);
    if (!document) {
      failed.push({ documentId: id, reason: 'not in the store' });
      continue;
    }
    try {
      const extraction = extractDocument({
        id: document.id,
        text: document.text,
        language: document.language,
        publishedAt: document.publishedAt,
        title: document.title,
        kind: document.kind,
      });
      batch.push({ documentId: id, extractorVersion: EXTRACTOR_VERSION, extraction });
      extracted++;
    } catch (error) {
      failed.push({
        documentId: id,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    if (batch.length >= batchSize) {
      await store.writeExtractions(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await store.writeExtractions(batch);
  return { extracted, skipped, failures: failed.length, failed };
}

/** Every stale document, through the pipeline's own run (used after an interrupted ingest job). */
export async function extractStale(
  store: Store,
): Promise<ExtractJobResult & { failed: ExtractionFailure[] }> {
  const summary = await runExtraction(store, { workers: 0 });
  return {
    extracted: summary.documents,
    skipped: 0,
    failures: summary.failures.length,
    failed: summary.failures,
  };
}
