/**
 * Typing of capitalised runs that no curated list knows: by titles, given names, head words and
 * the words around them.
 */
import {
  LEADING_ORGANIZATION_HEADS,
  LOCATIVE_PREPOSITIONS,
  NAME_CONNECTORS,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACE_LEADING_HEADS,
  PLACE_OF_NOUNS,
  PLACE_TRAILING_HEADS,
  SPEECH_VERBS,
} from '../lexicon/cues.js';
import { lookupCity } from '../lexicon/gazetteer.js';
import { isCalendarWord, isCommonWord, isDemonym, isGivenName } from '../lexicon/words.js';
import type { Token } from '../text/tokenize.js';
import type { AnalyzedWithAliases } from './analyze.js';
import type { MentionCandidate } from './types.js';

/** Connectors allowed only inside names that end in an organisation head ("Citizen and Immigration Service"). */
const WEAK_CONNECTORS = new Set(['and', 'y', 'e', '&', 'for', 'on']);
const ARTICLES = new Set(['the', 'el', 'la', 'los', 'las']);

export function candidate(
  doc: AnalyzedWithAliases,
  first: number,
  last: number,
  type: MentionCandidate['type'],
  confidence: number,
  source: string,
): MentionCandidate {
  return {
    start: doc.tokens[first]!.start,
    end: doc.tokens[last]!.end,
    type,
    normalized: null,
    confidence,
    source,
  };
}

function isTitle(token: Token): boolean {
  return PERSON_TITLES.has(token.fold) || token.text === '-';
}

/**
 * Type one capitalised run that no curated list knows. Order matters: titles split a person off
 * ("Governor Greg Abbott"), a given name splits a name off what precedes it ("Intelligence Fred
 * Burton"), then head words, then the words around the run.
 */
