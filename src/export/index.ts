/**
 * The export stage: Crosscheck's findings in the formats the field reads — STIX 2.1 bundles,
 * FollowTheMoney entities, schema.org ClaimReview, GEXF and GraphML networks, CSV tables and a
 * written brief (Markdown, HTML, PDF) — and STIX and FtM back in. Every exporter reads one
 * `ExportSnapshot`, derives its ids from stable keys (UUIDv5) and writes in a fixed order, so
 * exporting an unchanged store twice gives the same bytes.
 */
export { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from './options.js';
export { scopeFromEntity, scopeFromQuery, WHOLE_STORE, type ExportScope } from './scope.js';
export { readSnapshot, type ExportSnapshot } from './snapshot.js';
export {
  EXPORT_FORMATS,
  exportToStream,
  writeCsvTables,
  type ExportFormat,
  type StreamFormat,
} from './run-export.js';
export {
  claimRating,
  stixConfidence,
  stixOpinion,
  credibilityFromStixConfidence,
} from './admiralty-mappings.js';
export { uuid5, CROSSCHECK_NAMESPACE } from './ids.js';
export { briefFormatOf, renderBrief, type BriefFormat } from './brief/render-brief.js';
export { importFile, IMPORT_FORMATS, type ImportFormat } from './import/import-file.js';
export type { ImportSummary } from './import/imported-records.js';
