import type { ClaimCluster, ClaimTracePhase, ClaimTracer } from '../provenance/index.js';
import type { Store } from '../store/index.js';
import type { AnalysisEvent } from './analysis-progress.js';

/** What claim tracing reads of each extraction: not the names or the figures. */
const TRACED_FIELDS = ['quotes', 'claims', 'sourcesCited', 'dates'] as const;

const PHASE_NEWS: Record<ClaimTracePhase, string> = {
  matched: 'statements matched',
  joined: 'trimmed copies joined',
  grouped: 'clusters gathered, match keys let go',
};

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
 * its origin and counts its independent origins, then records the clusters. The tracer comes
 * made on the reuse found (`new ClaimTracer(report)`), so that the caller can let the report go.
 */
export async function runClaimTrace(
  store: Store,
  tracer: ClaimTracer,
  report: (event: AnalysisEvent) => void = () => {},
): Promise<ClaimTraceSummary> {
  const started = performance.now();
  let documents = 0;
  // One document at a time: each is read into its statements and let go, so memory follows the
  // statements, not the corpus's texts and extractions.
  for await (const document of store.iterateExtractedDocuments({
    batchSize: 500,
    fields: TRACED_FIELDS,
  })) {
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
    documents += 1;
  }
  report({ step: 'claims', done: 'documents read into statements', count: documents });
  const counts = { clusters: 0, shared: 0, circular: 0, largest: 0 };
  // Each cluster is built as the store asks for it, counted, written and let go.
  function* counted(clusters: Iterable<ClaimCluster>): Generator<ClaimCluster> {
    for (const cluster of clusters) {
      counts.clusters += 1;
      if (cluster.documents.length > 1) counts.shared += 1;
      if (cluster.circular) counts.circular += 1;
      counts.largest = Math.max(counts.largest, cluster.documents.length);
      yield cluster;
    }
  }
  const clusters = tracer.clusters((phase) => report({ step: 'claims', done: PHASE_NEWS[phase] }));
  await store.replaceClaimClusters(counted(clusters));
  report({ step: 'claims', done: 'clusters recorded', count: counts.clusters });
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
