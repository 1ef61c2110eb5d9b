import type { LexiconEntry } from '../lexicon/entries.js';
import type { Token } from '../text/tokenize.js';
import type { EntityType, ExtractInput, GeoPoint } from '../types.js';

/** The document as the recognisers see it: text, tokens and sentences computed once. */
export interface AnalyzedDocument {
  input: ExtractInput;
  text: string;
  tokens: Token[];
  /** [first token, last token] of each sentence. */
  sentences: Array<[number, number]>;
  /** Sentence number of each token. */
  sentenceOf: Int32Array;
}

/**
 * A possible mention proposed by one recogniser. `type: null` means "a name, type unknown": kept
 * so in-document coreference can type it ("Gabbard" after "Tulsi Gabbard"), dropped otherwise.
 */
export interface MentionCandidate {
  start: number;
  end: number;
  type: EntityType | null;
  /** Canonical name when the recogniser knows it (a curated entry), else null (use the surface). */
  normalized: string | null;
  /** 0..1; overlapping candidates are settled by confidence, then length. */
  confidence: number;
  source: string;
  entry?: LexiconEntry;
  /** Other readings of an ambiguous alias ("Sinaloa": the state, or the cartel's stem). */
  alternatives?: LexiconEntry[];
  /** A cartel stem alone ("Sinaloa" in "Sinaloa is winning"): context decides. */
  bareStem?: boolean;
  geo?: GeoPoint;
  /** This name is another name of the mention starting at this offset (nicknames, "named X"). */
  aliasOf?: number;
  /** May overlap other mentions (a coordinated name spans its partner: "Central and South America"). */
  overlaps?: boolean;
  /** Occupies its span so nothing inside counts ("Mérida Initiative" is no place), then is dropped. */
  suppress?: boolean;
}

/**
 * A source of mention candidates. The rule-based recognisers below implement it; a statistical
 * NER model (e.g. a transformer over ONNX) can be added as one more recogniser whose candidates
 * go through the same overlap resolution and coreference. No model loader is included: none can be
 * downloaded or tested here, and a loader that was never run would be fiction.
 */
export interface EntityRecognizer {
  readonly name: string;
  recognize(doc: AnalyzedDocument): MentionCandidate[];
}
