import type { Store } from '../store/index.js';
import { runClaimTrace, type ClaimTraceSummary } from './claims-run.js';
import { runResolution, type ResolutionSummary } from './resolve-run.js';
import { runReuse, type ReuseSummary } from './reuse-run.js';

export interface AnalysisSummary {
  resolution: ResolutionSummary;
  reuse: ReuseSummary;
  claims: ClaimTraceSummary;
}

/**
 * The corpus-wide stages, after extraction: entity resolution; reused passages and
 * near-duplicates; then quote and claim provenance, which builds on the reuse found.
 */
export async function runAnalysis(store: Store): Promise<AnalysisSummary> {
  const resolution = await runResolution(store);
  const { summary: reuse, report } = await runReuse(store);
  const claims = await runClaimTrace(store, report);
  return { resolution, reuse, claims };
}
