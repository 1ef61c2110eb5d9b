import { fileURLToPath } from 'node:url';
import { holdHeapGrowing } from '../core/index.js';
import { ClaimTracer } from '../provenance/index.js';
import type { Store } from '../store/index.js';
import {
  epochNow,
  progressReporter,
  type AnalysisEvent,
  type AnalysisProgress,
  type OnAnalysisProgress,
} from './analysis-progress.js';
import { runClaimTrace, type ClaimTraceSummary } from './claims-run.js';
import { runResolution, type ResolutionSummary } from './resolve-run.js';
import { startThread } from './on-thread.js';
import { startReuseThread } from './reuse-off-thread.js';
import { findStoredReuse, type FoundReuse, type ReuseSummary } from './reuse-run.js';

export interface AnalysisSummary {
  resolution: ResolutionSummary;
  reuse: ReuseSummary;
  claims: ClaimTraceSummary;
}

/**
 * The corpus-wide stages, after extraction: entity resolution; reused passages and
 * near-duplicates; then quote and claim provenance, which builds on the reuse found.
 *
 * Resolution and the reuse search need nothing of each other, so the search runs on a second
 * thread while this one resolves (both cores busy); its findings are recorded here afterwards,
 * so that only one thread ever writes.
 */
export async function runAnalysis(
  store: Store,
  options: { onProgress?: OnAnalysisProgress } = {},
): Promise<AnalysisSummary> {
  const startedAt = epochNow();
  const report = progressReporter(options.onProgress, startedAt);
  // Each step reads the store in batches that die old: without this V8 lets the heap reach 4–5×
  // what is live (core/heap-growing.ts).
  const releaseHeapGrowing = holdHeapGrowing();
  try {
    const { resolution, reuse, tracer } = await resolveAndRecordReuse(store, report, {
      ...(options.onProgress && { onProgress: options.onProgress, progressStartedAt: startedAt }),
    });
    const claims = await runClaimTrace(store, tracer, report);
    return { resolution, reuse, claims };
  } finally {
    releaseHeapGrowing();
  }
}

/**
 * Resolves entities here while a second thread, when it can, finds the reuse; records the reuse,
 * and readies the claim tracer on it. The tracer keeps only where each passage occurs: the report
 * itself (every pair's aligned passages, with their texts; hundreds of MB at a million e-mails)
 * dies with this call, before the claims are read.
 */
async function resolveAndRecordReuse(
  store: Store,
  report: (event: AnalysisEvent) => void,
  threadProgress: { onProgress?: OnAnalysisProgress; progressStartedAt?: number },
): Promise<{ resolution: ResolutionSummary; reuse: ReuseSummary; tracer: ClaimTracer }> {
  const reuseThread = startReuseThread(store, threadProgress);
  let resolution: ResolutionSummary;
  let found: FoundReuse;
  try {
    resolution = await runResolution(store, report);
    found = reuseThread ? await reuseThread.result : await findStoredReuse(store, { report });
    // Before the thread is stopped: its pairs are read as they are written, from a file that
    // stopping removes.
    await store.replaceReuse(found.report);
    report({ step: 'reuse', done: 'pairs recorded', count: found.summary.pairs });
  } finally {
    await reuseThread?.stop();
  }
  return { resolution, reuse: found.summary, tracer: new ClaimTracer(found.report) };
}

const ANALYSIS_THREAD_FILE = fileURLToPath(new URL('./analysis-thread.js', import.meta.url));

/**
 * `runAnalysis` on a thread of its own, through a connection of its own, so that the calling
 * thread's event loop stays free: a queue worker keeps renewing its job locks, answers signals and
 * takes other jobs meanwhile (SQLite calls are synchronous, and an analysis runs for minutes).
 * On the calling thread when the store cannot be reopened (in memory, a view) or the code runs
 * from TypeScript sources.
 */
export async function runAnalysisOffThread(
  store: Store,
  options: { onProgress?: OnAnalysisProgress; threadFile?: string } = {},
): Promise<AnalysisSummary> {
  const { onProgress, threadFile = ANALYSIS_THREAD_FILE } = options;
  const thread =
    store.location === null
      ? null
      : startThread<AnalysisSummary, AnalysisProgress>(
          threadFile,
          { location: store.location },
          'the analysis',
          onProgress,
        );
  if (!thread) return runAnalysis(store, onProgress ? { onProgress } : {});
  try {
    return await thread.result;
  } finally {
    await thread.stop();
  }
}
