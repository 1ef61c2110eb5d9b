/**
 * The stages the combined benchmark can run, in pipeline order, each on the store the last left.
 * `analyze` is the corpus-wide step as users run it (`crosscheck analyze`, the ingest pipeline,
 * a queue worker): resolution and the reuse search at once on two threads, then claim tracing; so
 * `--stages ingest,extract,analyze` times the whole pipeline as it runs, where resolve and reuse
 * time those two alone, one after the other.
 */
export const STAGES = ['ingest', 'extract', 'resolve', 'reuse', 'analyze', 'search'] as const;
export type Stage = (typeof STAGES)[number];

/** What `npm run bench` runs without `--stages`: each stage on its own. */
export const DEFAULT_STAGES: readonly Stage[] = ['ingest', 'extract', 'resolve', 'reuse', 'search'];

/** What one stage measured, in one child process (so its peak memory is its own). */
export interface StageFigures {
  stage: Stage;
  /** Documents in the store the stage worked on. */
  documents: number;
  seconds: number;
  /**
   * CPU time of the whole process (worker threads included), user plus system: on a shared
   * machine it moves far less with the other users' load than the wall time does.
   */
  cpuSeconds?: number;
  /** Bytes the stage read: the raw files for ingest, the stored text for the later stages. */
  bytes: number;
  /** The child process's high-water resident memory, worker threads included. */
  peakRssMB: number;
  /** The SQLite store's files after the stage, write-ahead log included. */
  storeBytes: number;
  /** Search only: latency percentiles over every query run. */
  latency: { p50: number; p95: number; p99: number; queries: number } | null;
  /** Stage-specific counts (entities, mentions, pairs …), for the log and the JSON. */
  counts: Record<string, number>;
}

/** One corpus size, every stage. */
export interface SizeResult {
  docs: number;
  stages: StageFigures[];
  /** Wall time from the first stage's start to the last one's end, child start-up included. */
  endToEndSeconds: number;
  /** Load averages when the size started and ended (the machine is shared). */
  loadBefore: string;
  loadAfter: string;
}
