import type { ExtractionResponse, ReuseResponse } from '../api/analysis-types';
import { api } from '../api/client';
import type { ClaimCluster } from '../api/workbench-types';
import { useAsync, type AsyncState } from '../hooks/use-async';

export interface DocumentAnalysis {
  /** Null until the document has been through extraction. */
  extraction: ExtractionResponse | null;
  reuse: ReuseResponse;
  /** The traced claims this document carries, so its quotes can link to their claim pages. */
  claims: ClaimCluster[];
}

/** What extraction and text reuse found in a document, loaded beside the document itself. */
export function useDocumentAnalysis(id: string): AsyncState<DocumentAnalysis> {
  const [state] = useAsync(
    async (signal) => {
      const [extraction, reuse, claims] = await Promise.all([
        api.extraction(id, signal),
        api.reuse(id, signal),
        api.claims({ document: id, limit: 200 }, signal),
      ]);
      return { extraction, reuse, claims: claims.claims.map((c) => c.cluster) };
    },
    [id],
  );
  return state;
}
