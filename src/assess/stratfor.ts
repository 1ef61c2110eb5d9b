import type { IntelSourceBlock } from '../ingest/index.js';
import type { Credibility, Reliability } from './admiralty.js';

/**
 * Stratfor-style SOURCE RELIABILITY / ITEM CREDIBILITY values are not Admiralty grades. Stratfor's
 * own 2011 guidance (leaked "[alpha] sourcing insight", 29 July 2011, and "Insight processing
 * reminder", 11 August 2011, in WikiLeaks' Global Intelligence Files) defines reliability as A–F
 * with A best, but says it mainly grades how quickly and dependably the source answers, not a
 * record of accurate reporting; and item credibility was moved to the same A–F scale that August,
 * after years of 1–6. So the value is kept as written and only a suggestion is derived, one step
 * more cautious than the letters read:
 *
 * - reliability: A→B, B→C, C→D, D→E, E→E, F→F. A firm's grade of its own paid contact, made for
 *   responsiveness, cannot carry Admiralty A ("a history of complete reliability"): an analyst
 *   must establish that. Every letter moves down one step, never past E.
 * - credibility (1–6, or A–F read as 1–6): 1, 2, 3 → 3; 4 → 4; 5 → 5; 6 → 6. A handler's judgement
 *   when the report came in is neither independent confirmation (Admiralty 1) nor consistency
 *   with other reporting (2); corroboration enters through the evidence rule instead.
 */
export interface StratforSuggestion<T> {
  /** The value exactly as the e-mail wrote it. */
  original: string;
  suggested: T;
  rationale: string;
}

const RELIABILITY_STEP_DOWN: Readonly<Record<Reliability, Reliability>> = {
  A: 'B',
  B: 'C',
  C: 'D',
  D: 'E',
  E: 'E',
  F: 'F',
};

export const STRATFOR_RELIABILITY_RATIONALE =
  "Stratfor's SOURCE RELIABILITY grades mainly a source's responsiveness, not a record of accurate reporting; mapped one step more cautious (A→B … D→E, E→E, F→F). A suggestion only.";
export const STRATFOR_CREDIBILITY_RATIONALE =
  "Stratfor's ITEM CREDIBILITY is the handler's judgement on receipt, not independent confirmation: 1–3 map to 3 (possibly true), 4–6 keep their digit. A suggestion only.";

export function suggestReliability(value: string | null): StratforSuggestion<Reliability> | null {
  const letter = leadingGrade(value);
  if (letter === null || !/^[A-F]$/.test(letter)) return null;
  return {
    original: value!,
    suggested: RELIABILITY_STEP_DOWN[letter as Reliability],
    rationale: STRATFOR_RELIABILITY_RATIONALE,
  };
}

export function suggestCredibility(value: string | null): StratforSuggestion<Credibility> | null {
  const grade = leadingGrade(value);
  if (grade === null) return null;
  const digit = /^[1-6]$/.test(grade)
    ? Number(grade)
    : /^[A-F]$/.test(grade)
      ? grade.charCodeAt(0) - 64
      : null;
  if (digit === null) return null;
  return {
    original: value!,
    suggested: Math.max(3, digit) as Credibility,
    rationale: STRATFOR_CREDIBILITY_RATIONALE,
  };
}

/** Both suggestions for one intelligence block. */
export function suggestFromIntel(block: IntelSourceBlock): {
  reliability: StratforSuggestion<Reliability> | null;
  credibility: StratforSuggestion<Credibility> | null;
} {
  return {
    reliability: suggestReliability(block.sourceReliability),
    credibility: suggestCredibility(block.itemCredibility),
  };
}

/** "B", " b ", "B - usually responsive", "3 (handler)": the grade is the first token. */
function leadingGrade(value: string | null): string | null {
  const match = value?.trim().match(/^([A-Fa-f1-6])(?![A-Za-z0-9])/);
  return match ? match[1]!.toUpperCase() : null;
}
