/**
 * The extract stage: people, organisations, places (with coordinates), dates, figures, quotes,
 * reported claims and cited sources from one document's text, in English and Spanish.
 */
export { extractDocument, warmExtraction, type ExtractOptions } from './extract-document.js';
export { emptyExtraction } from './empty-extraction.js';
export type {
  Claim,
  DateMention,
  DatePrecision,
  EntityType,
  ExtractInput,
  Extraction,
  Figure,
  GeoPoint,
  Mention,
  Quote,
  SourceCited,
} from './types.js';
export type { AnalyzedDocument, EntityRecognizer, MentionCandidate } from './recognizers/index.js';
export {
  evaluateExtraction,
  type EvaluateOptions,
  type EvaluationReport,
} from './eval/evaluate.js';
export { formatEvaluationReport, type FormatOptions } from './eval/format.js';
export type { DocumentScore, Field, Score } from './eval/score.js';
