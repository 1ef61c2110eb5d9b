import { traceClaims, type ProvenanceDocument, type ReuseReport } from '../provenance/index.js';
import type { Store } from '../store/index.js';

export interface ClaimTraceSummary {
  clusters: number;
  /** Clusters carried by two documents or more. */
  shared: number;
  circular: number;
  seconds: number;
}

/**
 * Clusters the quotes and reported claims of every extracted document, traces each cluster to
 * its origin and counts its independent origins, then records the clusters.
 *
 * Holds every extracted document in memory for the trace: fine for newsroom-sized cases; a
 * streaming trace is needed before this runs over millions of documents.
 */
export async function runClaimTrace(store: Store, reuse: ReuseReport): Promise<ClaimTraceSummary> {
  const started = performance.now();
  const documents: ProvenanceDocument[] = [];
  for await (const document of store.iterateDocuments({ batchSize: 500 })) {
    const stored = await store.getExtraction(document.id);
    if (!stored) continue;
    documents.push({
      id: document.id,
      title: document.title,
      date: document.publishedAt,
      kind: document.kind,
      origin: document.origins[0] ?? '',
      intel: document.intel ? { code: document.intel.code } : null,
      extraction: stored.extraction,
      text: document.text,
    });
  }
  const { clusters } = traceClaims(documents, reuse);
  await store.replaceClaimClusters(clusters);
  return {
    clusters: clusters.length,
    shared: clusters.filter((c) => c.documents.length > 1).length,
    circular: clusters.filter((c) => c.circular).length,
    seconds: (performance.now() - started) / 1000,
  };
}
