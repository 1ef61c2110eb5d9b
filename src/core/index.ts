export * from './errors.js';
export { contentId } from './hash.js';
export { DenseUnionFind } from './dense-union-find.js';
export { memoize } from './memo.js';
export { ownCopy } from './own-copy.js';
export { grownTo } from './growable.js';
export { holdHeapGrowing } from './heap-growing.js';
export { foldAccents, foldForMatch, stripControlCharacters } from './text.js';
export { SUPPORTED_LANGUAGES, isLanguage, type Language } from './languages.js';
export {
  DEFAULT_TLP,
  TLP_LEVELS,
  TlpLevelSchema,
  isTlpLevel,
  stricterTlp,
  tlpAllows,
  tlpFromRank,
  tlpRank,
  type TlpLevel,
} from './tlp.js';
