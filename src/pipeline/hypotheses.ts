import {
  achMatrix,
  suggestMarks,
  type AchMatrix,
  type Consistency,
  type Evidence,
  type MarkSuggestion,
} from '../assess/index.js';
import type { Store, StoredHypothesis } from '../store/index.js';
import { assessClaims, type AssessedClaim } from './assess-claims.js';

export interface HypothesisWorkspace {
  hypotheses: StoredHypothesis[];
  claims: AssessedClaim[];
  matrix: AchMatrix;
  /** For cells the analyst has not marked: a lexical suggestion, never counted in the scores. */
  suggestions: Array<{ hypothesisId: string; claimId: string; suggestion: MarkSuggestion }>;
}

/**
 * Heuer's ACH matrix over the traced claims: the analysts' latest marks, weighted by each claim's
 * credibility in force and its independent origins (repeats of one origin count once).
 */
export async function buildHypothesisWorkspace(
  store: Store,
  options: { claimLimit?: number } = {},
): Promise<HypothesisWorkspace> {
  const hypotheses = await store.listHypotheses();
  const { clusters } = await store.listClaimClusters({ limit: options.claimLimit ?? 40 });
  const claims = await assessClaims(store, clusters);
  const latest = new Map<string, Consistency>();
  for (const m of await store.listHypothesisMarks())
    latest.set(`${m.hypothesisId}\u0000${m.claimId}`, m.mark);
  const marks = [...latest].map(([key, mark]) => {
    const [hypothesisId, evidenceId] = key.split('\u0000') as [string, string];
    return { hypothesisId, evidenceId, mark };
  });
  const evidence: Evidence[] = claims.map(({ cluster, assessment }) => ({
    id: cluster.id,
    text: cluster.text,
    credibility: assessment.credibility.value,
    independentOrigins: cluster.independentOrigins,
  }));
  const suggestions: HypothesisWorkspace['suggestions'] = [];
  for (const h of hypotheses) {
    for (const { cluster } of claims) {
      if (latest.has(`${h.id}\u0000${cluster.id}`)) continue;
      const suggestion = suggestMarks(h, cluster);
      if (suggestion.mark !== 'neutral')
        suggestions.push({ hypothesisId: h.id, claimId: cluster.id, suggestion });
    }
  }
  return { hypotheses, claims, matrix: achMatrix(hypotheses, evidence, marks), suggestions };
}
