import type { ClaimCluster } from '../api/workbench-types';

/**
 * For each quote of a document (by its index), the traced claim it belongs to: the cluster with
 * a member in this document whose span overlaps the quote's. Quotes outside any cluster map to
 * nothing.
 */
export function claimsByQuote(
  documentId: string,
  quotes: ReadonlyArray<{ start: number; end: number }>,
  clusters: readonly ClaimCluster[],
): Map<number, string> {
  const spans = clusters.flatMap((cluster) =>
    cluster.members
      .filter((m) => m.documentId === documentId)
      .map((m) => ({ id: cluster.id, start: m.start, end: m.end })),
  );
  const found = new Map<number, string>();
  quotes.forEach((quote, index) => {
    const hit = spans.find((s) => s.start < quote.end && quote.start < s.end);
    if (hit) found.set(index, hit.id);
  });
  return found;
}
