import type { Store } from '../store/index.js';
import type { OnAnalysisProgress } from './analysis-progress.js';
import { runAnalysis, type AnalysisSummary } from './analyze.js';
import { runExtraction, type ExtractSummary } from './extract-run.js';
import { runIngest, type IngestRunOptions, type IngestSummary } from './ingest-run.js';

export interface IngestPipelineOptions extends IngestRunOptions {
  /** Extract what is new or stale after ingesting (default true). */
  extract?: boolean;
  /** Re-run the corpus-wide analysis when anything new arrived (default true). */
  analyze?: boolean;
  /** Extraction worker threads (see ExtractRunOptions.workers). */
  extractWorkers?: number;
  /** Called between ingesting and extracting (e.g. to stop a progress bar). */
  onIngested?: (summary: IngestSummary) => void;
  /** Told as each step of the analysis ends. */
  onAnalysisProgress?: OnAnalysisProgress;
}

export interface IngestPipelineSummary {
  summary: IngestSummary;
  extraction: ExtractSummary | null;
  analysis: AnalysisSummary | null;
}

/**
 * What `crosscheck ingest` means, for every way in (the CLI, a collection of the multi-user
 * server, the demo): ingest, extract what is new, and redo the corpus-wide analysis only when
 * something new arrived, since it is the expensive part.
 */
export async function runIngestPipeline(
  store: Store,
  paths: string[],
  options: IngestPipelineOptions,
): Promise<IngestPipelineSummary> {
  const {
    extract = true,
    analyze = true,
    extractWorkers,
    onIngested,
    onAnalysisProgress,
    ...ingest
  } = options;
  const summary = await runIngest(store, paths, ingest);
  onIngested?.(summary);
  const extraction = extract
    ? await runExtraction(store, extractWorkers !== undefined ? { workers: extractWorkers } : {})
    : null;
  const analysis =
    analyze && (summary.stored > 0 || (extraction?.documents ?? 0) > 0)
      ? await runAnalysis(store, onAnalysisProgress ? { onProgress: onAnalysisProgress } : {})
      : null;
  return { summary, extraction, analysis };
}
