export { achMatrix } from './matrix.js';
export { suggestMarks, type MarkSuggestion } from './suggest.js';
export { CREDIBILITY_WEIGHT, evidenceWeight } from './weights.js';
export type {
  AchMark,
  AchMatrix,
  AchRow,
  AchScore,
  Consistency,
  Evidence,
  Hypothesis,
} from './types.js';
