import { createHash } from 'node:crypto';
import { z } from 'zod';

export const INGEST_JOB = 'ingest';
export const EXTRACT_JOB = 'extract';
export const ANALYZE_JOB = 'analyze';

/** Reads a chunk of files into the store, then queues the extraction of what it stored. */
export const IngestJobDataSchema = z.object({
  kind: z.literal(INGEST_JOB),
  /** Absolute paths; every worker must see the corpus at the same paths (a shared mount). */
  files: z.array(z.string().min(1)).min(1),
  /** The store the job was queued for (password removed), checked by each worker. */
  store: z.string().min(1),
});

/** Extracts the documents one ingest job stored. */
export const ExtractJobDataSchema = z.object({
  kind: z.literal(EXTRACT_JOB),
  documentIds: z.array(z.string().min(1)),
  /**
   * Set when the ingest job found files an earlier, interrupted attempt had already stored: their
   * document ids are not known to this attempt, so the job extracts every stale document instead.
   */
  sweepStale: z.boolean(),
  store: z.string().min(1),
  /** The ingest job this extraction follows. */
  ingestJobId: z.string().min(1),
});

export const JobDataSchema = z.discriminatedUnion('kind', [
  IngestJobDataSchema,
  ExtractJobDataSchema,
]);
export type IngestJobData = z.infer<typeof IngestJobDataSchema>;
export type ExtractJobData = z.infer<typeof ExtractJobDataSchema>;
export type JobData = z.infer<typeof JobDataSchema>;

/**
 * Runs the corpus-wide analysis (resolution, text reuse, claim tracing) once the ingest and
 * extraction jobs are done. It lives in its own queue (see analysis.ts) so that the main queue's
 * counts say exactly how much ingest and extraction work is left.
 */
export const AnalyzeJobDataSchema = z.object({
  kind: z.literal(ANALYZE_JOB),
  store: z.string().min(1),
});
export type AnalyzeJobData = z.infer<typeof AnalyzeJobDataSchema>;

/** What an ingest job returns (kept in Redis with the completed job). */
export interface IngestJobResult {
  stored: number;
  duplicates: number;
  skippedFiles: number;
  failures: number;
  documentIds: number;
}

export interface ExtractJobResult {
  extracted: number;
  skipped: number;
  failures: number;
}

/**
 * Deterministic ids make enqueueing idempotent: BullMQ ignores an add whose id it already holds,
 * so queueing the same files twice queues them once. The store is part of the id because the
 * same files queued for two stores are two pieces of work.
 */
export function ingestJobId(store: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(store);
  for (const file of files) hash.update(`\0${file}`);
  return `ingest-${hash.digest('hex').slice(0, 40)}`;
}

export function extractJobId(ingestJobId: string): string {
  return ingestJobId.replace(/^ingest-/, 'extract-');
}

export interface AnalyzeJobResult {
  /** A later analysis job of the same store was queued and covers this one's work. */
  superseded: boolean;
  /** Documents in the store when the analysis started. */
  documents: number;
  entities: number;
  reusePairs: number;
  claimClusters: number;
  circularClaims: number;
  seconds: number;
}
