import { extractClaims } from './claims.js';
import { extractDates } from './dates.js';
import { extractFigures } from './figures.js';
import { warmGazetteer } from './lexicon/gazetteer.js';
import { getLexicon } from './lexicon/index.js';
import { resolveMentions } from './mentions/resolve.js';
import { extractQuotes } from './quotes.js';
import { analyze, DEFAULT_RECOGNIZERS, type EntityRecognizer } from './recognizers/index.js';
import { extractSourcesCited } from './sources-cited.js';
import type { ExtractInput, Extraction } from './types.js';

export interface ExtractOptions {
  /** Extra recognisers (e.g. a statistical NER model) run alongside the rule-based ones. */
  recognizers?: readonly EntityRecognizer[];
}

/**
 * Extract people, organisations, places, dates, figures, quotes, reported claims and cited
 * sources from one document. Pure, synchronous and deterministic; the curated lexicon, the word
 * lists and the GeoNames gazetteer are loaded on first use and shared by later calls.
 * Every span satisfies `input.text.slice(start, end) === text`.
 */
export function extractDocument(input: ExtractInput, options: ExtractOptions = {}): Extraction {
  const doc = analyze(input);
  const recognizers = [...DEFAULT_RECOGNIZERS, ...(options.recognizers ?? [])];
  const candidates = recognizers.flatMap((r) => r.recognize(doc));
  const mentions = resolveMentions(doc, candidates);
  const { dates, occupied } = extractDates(input);
  const figures = extractFigures(doc, mentions, occupied);
  const quotes = extractQuotes(doc, mentions, dates);
  const claims = extractClaims(doc, mentions, quotes);
  const sourcesCited = extractSourcesCited(doc, mentions, quotes, claims);
  return { mentions, dates, figures, quotes, claims, sourcesCited };
}

/**
 * Load the lexicon, word lists and gazetteer now (about half a second, ~150 MB), so a worker's
 * first document is not the slow one.
 */
export function warmExtraction(): void {
  getLexicon();
  warmGazetteer();
  extractDocument({
    id: 'warm-up',
    text: 'Mr. Smith said he was in Mexico on 1 May 2020.',
    language: 'en',
    publishedAt: null,
  });
}
