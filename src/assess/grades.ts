import type { AnalystGrade } from './analyst-grade.js';
import type { StratforSuggestion } from './stratfor.js';

export type RuleCode =
  | 'analyst-source-grade'
  | 'stratfor-mapping'
  | 'no-evidence'
  | 'primary-origin-only'
  | 'corroborated-on-record'
  | 'corroborated'
  | 'single-origin-intel'
  | 'single-origin-on-record'
  | 'single-origin-anonymous'
  | 'circular-not-counted';

/** One reason behind a derived grade: the rule that fired and a sentence for the reader. */
export interface GradeReason {
  rule: RuleCode;
  text: string;
}

/**
 * One half of an Admiralty grade. `value` is what to show and use: the analyst's grade when there
 * is one (analysts always win), else the derived default. Both are kept, with the reasons for the
 * default, so an override never hides what the evidence said.
 */
export interface Graded<T> {
  value: T;
  derived: T;
  reasons: GradeReason[];
  /** The analyst's grade that set `value`, with who, when and why; null when the default stands. */
  analyst: AnalystGrade | null;
  /** The Stratfor-style value found for the origin, kept as written, with its mapped suggestion. */
  stratfor: StratforSuggestion<T> | null;
}
