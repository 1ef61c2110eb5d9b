import { ClaimTracer, type ReuseReport } from '../provenance/index.js';
import type { Store } from '../store/index.js';

export interface ClaimTraceSummary {
  clusters: number;
  /** Clusters carried by two documents or more. */
  shared: number;
  circular: number;
  /** Documents carrying the most widely carried cluster: a runaway cluster shows here first. */
  largest: number;
  seconds: number;
}

/**
 * Clusters the quotes and reported claims of every extracted document, traces each cluster to
 * its origin and counts its independent origins, then records the clusters.
 */
export async function runClaimTrace(store: Store, reuse: ReuseReport): Promise<ClaimTraceSummary> {
  const started = performance.now();
  // One document at a time: each is read into its statements and let go, so memory follows the
  // statements, not the corpus's texts and extractions.
  const tracer = new ClaimTracer(reuse);
  for await (const document of store.iterateExtractedDocuments({ batchSize: 500 })) {
    tracer.add({
      id: document.id,
      title: document.title,
      date: document.publishedAt,
      kind: document.kind,
      origin: document.origin ?? '',
      intel: document.intel,
      extraction: document.extraction.extraction,
      text: document.text,
    });
  }
  const { clusters } = tracer.finish();
  await store.replaceClaimClusters(clusters);
  return {
    clusters: clusters.length,
    shared: clusters.filter((c) => c.documents.length > 1).length,
    circular: clusters.filter((c) => c.circular).length,
    largest: clusters.reduce((most, c) => Math.max(most, c.documents.length), 0),
    seconds: (performance.now() - started) / 1000,
  };
}
