import type { Credibility } from '../admiralty.js';

/** One candidate explanation the analyst wants to test. */
export interface Hypothesis {
  id: string;
  text: string;
}

/** Heuer's marks: the evidence fits the hypothesis, argues against it, or says nothing about it. */
export type Consistency = 'consistent' | 'inconsistent' | 'neutral';

/** One row of the matrix: a traced claim, with what its assessment says about its weight. */
export interface Evidence {
  /** The claim cluster's id. */
  id: string;
  text: string;
  /** The credibility in force (the analyst's if given). */
  credibility: Credibility;
  /** Independent origins behind it (provenance): repetitions of one origin count once. */
  independentOrigins: number;
}

/** The analyst's mark for one hypothesis × evidence cell. Unmarked cells are neutral. */
export interface AchMark {
  hypothesisId: string;
  evidenceId: string;
  mark: Consistency;
}

export interface AchRow {
  evidenceId: string;
  weight: number;
  marks: Record<string, Consistency>;
  /** False when every hypothesis gets the same mark: such evidence cannot tell them apart. */
  diagnostic: boolean;
}

export interface AchScore {
  hypothesisId: string;
  /** Weighted sum over inconsistent evidence: lower is better (Heuer ranks by it). */
  inconsistency: number;
  /** Weighted sum over consistent evidence: shown, never used to rank. */
  consistency: number;
  inconsistentEvidence: string[];
  /** 1 = least inconsistent. Ties share a rank. */
  rank: number;
}

export interface AchMatrix {
  hypotheses: Hypothesis[];
  rows: AchRow[];
  /** In rank order, least inconsistent first. */
  scores: AchScore[];
}
