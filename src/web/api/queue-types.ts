/** `GET /api/queue` (src/api/routes/queue.ts): the distributed ingest run by `crosscheck worker`. */
export interface QueueStatus {
  /** False when the server was started without a Redis queue; every number is then 0. */
  enabled: boolean;
  counts: { waiting: number; active: number; completed: number; failed: number; delayed: number };
  documentsStored: number;
  docsPerSecond: number;
  /** Jobs still to come (with the extractions queued ingest jobs will add) plus the analysis; 0 when nothing is left, null with no rate yet. */
  etaSeconds: number | null;
  /** True when a first analysis has no pace to estimate from: the ETA covers the jobs only. */
  etaExcludesAnalysis: boolean;
  /** The corpus-wide analysis, run once when ingest and extraction are done. */
  analysis: {
    phase: 'none' | 'waiting' | 'running' | 'done' | 'failed';
    counts: { waiting: number; active: number; completed: number; failed: number; delayed: number };
    etaSeconds: number | null;
    /** While running: the step that ended last, `seconds` into the analysis; null otherwise. */
    step: {
      step: 'resolution' | 'reuse' | 'claims';
      /** What just finished, in a few words: "entities recorded". */
      done: string;
      count: number | null;
      seconds: number;
    } | null;
    last: {
      jobId: string;
      documents: number;
      entities: number;
      reusePairs: number;
      claimClusters: number;
      circularClaims: number;
      seconds: number;
      finishedAt: string;
    } | null;
  };
  workers: number;
  failed: Array<{
    id: string;
    name: string;
    reason: string;
    attempts: number;
    failedAt: string | null;
  }>;
}
