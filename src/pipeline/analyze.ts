import type { Store } from '../store/index.js';
import { runClaimTrace, type ClaimTraceSummary } from './claims-run.js';
import { runReuse, type ReuseSummary } from './reuse-run.js';

export interface AnalysisSummary {
  reuse: ReuseSummary;
  claims: ClaimTraceSummary;
}

/**
 * The corpus-wide stages, after extraction: reused passages and near-duplicates, then quote and
 * claim provenance, which builds on them.
 */
export async function runAnalysis(store: Store): Promise<AnalysisSummary> {
  const { summary: reuse, report } = await runReuse(store);
  const claims = await runClaimTrace(store, report);
  return { reuse, claims };
}
