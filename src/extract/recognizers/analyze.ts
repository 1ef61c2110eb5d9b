import { PERSON_TITLES } from '../lexicon/cues.js';
import { isVerbForm } from '../lexicon/words.js';
import { getLexicon, type AliasMatch } from '../lexicon/index.js';
import { sentenceRanges, tokenize, type Token } from '../text/tokenize.js';
import type { ExtractInput } from '../types.js';
import type { AnalyzedDocument } from './types.js';

export interface AnalyzedWithAliases extends AnalyzedDocument {
  /** Curated alias matches that survive the weak-word check. */
  aliasMatches: AliasMatch[];
  /** Token index → index into aliasMatches, or -1. */
  aliasAt: Int32Array;
  /** Token index → 1 when its line is a title-case headline ("Feds Aid Cartels"). */
  inHeadline: Uint8Array;
}

/**
 * Headlines and link lists capitalise every word, so capitalisation says nothing there. A line of
 * four or more words, most of the longer ones capitalised, without a final full stop, is one.
 */
function markHeadlines(tokens: Token[]): Uint8Array {
  const flags = new Uint8Array(tokens.length);
  let lineStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && !(tokens[i]!.newlineBefore && i > lineStart)) continue;
    const line = tokens.slice(lineStart, i);
    const long = line.filter((t) => t.kind === 'word' && t.text.length > 3);
    const capitalised = long.filter((t) => t.capitalized).length;
    const last = line[line.length - 1];
    if (
      long.length >= 3 &&
      capitalised / long.length > 0.75 &&
      last &&
      last.text !== '.' &&
      last.text !== ':'
    )
      flags.fill(1, lineStart, i);
    lineStart = i;
  }
  return flags;
}

function isNameWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && token.capitalized;
}

/**
 * A one-word alias that is also ordinary vocabulary ("Federation", "Anonymous", "Senate") counts
 * only where it stands alone as a name: not as a sentence opener, not glued to other capitalised
 * words ("Vice President", "Anonymous Sources").
 */
function weakAliasStandsAlone(tokens: Token[], match: AliasMatch): boolean {
  const first = tokens[match.startToken]!;
  const before = tokens[match.startToken - 1];
  const after = tokens[match.endToken + 1];
  // a sentence opener is a name only when a verb follows: "Congress passed", not "Anonymous sources"
  if (first.sentenceStart)
    return after !== undefined && !after.capitalized && isVerbForm(after.fold);
  if (after && !after.newlineBefore && isNameWord(after)) return false;
  if (before && !first.newlineBefore && isNameWord(before) && !before.sentenceStart) return false;
  return true;
}

/**
 * Any one-word alias (not an acronym) inside a longer name is part of that name: "Marina del
 * Pilar Ávila" (a connector and a capitalised word follow), "la gobernadora Marina" (a person's
 * title precedes an alias that is not a person).
 */
function singleWordAliasStandsAlone(tokens: Token[], match: AliasMatch): boolean {
  if (match.startToken !== match.endToken || match.hits.some((h) => h.caseRule === 'acronym'))
    return true;
  const before = tokens[match.startToken - 1];
  const after = tokens[match.endToken + 1];
  const afterConnector = tokens[match.endToken + 2];
  if (after && /^(?:de|del|la)$/.test(after.fold) && afterConnector && isNameWord(afterConnector))
    return false;
  const person = match.hits.some((h) => h.record.entry.type === 'person');
  if (!person && before && !before.capitalized && PERSON_TITLES.has(before.fold)) return false;
  return true;
}

/** Tokenise, split sentences and find curated aliases: the work every recogniser shares. */
export function analyze(input: ExtractInput): AnalyzedWithAliases {
  const tokens = tokenize(input.text);
  const sentences = sentenceRanges(tokens);
  const sentenceOf = new Int32Array(tokens.length);
  sentences.forEach(([first, last], n) => sentenceOf.fill(n, first, last + 1));
  const aliasMatches = getLexicon()
    .trie.matchAll(tokens)
    .filter((match) => {
      const nonStem = match.hits.filter((h) => !h.record.stem);
      if (
        nonStem.length > 0 &&
        nonStem.every((h) => h.weak) &&
        !weakAliasStandsAlone(tokens, match)
      )
        return false;
      return singleWordAliasStandsAlone(tokens, match);
    });
  const aliasAt = new Int32Array(tokens.length).fill(-1);
  aliasMatches.forEach((match, n) => aliasAt.fill(n, match.startToken, match.endToken + 1));
  const inHeadline = markHeadlines(tokens);
  return {
    input,
    text: input.text,
    tokens,
    sentences,
    sentenceOf,
    aliasMatches,
    aliasAt,
    inHeadline,
  };
}
