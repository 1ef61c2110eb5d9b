import type { ClaimCluster } from '../api/workbench-types';

/**
 * For each quote of a document (by its index), the traced claim it belongs to: the cluster with
 * a member in this document whose span overlaps the quote's. A quote that carries other quotes
 * (an e-mail quoted whole) is a member of their clusters too, as enclosing them: its own cluster,
 * where it is a copy, comes first. Quotes outside any cluster map to nothing.
 */
export function claimsByQuote(
  documentId: string,
  quotes: ReadonlyArray<{ start: number; end: number }>,
  clusters: readonly ClaimCluster[],
): Map<number, string> {
  const spans = clusters.flatMap((cluster) =>
    cluster.members
      .filter((m) => m.documentId === documentId)
      .map((m) => ({ id: cluster.id, start: m.start, end: m.end, encloses: m.encloses === true })),
  );
  // Stable: among copies, and among enclosing members, the clusters keep their order.
  spans.sort((a, b) => Number(a.encloses) - Number(b.encloses));
  const found = new Map<number, string>();
  quotes.forEach((quote, index) => {
    const hit = spans.find((s) => s.start < quote.end && quote.start < s.end);
    if (hit) found.set(index, hit.id);
  });
  return found;
}
