/** The benchmark corpus generator: deterministic, streaming, English and Spanish. */
export {
  CORPUS_FORMATS,
  CorpusOptionsSchema,
  documentId,
  generateArticleTexts,
  generateCorpus,
  generateCorpusSync,
  type CorpusFormat,
  type CorpusOptions,
  type GeneratedDocument,
  type ResolvedCorpusOptions,
} from './generate.js';
export { DOCS, writeCorpus, type CorpusSummary, type WriteCorpusOptions } from './write-corpus.js';
export {
  GUARANTEED_RUN_WORDS,
  MIN_PASSAGE_WORDS,
  type PlantKind,
  type PlantedPair,
} from './plant.js';
export { Random } from './random.js';
