import type { Store } from '../store/index.js';
import { runClaimTrace, type ClaimTraceSummary } from './claims-run.js';
import { runResolution, type ResolutionSummary } from './resolve-run.js';
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
export async function runAnalysis(store: Store): Promise<AnalysisSummary> {
  const reuseThread = startReuseThread(store);
  let resolution: ResolutionSummary;
  let found: FoundReuse;
  try {
    resolution = await runResolution(store);
    found = reuseThread ? await reuseThread.found : await findStoredReuse(store);
  } finally {
    await reuseThread?.stop();
  }
  await store.replaceReuse(found.report);
  const claims = await runClaimTrace(store, found.report);
  return { resolution, reuse: found.summary, claims };
}
