import type { Credibility } from '../admiralty.js';
import type { Evidence } from './types.js';

/**
 * How much a credibility grade lets a piece of evidence count. Heuer weights evidence by its
 * credibility and relevance; we read the Admiralty digit as a straight scale from confirmed (1.0)
 * to improbable (0.2). "Cannot be judged" (6) weighs as doubtful (0.4), not as middling: evidence
 * nobody has examined must not be what decides between hypotheses.
 */
export const CREDIBILITY_WEIGHT: Readonly<Record<Credibility, number>> = {
  1: 1,
  2: 0.8,
  3: 0.6,
  4: 0.4,
  5: 0.2,
  6: 0.4,
};

/**
 * A row's weight: credibility × independent origins. In Heuer's matrix every independent report is
 * its own row; we keep one row per traced claim, so k independent origins weigh as k rows would —
 * and a claim repeated by ten outlets from one e-mail weighs as one row, as it should.
 */
export function evidenceWeight(evidence: Evidence): number {
  return CREDIBILITY_WEIGHT[evidence.credibility] * Math.max(1, evidence.independentOrigins);
}
