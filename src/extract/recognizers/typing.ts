/**
 * Typing of capitalised runs that no curated list knows: by titles, given names, head words and
 * the words around them.
 */
import {
  LEADING_ORGANIZATION_HEADS,
  LEADING_OUTLET_HEADS,
  LOCATIVE_PREPOSITIONS,
  NAME_CONNECTORS,
  NEWS_OUTLET_HEADS,
  ORGANIZATION_APPOSITIVES,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACE_LEADING_HEADS,
  PLACE_OF_NOUNS,
  PLACE_TRAILING_HEADS,
  SPEECH_VERBS,
} from '../lexicon/cues.js';
import { lookupCity } from '../lexicon/gazetteer.js';
import {
  isCalendarWord,
  isCommonWord,
  isDemonym,
  isFunctionWord,
  isGivenName,
} from '../lexicon/words.js';
import type { Token } from '../text/tokenize.js';
import type { AnalyzedWithAliases } from './analyze.js';
import type { MentionCandidate } from './types.js';

/** Spanish institutions named by their head word alone after an article ("la Fiscalía"). */
const SPANISH_INSTITUTION_HEADS = new Set(
  'fiscalia procuraduria secretaria cancilleria ejercito armada marina sedena policia'.split(' '),
);

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
  const runStart = first;
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
  // "Mexican officials": the demonym is no name; "Mexican Embassy", "Sonoran Dispatch" keep it
  if (!(last > first && ORGANIZATION_HEADS.has(tokens[last]!.fold)))
    while (first <= last && isDemonymToken(tokens[first]!)) first++;
  // "Según la Fiscalía": the article the dropped opener left in front
  while (first < last && ARTICLES.has(tokens[first]!.fold) && !tokens[first]!.capitalized) first++;
  if (first > last) return [];
  if (first === last && isCalendarWord(tokens[first]!.fold)) return [];

  // weak connectors split the run unless it names an organisation ("Citizen and Immigration Service")
  const lastToken = tokens[last]!;
  const endsInOrgHead = ORGANIZATION_HEADS.has(lastToken.fold);
  // "Instituto Nacional de Estadística …", "Office of the Director …": head first, then "de"/"of"
  // "the Bay Dispatch and the Lakeside Courier": two organisations, each with its head
  if (endsInOrgHead) {
    for (let i = first + 1; i < last; i++) {
      if (/^(?:and|y|&)$/.test(tokens[i]!.fold) && ORGANIZATION_HEADS.has(tokens[i - 1]!.fold))
        return [...typePlainRun(doc, first, i - 1), ...typePlainRun(doc, i + 1, last)];
    }
  }
  const spanishStyleOrganization =
    LEADING_ORGANIZATION_HEADS.has(tokens[first]!.fold) &&
    tokens.slice(first + 1, last).some((t) => /^(?:of|de|del)$/.test(t.fold));
  // "Instituto Nacional de Estadística y Geografía" keeps its "y"
  // "Subcommittee on Border Enforcement Oversight", "Committee for …": an organisation head, then
  // "on"/"for" and its remit
  const remitAfterHead = tokens
    .slice(first + 1, last)
    .some((t, n) => /^(?:on|for)$/.test(t.fold) && ORGANIZATION_HEADS.has(tokens[first + n]!.fold));
  if (!endsInOrgHead && !spanishStyleOrganization && !remitAfterHead) {
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
  const outlet = outletName(doc, runStart, first, last);
  if (outlet) return [outlet];
  if (!doc.inHeadline[first] && appositiveOrganization(doc, first)) {
    return [candidate(doc, first, last, 'organization', 0.8, 'names:appositive')];
  }
  if (doc.inHeadline[first] && isByline(doc, first, last)) {
    return [personCandidate(doc, first, last, 0.75, 'names:byline')];
  }
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
  if (endsInOrgHead || (length > 1 && (spanishStyleOrganization || remitAfterHead))) {
    if (length === 1) {
      // "la Fiscalía", "la Procuraduría", "el Ejército": a Spanish institution named by its head
      const article = tokens[first - 1];
      if (
        !firstToken.sentenceStart &&
        !firstToken.allCaps &&
        SPANISH_INSTITUTION_HEADS.has(firstToken.fold) &&
        article &&
        /^(?:la|el)$/.test(article.fold) &&
        !article.capitalized
      ) {
        // "la Fiscalía estatal", "la Procuraduría federal": its adjective is part of the name
        const adjective = tokens[last + 1];
        const through =
          adjective && /^(?:estatal|federal|general|militar|municipal)$/.test(adjective.fold)
            ? last + 1
            : last;
        return [candidate(doc, first, through, 'organization', 0.6, 'names:institution-head')];
      }
      return [candidate(doc, first, last, null, 0.3, 'names:untyped')];
    }
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

/**
 * A news outlet: a name ending in an outlet head ("The Border Ledger", "Frontera Wire", "Sonoran
 * Dispatch") or led by a Spanish one ("Diario del Norte", "Semanario Contrapeso", "El Heraldo
 * Fronterizo"). A capitalised article before it is part of the name, as on the masthead.
 */
function outletName(
  doc: AnalyzedWithAliases,
  runStart: number,
  first: number,
  last: number,
): MentionCandidate | null {
  const { tokens } = doc;
  if (last === first) return null;
  const words = tokens.slice(first, last + 1);
  if (!words.every((t) => t.kind === 'word' && (t.capitalized || NAME_CONNECTORS.has(t.fold))))
    return null;
  if (words.some((t) => PERSON_TITLES.has(t.fold) && !ORGANIZATION_HEADS.has(t.fold))) return null;
  const trailing = NEWS_OUTLET_HEADS.has(tokens[last]!.fold) && !tokens[last]!.allCaps;
  const leading = LEADING_OUTLET_HEADS.has(tokens[first]!.fold) && tokens[last]!.capitalized;
  if (!trailing && !leading) return null;
  // a sentence-opening common word is no part of it ("Today Frontera Wire…" is handled upstream)
  let start = first;
  const article = tokens[first - 1];
  if (
    first - 1 >= runStart &&
    article &&
    article.capitalized &&
    /^(?:the|el|la)$/.test(article.fold)
  )
    start = first - 1;
  return candidate(doc, start, last, 'organization', 0.8, 'names:outlet');
}

/** "the security firm Meridian Risk", "la empresa texana Meridian Risk": a noun that types the name. */
function appositiveOrganization(doc: AnalyzedWithAliases, first: number): boolean {
  const before = doc.tokens[first - 1];
  const before2 = doc.tokens[first - 2];
  if (!before || before.capitalized || before.newlineBefore) return false;
  if (ORGANIZATION_APPOSITIVES.has(before.fold)) return true;
  // one adjective between: "la empresa texana", "el diario texano"
  return (
    before.kind === 'word' &&
    !isFunctionWord(before.fold) &&
    !!before2 &&
    !before2.capitalized &&
    ORGANIZATION_APPOSITIVES.has(before2.fold) &&
    /(?:an[oa]s?|ense|es|al)$/.test(before.fold)
  );
}

/**
 * "By Sharyl Attkisson", "Por Marcela Turati", "**Por Itzel Ramírez Cota** · Ciudad Juárez": a
 * name of two to four words right after a line-opening "By"/"Por" (markup before it aside), ending
 * the line or followed by a comma or a separator.
 */
function isByline(doc: AnalyzedWithAliases, first: number, last: number): boolean {
  const { tokens } = doc;
  const by = tokens[first - 1];
  if (!by || !/^(?:by|por)$/.test(by.fold)) return false;
  let k = first - 2;
  while (k >= 0 && !tokens[k + 1]!.newlineBefore && tokens[k]!.kind === 'punct') k--;
  if (k >= 0 && !tokens[k + 1]!.newlineBefore) return false;
  const words = tokens.slice(first, last + 1);
  const after = tokens[last + 1];
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((t) => t.kind === 'word' && t.capitalized && !t.allCaps) &&
    (!after || after.newlineBefore || after.kind === 'punct')
  );
}

/** "Mexican", but not "Germán" (a given name that folds to "german"). */
function isDemonymToken(token: Token): boolean {
  return isDemonym(token.fold) && token.text.toLowerCase() === token.fold;
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
  if (isByline(doc, first, last)) {
    return personCandidate(doc, first, last, 0.75, 'names:byline');
  }
  // "Guadalupe, Distrito Bravos": a name after a place and a comma is the place's district or state
  const place = before?.text === ',' && before2 ? doc.aliasAt[before2.index]! : -1;
  if (
    place >= 0 &&
    doc.aliasMatches[place]!.hits[0]?.record.entry.type === 'place' &&
    words.every(
      (t) =>
        t.kind === 'word' &&
        t.capitalized &&
        !t.allCaps &&
        !isCalendarWord(t.fold) &&
        !/^(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|ene|abr|ago|dic)$/.test(t.fold),
    ) &&
    // not a list ("the Southern Cone, Central and South America") nor a date ("London, Jan 11")
    (!after || after.newlineBefore || /^[,.;:)]$/.test(after.text))
  ) {
    return candidate(doc, first, last, 'place', 0.6, 'names:place-apposition');
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
