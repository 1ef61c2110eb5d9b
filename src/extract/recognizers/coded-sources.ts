import { isCountryCode } from '../lexicon/gazetteer.js';
import type { AnalyzedDocument, EntityRecognizer, MentionCandidate } from './types.js';

/** Prefixes of weapon and aircraft designations that look like source codes (AR15, CH47, MQ9). */
const DESIGNATION_PREFIXES = new Set([
  'AR',
  'AK',
  'CH',
  'UH',
  'MQ',
  'RQ',
  'AH',
  'KC',
  'RC',
  'MH',
  'HH',
  'SA',
  'MP',
  'GM',
]);

/**
 * Coded human sources as intelligence outfits write them: a country code and a number ("MX1",
 * "US714", "CN120"). They are persons (the gold standard's rule); the code is the name.
 */
export const codedSourceRecognizer: EntityRecognizer = {
  name: 'coded-sources',
  recognize(doc: AnalyzedDocument): MentionCandidate[] {
    const out: MentionCandidate[] = [];
    for (const token of doc.tokens) {
      const match = /^([A-Z]{2})(\d{1,4})$/.exec(token.text);
      if (!match || DESIGNATION_PREFIXES.has(match[1]!) || !isCountryCode(match[1]!)) continue;
      const next = doc.tokens[token.index + 1];
      if (next && (next.text === '-' || next.kind === 'number') && !next.spaceBefore) continue;
      out.push({
        start: token.start,
        end: token.end,
        type: 'person',
        normalized: token.text,
        confidence: 0.9,
        source: 'coded-source',
      });
    }
    return out;
  },
};
