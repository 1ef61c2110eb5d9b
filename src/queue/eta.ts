export interface EtaInput {
  /** Jobs waiting, running or delayed in the main queue. */
  queuedJobs: number;
  /** Ingest jobs among them: each queues one extraction job when it finishes. */
  ingestJobs: number;
  /** Recent rate over every worker; 0 when no job finished lately. */
  jobsPerSecond: number;
  /** Seconds the pending analysis still needs: 0 when none is pending, null when unknown. */
  analysisSeconds: number | null;
}

export interface Eta {
  seconds: number | null;
  /** True when the figure covers the jobs but not a pending analysis it cannot estimate. */
  excludesAnalysis: boolean;
}

/**
 * Jobs, not documents: an mbox is one file but thousands of documents, so jobs (chunks of files)
 * are the steadier unit. An extraction job is about as long as its ingest job's share, so the
 * extractions still to come count as jobs at the same rate.
 */
export function estimateEta(input: EtaInput): Eta {
  const remaining = input.queuedJobs + input.ingestJobs;
  const jobsSeconds =
    remaining === 0
      ? 0
      : input.jobsPerSecond > 0
        ? Math.ceil(remaining / input.jobsPerSecond)
        : null;
  if (jobsSeconds === null) return { seconds: null, excludesAnalysis: false };
  if (input.analysisSeconds !== null) {
    return { seconds: jobsSeconds + input.analysisSeconds, excludesAnalysis: false };
  }
  // A first analysis has no pace to go by: while jobs remain, the ETA covers them and says so.
  return remaining > 0
    ? { seconds: jobsSeconds, excludesAnalysis: true }
    : { seconds: null, excludesAnalysis: false };
}
