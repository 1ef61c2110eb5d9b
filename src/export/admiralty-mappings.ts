import {
  CREDIBILITY,
  RELIABILITY,
  type AdmiraltyCode,
  type Credibility,
  type Reliability,
} from '../assess/index.js';

/**
 * Admiralty credibility → STIX 2.1 `confidence`, exactly the table of STIX 2.1 Appendix A
 * ("Confidence Scales", A.5 Admiralty Credibility): 1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10, and
 * 6 ("truth cannot be judged") → no confidence property at all. Readers map back by ranges
 * (80–100 → 1, 60–79 → 2, 40–59 → 3, 20–39 → 4, 0–19 → 5): see `credibilityFromStixConfidence`.
 */
export function stixConfidence(credibility: Credibility): number | undefined {
  return ({ 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: undefined } as const)[credibility];
}

export function credibilityFromStixConfidence(confidence: number | undefined): Credibility {
  if (confidence === undefined) return 6;
  if (confidence >= 80) return 1;
  if (confidence >= 60) return 2;
  if (confidence >= 40) return 3;
  if (confidence >= 20) return 4;
  return 5;
}

/** STIX opinion values, most disagreeing first: the order the capping below relies on. */
export const OPINIONS = [
  'strongly-disagree',
  'disagree',
  'neutral',
  'agree',
  'strongly-agree',
] as const;
export type StixOpinion = (typeof OPINIONS)[number];

/**
 * A claim's corroboration → STIX `opinion`. Credibility sets the base (1 strongly-agree,
 * 2 agree, 3 neutral, 4 disagree, 5 strongly-disagree; 6, "cannot be judged", neutral). Circular
 * reporting (several carriers, fewer independent origins) caps it at `disagree`: the opinion
 * is about the apparent corroboration, and repetition from one origin is not corroboration.
 */
export function stixOpinion(credibility: Credibility, circular: boolean): StixOpinion {
  const base: StixOpinion = (
    {
      1: 'strongly-agree',
      2: 'agree',
      3: 'neutral',
      4: 'disagree',
      5: 'strongly-disagree',
      6: 'neutral',
    } as const
  )[credibility];
  if (!circular) return base;
  return OPINIONS.indexOf(base) < OPINIONS.indexOf('disagree') ? base : 'disagree';
}

/**
 * Admiralty → schema.org `Rating` for ClaimReview. The rating is the credibility digit turned
 * round so that higher is better, as fact-check consumers (Google, the ClaimReview project)
 * expect: 1 → 5 … 5 → 1 on a 1–5 scale. Credibility 6 ("truth cannot be judged") has no place
 * on a better–worse scale, so it gets no ratingValue, only the name, as schema.org allows.
 * `alternateName` carries the full grade in words: "B2: usually reliable, probably true".
 */
export interface ClaimRating {
  ratingValue: number | null;
  bestRating: 5;
  worstRating: 1;
  alternateName: string;
  ratingExplanation: string;
}

export function claimRating(
  code: AdmiraltyCode,
  reliability: Reliability,
  credibility: Credibility,
): ClaimRating {
  return {
    ratingValue: credibility === 6 ? null : 6 - credibility,
    bestRating: 5,
    worstRating: 1,
    alternateName: admiraltyInWords(code, reliability, credibility),
    ratingExplanation: `${RELIABILITY[reliability].description} ${CREDIBILITY[credibility].description}`,
  };
}

/** "B2: usually reliable, probably true". */
export function admiraltyInWords(
  code: AdmiraltyCode,
  reliability: Reliability,
  credibility: Credibility,
): string {
  return `${code}: ${RELIABILITY[reliability].label.toLowerCase()}, ${CREDIBILITY[credibility].label.toLowerCase()}`;
}
