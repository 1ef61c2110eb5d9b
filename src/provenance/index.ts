/**
 * Provenance, text-reuse core: which documents share passages (a leaked e-mail quoted by five
 * outlets is one source, not five) and which are near-duplicates. In memory (past 256 MB the
 * documents' shingle hashes spill to an unlinked scratch file); the pipeline feeds documents in and
 * stores what comes out.
 *
 * How: texts are normalised (normalize.ts: case, accents, punctuation and "[bracketed]" editorial
 * insertions vanish, offsets into the original are kept) and cut into 5-word shingles. Two
 * indexes of typed-array postings propose candidate pairs — winnowed shingle fingerprints for
 * shared passages (any shared 20-word run is guaranteed a common fingerprint), MinHash LSH bands
 * for near-duplicate documents — a test on shingle hashes rules out the candidates that cannot
 * pass (precheck.ts), and seed-and-extend alignment (align.ts) verifies the rest on the texts,
 * which the caller supplies again so the index never holds them. Passages shared by
 * many documents are grouped (cluster.ts), earliest appearance first.
 */
export {
  ReuseIndex,
  findReuse,
  createFingerprinter,
  type ReuseDocument,
  type IndexedCandidate,
} from './reuse-index.js';
export type { ReuseOptions } from './options.js';
export type {
  ReuseReport,
  StreamedReuseReport,
  ReusePair,
  PassageGroup,
  AlignedPassage,
  DatedOccurrence,
  CandidatePair,
} from './report.js';
export type { DocumentFingerprints, KeyList } from './fingerprint.js';
export { tokenizeForReuse, type ReuseTokens } from './normalize.js';
export { alignPassages, type AlignOptions } from './align.js';
export { prepareText, type PreparedText } from './prepare.js';
export {
  runReuseBenchmark,
  type ReuseBenchmarkOptions,
  type ReuseBenchmarkResult,
} from './bench.js';
export {
  ClaimTracer,
  traceClaims,
  type ClaimTracePhase,
  formatTrace,
  summarizeCluster,
  resolveTraceOptions,
  type TraceOptions,
  type ResolvedTraceOptions,
  type ChainLink,
  type ChainRelation,
  type CitationScope,
  type ClaimCluster,
  type ClaimDocument,
  type ClaimMember,
  type ClaimOrigin,
  type ClaimTrace,
  type MemberKind,
  type OriginGroup,
  type ProvenanceDocument,
  type ReasonCode,
  type Reasoning,
} from './claims/index.js';
