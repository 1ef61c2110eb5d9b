/** `GET /api/queue` (src/api/routes/queue.ts): the distributed ingest run by `crosscheck worker`. */
export interface QueueStatus {
  /** False when the server was started without a Redis queue; every number is then 0. */
  enabled: boolean;
  counts: { waiting: number; active: number; completed: number; failed: number; delayed: number };
  documentsStored: number;
  docsPerSecond: number;
  /** Null while there is no rate to extrapolate from (nothing done yet, or nothing left). */
  etaSeconds: number | null;
  workers: number;
  failed: Array<{
    id: string;
    name: string;
    reason: string;
    attempts: number;
    failedAt: string | null;
  }>;
}
