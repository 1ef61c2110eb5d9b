export {
  runIngest,
  type IngestProgress,
  type IngestRunOptions,
  type IngestSummary,
} from './ingest-run.js';
export {
  EXTRACTOR_VERSION,
  runExtraction,
  type ExtractFailure,
  type ExtractRunOptions,
  type ExtractSummary,
} from './extract-run.js';
export { findStoredReuse, runReuse, type FoundReuse, type ReuseSummary } from './reuse-run.js';
export { startReuseThread } from './reuse-off-thread.js';
export type { ThreadRun } from './on-thread.js';
export { evaluateReuse, formatReuseEvaluation, type ReuseEvaluation } from './evaluate-reuse.js';
export { runClaimTrace, type ClaimTraceSummary } from './claims-run.js';
export { runAnalysis, runAnalysisOffThread, type AnalysisSummary } from './analyze.js';
export type { AnalysisProgress, OnAnalysisProgress } from './analysis-progress.js';
export { assessClaims, type AssessedClaim } from './assess-claims.js';
export { runResolution, toAnalystDecisions, type ResolutionSummary } from './resolve-run.js';
export { evaluateResolution } from './evaluate-resolution.js';
export { buildHypothesisWorkspace, type HypothesisWorkspace } from './hypotheses.js';
export { migrateStore, type MigrationCounts, type MigrationReport } from './migrate.js';
export {
  runIngestPipeline,
  type IngestPipelineOptions,
  type IngestPipelineSummary,
} from './ingest-pipeline.js';
