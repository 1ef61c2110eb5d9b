/** Tuning for claim tracing; every default is explained where it is set. */
export interface TraceOptions {
  /** Words a quote or claim needs to be matched across documents; shorter ones stay alone. Default 4. */
  minWords?: number;
  /** Words per shingle for statement matching. Default 3. */
  shingleWords?: number;
  /** Sampled shingles (bottom-k by hash) each statement looks up. Default 8. */
  anchors?: number;
  /** Share of the shorter statement's shingles the longer must contain to match. Default 0.6. */
  minContainment?: number;
  /** Shared shingles that make a match on their own (a verbatim run of ~10 words). Default 8. */
  minSharedShingles?: number;
  /** Longest posting list followed per anchor; a longer one is a quote everyone ran. Default 64. */
  maxPostings?: number;
  /** Characters before and after a quote searched for a cited source or a date. Default 200 / 120. */
  citeWindowBefore?: number;
  citeWindowAfter?: number;
  /** Carrying documents from which reporting on fewer origins counts as circular. Default 2. */
  circularMinDocuments?: number;
  /** Keep clusters carried by a single document. Default true. */
  includeSingletons?: boolean;
}

export type ResolvedTraceOptions = Required<TraceOptions>;

export function resolveTraceOptions(options: TraceOptions = {}): ResolvedTraceOptions {
  return {
    minWords: options.minWords ?? 4,
    shingleWords: options.shingleWords ?? 3,
    anchors: options.anchors ?? 8,
    minContainment: options.minContainment ?? 0.6,
    minSharedShingles: options.minSharedShingles ?? 8,
    maxPostings: options.maxPostings ?? 64,
    citeWindowBefore: options.citeWindowBefore ?? 200,
    citeWindowAfter: options.citeWindowAfter ?? 120,
    circularMinDocuments: options.circularMinDocuments ?? 2,
    includeSingletons: options.includeSingletons ?? true,
  };
}
