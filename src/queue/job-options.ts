import type { JobsOptions } from 'bullmq';

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 2000;

/**
 * Retries back off exponentially (2 s, 4 s, 8 s … by default). Finished jobs are kept: a kept
 * completed job is what makes re-queueing the same files a no-op, and a kept failed job is what
 * `crosscheck queue failed` shows and `queue retry` revives.
 */
export function jobOptions(
  jobId: string,
  attempts = DEFAULT_ATTEMPTS,
  backoffMs = DEFAULT_BACKOFF_MS,
): JobsOptions {
  return {
    jobId,
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: false,
    removeOnFail: false,
  };
}
