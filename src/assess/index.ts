/**
 * The assess stage: NATO Admiralty grading (NATO AJP-2.1) of traced claims — source reliability
 * A–F and information credibility 1–6, derived from provenance and from Stratfor-style source
 * blocks, with analysts' overrides kept alongside — and Heuer's Analysis of Competing Hypotheses.
 */
export {
  CREDIBILITY,
  CREDIBILITY_GRADES,
  RELIABILITY,
  RELIABILITY_GRADES,
  admiraltyCode,
  isCredibility,
  isReliability,
  type AdmiraltyCode,
  type Credibility,
  type GradeMeaning,
  type Reliability,
} from './admiralty.js';
export { findSourceGrade, type AnalystGrade } from './analyst-grade.js';
export { assessClaim, type AssessContext, type Assessment } from './assess-claim.js';
export { isCodedSource, isOnRecord } from './coded-source.js';
export { deriveCredibility, type DerivedCredibility } from './credibility.js';
export { deriveReliability, type DerivedReliability } from './reliability.js';
export type { GradeReason, Graded, RuleCode } from './grades.js';
export {
  STRATFOR_CREDIBILITY_RATIONALE,
  STRATFOR_RELIABILITY_RATIONALE,
  suggestCredibility,
  suggestFromIntel,
  suggestReliability,
  type StratforSuggestion,
} from './stratfor.js';
export * from './ach/index.js';
