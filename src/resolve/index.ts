/**
 * The resolve stage: merges mentions across documents into one entity per real-world thing,
 * records why every name belongs to its entity, applies analysts' decisions, and scores the result
 * against the gold annotations.
 */
export { EntityResolver, resolveEntities, type ResolveOptions } from './resolve-entities.js';
export { toResolveDocument } from './from-extraction.js';
export type { StreamedResolution } from './build-resolution.js';
export { nameKey } from './names.js';
export { DEFAULT_KNOWN_ALIASES, type KnownAlias } from './known-aliases.js';
export type {
  AnalystDecisions,
  Assignment,
  EntityAlias,
  EntityType,
  Evidence,
  MergeDecision,
  MergeRecord,
  RenameDecision,
  Resolution,
  ResolutionRows,
  ResolveDocument,
  ResolvedEntity,
  ResolveMention,
  SplitDecision,
  UnappliedDecision,
} from './types.js';
export { readGoldFiles, type GoldFile } from './eval/gold.js';
export {
  scoreResolution,
  type ResolutionFailure,
  type ResolutionScore,
  type ScoreOptions,
  type Tally,
} from './eval/score.js';
export { formatResolutionScore } from './eval/format.js';
export { scoreResolutionAgainstGold } from './eval/evaluate.js';
