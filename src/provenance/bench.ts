import { prepareText } from './prepare.js';
import type { CandidatePair } from './report.js';
import { ReuseIndex } from './reuse-index.js';
import { overlapOfSortedUnique, sortedUnique } from './similarity.js';
import { SyntheticCorpus } from './synthetic.js';
import { resolveReuseOptions, type ReuseOptions } from './options.js';

export interface ReuseBenchmarkOptions {
  docs: number;
  seed: number;
  /** Documents in the all-pairs exact baseline's own corpus. Default min(docs, 3000). */
  sampleForExact?: number;
  reuse?: ReuseOptions;
  /** Called now and then with a line of progress, for long runs. */
  progress?: (message: string) => void;
}

export interface ReuseBenchmarkResult {
  docs: number;
  /** Detector time (index, candidates, verification), without generating the synthetic texts. */
  seconds: number;
  /** Wall time including synthetic text generation. */
  wallSeconds: number;
  docsPerSecond: number;
  plantedPairs: number;
  candidatePairs: number;
  reportedPairs: number;
  recall: number;
  precision: number;
  passageGroups: number;
  /** Peak resident set size of the whole process so far (it includes the generator). */
  peakRssMB: number;
  postingMB: number;
  /**
   * All-pairs exact shingle comparison over `docs` documents, extrapolated from a measured run
   * on `exactSampleDocs` documents: pair time scales with n(n−1)/2, preparation with n.
   */
  exactAllPairsSeconds: number;
  exactSampleDocs: number;
  exactSampleSeconds: number;
  speedupVsExact: number;
  /** Recall of the exact baseline on its own sample's planted pairs (its ceiling). */
  exactRecall: number;
}

/**
 * Reuse detection on a synthetic corpus with planted passages and near-duplicates: how fast, how
 * much memory, what share of the planted pairs it finds, and what an exact all-pairs comparison
 * would cost instead. The corpus is generated in-process from `seed`; texts are regenerated when
 * verification asks for them, so only the index is resident.
 */
export function runReuseBenchmark(options: ReuseBenchmarkOptions): ReuseBenchmarkResult {
  const log = options.progress ?? (() => undefined);
  const corpus = new SyntheticCorpus({ documents: options.docs, seed: options.seed });
  let generating = 0;
  const textOf = (document: number): string => {
    const t = performance.now();
    const text = corpus.text(document);
    generating += performance.now() - t;
    return text;
  };

  const started = performance.now();
  const index = new ReuseIndex(options.reuse);
  const step = Math.max(1, Math.floor(options.docs / 10));
  for (let d = 0; d < corpus.size; d += 1) {
    index.add({ id: corpus.id(d), text: textOf(d), date: corpus.date(d) });
    if ((d + 1) % step === 0) log(`indexed ${d + 1} documents in ${elapsed(started)} s`);
  }
  // Candidates are read one at a time as they are verified (counted on the way), as the pipeline
  // does: holding them would measure an array the pipeline never builds.
  let candidates = 0;
  const counted = function* (pairs: Iterable<CandidatePair>): Generator<CandidatePair> {
    for (const pair of pairs) {
      candidates += 1;
      yield pair;
    }
  };
  const report = index.verify((id) => textOf(corpus.numberOf(id)), counted(index.candidates()));
  log(`${candidates} candidate pairs after ${elapsed(started)} s`);
  const wallSeconds = (performance.now() - started) / 1000;
  const seconds = wallSeconds - generating / 1000;
  log(`verified ${report.pairs.length} pairs after ${elapsed(started)} s`);

  const planted = new Set(corpus.plantedPairs.map(([a, b]) => pairKey(a, b)));
  let found = 0;
  for (const pair of report.pairs) {
    if (planted.has(pairKey(corpus.numberOf(pair.a), corpus.numberOf(pair.b)))) found += 1;
  }
  const postingMB = index.postingBytes / 2 ** 20;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;

  const exact = exactBaseline(
    Math.min(options.sampleForExact ?? 3000, options.docs),
    options.seed + 1,
    options.reuse,
  );
  const n = options.docs;
  const s = exact.documents;
  const exactAllPairsSeconds =
    exact.pairSeconds * ((n * (n - 1)) / Math.max(1, s * (s - 1))) + exact.prepareSeconds * (n / s);
  return {
    docs: n,
    seconds,
    wallSeconds,
    docsPerSecond: n / seconds,
    plantedPairs: planted.size,
    candidatePairs: candidates,
    reportedPairs: report.pairs.length,
    recall: planted.size === 0 ? 1 : found / planted.size,
    precision: report.pairs.length === 0 ? 1 : found / report.pairs.length,
    passageGroups: report.passages.length,
    peakRssMB,
    postingMB,
    exactAllPairsSeconds,
    exactSampleDocs: s,
    exactSampleSeconds: exact.pairSeconds + exact.prepareSeconds,
    speedupVsExact: exactAllPairsSeconds / seconds,
    exactRecall: exact.recall,
  };
}

/**
 * The brute-force yardstick: every pair's shingle sets compared exactly. A pair counts as found
 * when it shares enough shingles to hold a minPassageWords-word run, or its Jaccard similarity
 * reaches the near-duplicate threshold. It is a generous filter (no alignment), so its recall is
 * an upper bound for any detector on the same shingles.
 */
function exactBaseline(
  documents: number,
  seed: number,
  reuse: ReuseOptions = {},
): { documents: number; prepareSeconds: number; pairSeconds: number; recall: number } {
  const options = resolveReuseOptions(reuse);
  const corpus = new SyntheticCorpus({ documents, seed });
  const texts = Array.from({ length: documents }, (_, d) => corpus.text(d));
  const t0 = performance.now();
  const sets = texts.map((text) =>
    sortedUnique(prepareText(text, options.shingleWords).shingles.primary),
  );
  const t1 = performance.now();
  const minShared = options.minPassageWords - options.shingleWords + 1;
  const found = new Set<number>();
  for (let a = 0; a < documents; a += 1) {
    for (let b = a + 1; b < documents; b += 1) {
      const { shared, union } = overlapOfSortedUnique(sets[a]!, sets[b]!);
      if (shared >= minShared || shared >= options.nearDuplicateSimilarity * union) {
        found.add(pairKey(a, b));
      }
    }
  }
  const t2 = performance.now();
  const planted = corpus.plantedPairs.map(([a, b]) => pairKey(a, b));
  const hits = planted.filter((key) => found.has(key)).length;
  return {
    documents,
    prepareSeconds: (t1 - t0) / 1000,
    pairSeconds: (t2 - t1) / 1000,
    recall: planted.length === 0 ? 1 : hits / planted.length,
  };
}

function pairKey(a: number, b: number): number {
  return a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a;
}

function elapsed(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
