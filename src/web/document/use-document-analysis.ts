import type { ExtractionResponse, ReuseResponse } from '../api/analysis-types';
import { api } from '../api/client';
import { useAsync, type AsyncState } from '../hooks/use-async';

export interface DocumentAnalysis {
  /** Null until the document has been through extraction. */
  extraction: ExtractionResponse | null;
  reuse: ReuseResponse;
}

/** What extraction and text reuse found in a document, loaded beside the document itself. */
export function useDocumentAnalysis(id: string): AsyncState<DocumentAnalysis> {
  const [state] = useAsync(
    async (signal) => {
      const [extraction, reuse] = await Promise.all([
        api.extraction(id, signal),
        api.reuse(id, signal),
      ]);
      return { extraction, reuse };
    },
    [id],
  );
  return state;
}
