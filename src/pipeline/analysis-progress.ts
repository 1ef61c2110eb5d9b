/**
 * What an analysis tells whoever is watching as it goes: at a million e-mails it runs for over an
 * hour, and a user needs to see which step it is in, and a benchmark which step holds the memory.
 */
export interface AnalysisProgress {
  /** Entity resolution, the reuse search (on a thread of its own), or claim tracing. */
  step: AnalysisStep;
  /** What just finished, in a few words: "documents read", "entities recorded". */
  done: string;
  /** How many, where it was counted: documents, entities, pairs, clusters. */
  count?: number;
  /** Seconds since the analysis started. */
  seconds: number;
  /** The process's resident memory then, in bytes (every thread's). */
  rss: number;
}

export type AnalysisStep = 'resolution' | 'reuse' | 'claims';

/** A step's news as the step knows it; `progressReporter` adds the clock and the memory reading. */
export type AnalysisEvent = Pick<AnalysisProgress, 'step' | 'done' | 'count'>;

export type OnAnalysisProgress = (progress: AnalysisProgress) => void;

/**
 * Milliseconds since the epoch, to the fraction: the same clock on every thread (each thread's
 * `performance.now()` counts from its own start).
 */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/**
 * Stamps each event with the time since `startedAt` (epochNow) and the memory in use, and hands
 * it on. A thread stamps its own events: its messages wait while the main thread is busy in a
 * synchronous SQLite call, and would be stamped late on arrival.
 */
export function progressReporter(
  onProgress: OnAnalysisProgress | undefined,
  startedAt: number = epochNow(),
): (event: AnalysisEvent) => void {
  if (!onProgress) return () => {};
  return (event) =>
    onProgress({
      ...event,
      seconds: (epochNow() - startedAt) / 1000,
      rss: process.memoryUsage.rss(),
    });
}