export function typePlainRun(
  doc: AnalyzedWithAliases,
  first: number,
  last: number,
): MentionCandidate[] {
  const { tokens } = doc;
  // trim connectors and leading articles
  while (
    first <= last &&
    (NAME_CONNECTORS.has(tokens[first]!.fold) ||
      ARTICLES.has(tokens[first]!.fold) ||
      tokens[first]!.kind === 'punct')
  )
    first++;
  while (
    last >= first &&
    (NAME_CONNECTORS.has(tokens[last]!.fold) ||
      tokens[last]!.kind === 'punct' ||
      /^['’]s$/.test(tokens[last]!.text))
  )
    last--;
  if (first > last) return [];
  // a common word opening a sentence is not part of a name: "Investigators", "Meanwhile"
  while (
    first <= last &&
    tokens[first]!.sentenceStart &&
    isCommonWord(tokens[first]!.fold) &&
    !isGivenName(tokens[first]!.fold)
  )
    first++;
  while (first <= last && isDemonym(tokens[first]!.fold)) first++;
  if (first > last) return [];
  if (first === last && isCalendarWord(tokens[first]!.fold)) return [];

  // weak connectors split the run unless it names an organisation ("Citizen and Immigration Service")
  const lastToken = tokens[last]!;
  const endsInOrgHead = ORGANIZATION_HEADS.has(lastToken.fold);
  // "Instituto Nacional de Estadística …", "Office of the Director …": head first, then "de"/"of"
  const spanishStyleOrganization =
    LEADING_ORGANIZATION_HEADS.has(tokens[first]!.fold) &&
    tokens.slice(first + 1, last).some((t) => /^(?:of|de|del)$/.test(t.fold));
  // "Instituto Nacional de Estadística y Geografía" keeps its "y"
  if (!endsInOrgHead && !spanishStyleOrganization) {
    for (let i = first + 1; i < last; i++) {
      if (WEAK_CONNECTORS.has(tokens[i]!.fold)) {
        return [...typePlainRun(doc, first, i - 1), ...typePlainRun(doc, i + 1, last)];
      }
    }
  }

  // titles: "President-Elect Nieto Pena", "Vice President of Intelligence Fred Burton", "Agent Dodson"
  if (isTitle(tokens[first]!) && !LEADING_ORGANIZATION_HEADS.has(tokens[first]!.fold)) {
    let i = first;
    while (i <= last && (isTitle(tokens[i]!) || tokens[i]!.fold === 'elect')) i++;
    if (i > last) return [];
    if (NAME_CONNECTORS.has(tokens[i]!.fold)) {
      for (let g = i + 1; g < last; g++) {
        if (isGivenName(tokens[g]!.fold))
          return [personCandidate(doc, g, last, 0.85, 'names:title')];
      }
      return [];
    }
    if (
      tokens
        .slice(i, last + 1)
        .every((t) => t.kind === 'word' && !t.allCaps && !ORGANIZATION_HEADS.has(t.fold))
    ) {
      return [personCandidate(doc, i, last, 0.85, 'names:title')];
    }
    return typePlainRun(doc, i, last);
  }

  // a given name inside the run starts a person: "Intelligence Fred Burton"
  for (let g = first + 1; g < last; g++) {
    if (
      // "José Antonio Yépez" is one name: split only where the word before is not a given name
      isGivenName(tokens[g]!.fold) &&
      !isGivenName(tokens[g - 1]!.fold) &&
      !NAME_CONNECTORS.has(tokens[g - 1]!.fold) &&
      !ORGANIZATION_HEADS.has(lastToken.fold)
    ) {
      return [
        ...typePlainRun(doc, first, g - 1),
        personCandidate(doc, g, last, 0.8, 'names:given-name'),
      ];
    }
  }

  const firstToken = tokens[first]!;
  const length = last - first + 1;
  if (doc.inHeadline[first]) {
    // headlines and bylines capitalise every word: only a given name still says "person"
    const person =
      length >= 2 &&
      length <= 4 &&
      isGivenName(firstToken.fold) &&
      tokens
        .slice(first, last + 1)
        .every((t) => t.kind === 'word' && !t.allCaps && !isCommonWord(t.fold));
    return [
      person
        ? personCandidate(doc, first, last, 0.7, 'names:given-name')
        : candidate(doc, first, last, null, 0.3, 'names:untyped'),
    ];
  }
  if (endsInOrgHead || (length > 1 && spanishStyleOrganization)) {
    if (length === 1) return [candidate(doc, first, last, null, 0.3, 'names:untyped')];
    return [candidate(doc, first, last, 'organization', 0.75, 'names:organization-head')];
  }
  if (
    length > 1 &&
    (PLACE_LEADING_HEADS.has(firstToken.fold) || PLACE_TRAILING_HEADS.has(lastToken.fold))
  ) {
    return [placeCandidate(doc, first, last, 0.75, 'names:place-head')];
  }
  if (
    length >= 2 &&
    length <= 5 &&
    isGivenName(firstToken.fold) &&
    tokens.slice(first, last + 1).every((t) => t.kind === 'word' && !t.allCaps)
  ) {
    return [personCandidate(doc, first, last, 0.8, 'names:given-name')];
  }
  return [typeByContext(doc, first, last)];
}

function personCandidate(
  doc: AnalyzedWithAliases,
  first: number,
  last: number,
  confidence: number,
  source: string,
): MentionCandidate {
  return candidate(doc, first, last, 'person', confidence, source);
}

function placeCandidate(
  doc: AnalyzedWithAliases,
  first: number,
  last: number,
  confidence: number,
  source: string,
): MentionCandidate {
  const result = candidate(doc, first, last, 'place', confidence, source);
  const geo = lookupCity(doc.text.slice(result.start, result.end));
  if (geo) result.geo = geo;
  return result;
}

/** The words around a run: a title or "who" before/after a person, a locative before a place. */
export function typeByContext(
  doc: AnalyzedWithAliases,
  first: number,
  last: number,
): MentionCandidate {
  const { tokens } = doc;
  const before = tokens[first - 1];
  const before2 = tokens[first - 2];
  const after = tokens[last + 1];
  const after2 = tokens[last + 2];
  const words = tokens.slice(first, last + 1);
  // surnames may be ordinary words ("Brown", "King"): only the first word must not be one
  const looksLikeName =
    words.every((t) => (t.kind === 'word' && !t.allCaps) || (t.text === '-' && !t.spaceBefore)) &&
    (!isCommonWord(words[0]!.fold) || isGivenName(words[0]!.fold)) &&
    before?.text !== '[' &&
    before?.text !== '(';
  if (looksLikeName && before && !before.capitalized && PERSON_TITLES.has(before.fold)) {
    return personCandidate(doc, first, last, 0.75, 'names:title');
  }
  // a byline: "By Sharyl Attkisson", "Por Marcela Turati"
  if (
    before &&
    /^(?:by|por)$/.test(before.fold) &&
    before.newlineBefore &&
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((t) => t.kind === 'word' && t.capitalized && !t.allCaps) &&
    (!after || after.newlineBefore || after.text === ',')
  ) {
    return personCandidate(doc, first, last, 0.75, 'names:byline');
  }
  // "…,” said Falko Ernst, a senior analyst"
  if (
    looksLikeName &&
    words.length >= 2 &&
    before &&
    !before.capitalized &&
    SPEECH_VERBS.has(before.fold) &&
    (!after || /^[,.;]$/.test(after.text))
  ) {
    return personCandidate(doc, first, last, 0.7, 'names:speech-verb');
  }
  const next = after?.text === ',' ? after2 : after;
  if (looksLikeName && next && /^(?:who|whom|whose|quien|quienes)$/.test(next.fold)) {
    return personCandidate(doc, first, last, 0.75, 'names:who');
  }
  if (
    looksLikeName &&
    after &&
    !after.capitalized &&
    SPEECH_VERBS.has(after.fold) &&
    !/^(?:reported|reports|described|went|continued)$/.test(after.fold)
  ) {
    return personCandidate(doc, first, last, 0.65, 'names:speech-verb');
  }
  const locative =
    (before && !before.capitalized && LOCATIVE_PREPOSITIONS.has(before.fold)) ||
    (before && /^(?:of|de|del)$/.test(before.fold) && before2 && PLACE_OF_NOUNS.has(before2.fold));
  if (locative && words.every((t) => t.kind === 'word')) {
    const geo = lookupCity(doc.text.slice(words[0]!.start, words[words.length - 1]!.end));
    if (geo) return { ...candidate(doc, first, last, 'place', 0.7, 'gazetteer:locative'), geo };
  }
  return candidate(doc, first, last, null, 0.3, 'names:untyped');
}
