import { cartelPhraseRecognizer } from './cartel-phrases.js';
import { codedSourceRecognizer } from './coded-sources.js';
import { lexiconRecognizer } from './lexicon.js';
import { namesRecognizer } from './names.js';
import { nicknameRecognizer } from './nicknames.js';
import { sourceLineRecognizer } from './source-lines.js';
import type { EntityRecognizer } from './types.js';

export { analyze, type AnalyzedWithAliases } from './analyze.js';
export type { AnalyzedDocument, EntityRecognizer, MentionCandidate } from './types.js';

/** The rule-based recognisers, in no particular order: resolution settles their overlaps. */
export const DEFAULT_RECOGNIZERS: readonly EntityRecognizer[] = [
  lexiconRecognizer,
  namesRecognizer,
  cartelPhraseRecognizer,
  codedSourceRecognizer,
  nicknameRecognizer,
  sourceLineRecognizer,
];
