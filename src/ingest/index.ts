export type * from './types.js';
export { DOCUMENT_KINDS } from './types.js';
export type { IngestEvent, IngestHooks } from './events.js';
export {
  IngestLimitsSchema,
  IngestOptionsSchema,
  defaultIngestOptions,
  type IngestLimits,
  type IngestOptions,
} from './options.js';
export { readSources, countInputs } from './read-sources.js';
export { parseIntelBlock, parseIntelSubject, type IntelSubject } from './intel-block.js';
export { detectLanguage } from './language.js';
export { readSourcesInParallel } from './parallel.js';
export { walkInputs, type WalkEntry } from './walk.js';
