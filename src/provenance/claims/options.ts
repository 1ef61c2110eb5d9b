/** Tuning for claim tracing; every default is explained where it is set. */
export interface TraceOptions {
  /** Words a quote or claim needs to be matched across documents; shorter ones stay alone. Default 4. */
  minWords?: number;
  /** Words per shingle for statement matching. Default 3. */
  shingleWords?: number;
  /** Sampled shingles (bottom-k by hash) each statement looks up. Default 8. */
  anchors?: number;
  /**
   * Words of the shorter statement per word the longer may have changed (a synonym, a misquote,
   * an elision) and still say the same words. Default 15: "We are not going to negotiate with
   * anyone" and "… with criminals" are two quotes, while one substitution in a reprinted paragraph
   * leaves it the same. A changed word costs up to `shingleWords` shingles.
   */
  wordsPerEdit?: number;
  /**
   * Longest length ratio at which the shorter of two matching statements may be a trimmed copy of
   * the longer: it joins the longer's cluster when that is the only one containing it, and a
   * fragment that several different statements contain ("jamás recibió la orden de") joins none.
   * Beyond it the longer only carries the shorter: a reprinted e-mail joins the cluster of each
   * quote it contains without joining those clusters to one another. Default 4.
   */
  partLengthRatio?: number;
  /**
   * Shared shingles (a verbatim run of ~10 words) by which two quotations neither of which contains
   * the other still quote the same text: one outlet quotes a sentence, another splices part of it
   * into its own. Each then carries the other. Default 8.
   */
  minSharedShingles?: number;
  /**
   * Share of the shorter statement's shingles that such a shared run must also be. Ten words in
   * common are one source text when one quote splices part of another's sentence; two 90-word
   * reprinted blocks sharing one stock phrase ("a cambio de protección hasta …") are two texts.
   * Counted as one, a generated corpus's whole block quotes carried each other into clusters of
   * dozens of unrelated documents. Default 0.3.
   */
  minOverlapShare?: number;
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
    wordsPerEdit: options.wordsPerEdit ?? 15,
    partLengthRatio: options.partLengthRatio ?? 4,
    minSharedShingles: options.minSharedShingles ?? 8,
    minOverlapShare: options.minOverlapShare ?? 0.3,
    maxPostings: options.maxPostings ?? 64,
    citeWindowBefore: options.citeWindowBefore ?? 200,
    citeWindowAfter: options.citeWindowAfter ?? 120,
    circularMinDocuments: options.circularMinDocuments ?? 2,
    includeSingletons: options.includeSingletons ?? true,
  };
}
