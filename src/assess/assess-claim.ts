import type { IntelSourceBlock } from '../ingest/index.js';
import type { ClaimCluster } from '../provenance/index.js';
import {
  admiraltyCode,
  type AdmiraltyCode,
  type Credibility,
  type Reliability,
} from './admiralty.js';
import type { AnalystGrade } from './analyst-grade.js';
import { deriveCredibility } from './credibility.js';
import type { Graded } from './grades.js';
import { intelForOrigin } from './intel-lookup.js';
import { deriveReliability } from './reliability.js';

export interface AssessContext {
  /** The analysts' standing grades of sources, keyed by name, code or document id. */
  sourceGrades: ReadonlyMap<string, AnalystGrade>;
  /** Intelligence blocks, keyed by document id or by source code. */
  intel?: ReadonlyMap<string, IntelSourceBlock>;
}

export interface Assessment {
  clusterId: string;
  /** The source graded for reliability: the cluster's origin. */
  source: string | null;
  reliability: Graded<Reliability>;
  credibility: Graded<Credibility>;
  /** The grade in force, analysts' choices applied: "B2". */
  code: AdmiraltyCode;
  /** The grade the evidence alone gives. */
  derivedCode: AdmiraltyCode;
}

/**
 * The Admiralty grade of one traced claim: defaults derived from the evidence (reliability.ts,
 * credibility.ts), then the analyst's override, which always wins for the half it sets.
 */
export function assessClaim(
  cluster: ClaimCluster,
  context: AssessContext,
  override?: AnalystGrade,
): Assessment {
  const block = intelForOrigin(cluster, context.intel);
  const reliability = deriveReliability(cluster, context.sourceGrades, block);
  const credibility = deriveCredibility(cluster, block);
  const graded = {
    reliability: {
      value: override?.reliability ?? reliability.value,
      derived: reliability.value,
      reasons: reliability.reasons,
      analyst: override?.reliability ? override : null,
      stratfor: reliability.stratfor,
    },
    credibility: {
      value: override?.credibility ?? credibility.value,
      derived: credibility.value,
      reasons: credibility.reasons,
      analyst: override?.credibility ? override : null,
      stratfor: credibility.stratfor,
    },
  };
  return {
    clusterId: cluster.id,
    source: cluster.origin.speaker ?? cluster.origin.documentId,
    ...graded,
    code: admiraltyCode(graded.reliability.value, graded.credibility.value),
    derivedCode: admiraltyCode(reliability.value, credibility.value),
  };
}
