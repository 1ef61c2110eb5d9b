import {
  isEnglishPlural,
  isEnglishPostmodifier,
  isFunctionWord,
  isNumberNoun,
  isPreposition,
  isSpanishPrenominal,
  isVerbForm,
  isVerbOnly,
} from './lexicon/words.js';
import type { AnalyzedWithAliases } from './recognizers/analyze.js';
import type { Token } from './text/tokenize.js';
import type { Figure, Mention } from './types.js';

/** Word tables as Maps: a plain object would answer for "constructor" too. */
function table<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

const SPELLED_EN = table<number>({
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
});
const SPELLED_ES = table<number>({
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  veinte: 20,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  docena: 12,
});
const MULTIPLIERS = table<number>({
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  millions: 1e6,
  billion: 1e9,
  trillion: 1e12,
  mil: 1e3,
  millon: 1e6,
  millones: 1e6,
});
/** "a third of", "half of", "a pair of": shares and pairs written in words. */
const FRACTIONS = table<{ value: number; unit: string | null }>({
  half: { value: 0.5, unit: 'share' },
  third: { value: 1 / 3, unit: 'share' },
  quarter: { value: 0.25, unit: 'share' },
  fifth: { value: 0.2, unit: 'share' },
  'two-thirds': { value: 2 / 3, unit: 'share' },
  'three-quarters': { value: 0.75, unit: 'share' },
  pair: { value: 2, unit: null },
  mitad: { value: 0.5, unit: 'share' },
  tercio: { value: 1 / 3, unit: 'share' },
  cuarto: { value: 0.25, unit: 'share' },
  par: { value: 2, unit: null },
});
const MEASURES = table<string>({
  kilos: 'kilograms',
  kilo: 'kilograms',
  kg: 'kilograms',
  kilograms: 'kilograms',
  kilogramos: 'kilograms',
  tons: 'tonnes',
  tonnes: 'tonnes',
  toneladas: 'tonnes',
  pounds: 'pounds',
  lbs: 'pounds',
  libras: 'pounds',
  miles: 'miles',
  millas: 'miles',
  km: 'kilometres',
  kilometers: 'kilometres',
  kilometres: 'kilometres',
  kilómetros: 'kilometres',
  kilometros: 'kilometres',
  hectares: 'hectares',
  hectáreas: 'hectares',
  liters: 'litres',
  litros: 'litres',
  percent: 'percent',
  '%': 'percent',
  dollars: 'USD',
  dólares: 'USD',
  dolares: 'USD',
  pesos: 'MXN',
  euros: 'EUR',
});
const QUALIFIERS =
  /(?:more than|less than|fewer than|over|about|around|nearly|almost|at least|up to|some|only|an additional|roughly|approximately|más de|menos de|unos|unas|cerca de|alrededor de|al menos|casi|sólo|solo)\s+$/i;
/** Compared with the folded head noun, so written folded: "décadas" is read as "decadas". */
const TIME_UNITS =
  /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|segundos?|minutos?|horas?|dias?|semanas?|mes|meses|anos?|decadas?)$/;

interface NumberSpan {
  first: number;
  last: number;
  value: number;
  unit: string | null;
}

/**
 * Spanish finite verb endings (murieron, controlaba, trasladó): compromise's lexicon is English
 * only. Read on the accented text, where folding would make the verb "trasladó" the noun
 * "traslado"; "-ía" is left out for policía and fiscalía.
 */
const SPANISH_FINITE_VERB = /(?:aron|ieron|eron|aban|aba|ará|rán|ó)$/;
const ORDINAL_SHARES = table<number>({ tercera: 1 / 3, cuarta: 0.25, quinta: 0.2 });
const COPULAS =
  /^(?:are|is|was|were|be|been|have|has|had|will|would|can|could|do|did|son|es|fue|fueron|han|ha)$/;

/** Numbers stated as facts about the world, with what they count. */
export function extractFigures(
  doc: AnalyzedWithAliases,
  mentions: Mention[],
  dateSpans: Array<[number, number]>,
): Figure[] {
  const { tokens, text } = doc;
  const blocked = new Uint8Array(text.length + 1);
  for (const [a, b] of dateSpans) blocked.fill(1, a, b);
  for (const m of mentions) blocked.fill(1, m.start, m.end);
  for (const match of text.matchAll(/\b(?:https?:\/\/|www\.)\S+/g))
    blocked.fill(1, match.index, match.index + match[0].length);
  const spanish = doc.input.language === 'es';
  const spelled = spanish ? SPELLED_ES : SPELLED_EN;
  const nameEnds = new Map<number, number>();
  for (const m of mentions) nameEnds.set(m.start, Math.max(m.end, nameEnds.get(m.start) ?? 0));
  const figures: Figure[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const span = numberAt(tokens, i, spelled);
    if (!span) continue;
    i = span.last;
    const first = tokens[span.first]!;
    if (blocked[first.start] || !isFactNumber(tokens, span) || isDesignation(tokens, span, blocked))
      continue;
    if (span.value === 1 && span.unit === null) continue;
    // "a third of Mexican territory", "a pair of … helicopters": the phrase follows "of"
    const ofFollows = /^(?:of|de|del)$/.test(tokens[span.last + 1]?.fold ?? '');
    const afterOf = ofFollows && (span.unit === 'share' || span.value === 2);
    const phraseFrom = span.last + (afterOf ? 2 : 1);
    const options = { spanish, afterOf, plural: Number.isInteger(span.value) && span.value > 1 };
    let phrase = nounPhrase(tokens, phraseFrom, options);
    // English puts a name before the noun it qualifies ("40 Immigration and Customs Enforcement
    // agents"); Spanish after it ("40 agentes de la DEA"), where the first noun is already right
    if (!spanish) phrase = nounAfterName(tokens, phraseFrom, phrase, nameEnds, afterOf) ?? phrase;
    // "the 313 figure", "la cifra 261": the noun names the number, it is not what was counted
    if (phrase && phrase.first === phrase.last && isNumberNoun(tokens[phrase.head]!.fold))
      phrase = null;
    // "the two are in bed together": a pronoun, not a count
    if (
      !phrase &&
      span.unit === null &&
      tokens[span.first]!.kind !== 'number' &&
      /^(?:the|los|las)$/.test(tokens[span.first - 1]?.fold ?? '')
    )
      continue;
    let unit = span.unit;
    let about: string | null = null;
    let end = tokens[span.last]!.end;
    if (phrase) {
      const head = tokens[phrase.head]!.fold;
      if (TIME_UNITS.test(head) && isRelativeTime(tokens, span.first, phrase.head)) continue;
      const [wordStart, wordEnd] = wholeWord(tokens, phrase.first, phrase.head);
      unit ??=
        MEASURES.get(head) ??
        text.slice(tokens[wordStart]!.start, tokens[wordEnd]!.end).toLowerCase();
      about = text.slice(tokens[phrase.first]!.start, tokens[phrase.last]!.end);
      end = tokens[phrase.last]!.end;
      // "337 Kilos of cocaine": what the measure measures
      if (MEASURES.get(head) && /^(?:of|de)$/.test(tokens[phrase.last + 1]?.fold ?? '')) {
        const of = nounPhrase(tokens, phrase.last + 2, { spanish, afterOf: true, plural: false });
        if (of) {
          about = text.slice(tokens[of.first]!.start, tokens[of.last]!.end);
          end = tokens[of.last]!.end;
        }
      }
    }
    let start = first.start;
    const qualifier = QUALIFIERS.exec(text.slice(Math.max(0, start - 20), start));
    if (qualifier) start -= qualifier[0].length;
    // a caption or pull quote printed twice states the figure once
    const key = `${span.value}|${text.slice(start, end)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    figures.push({ start, end, text: text.slice(start, end), value: span.value, unit, about });
  }
  return figures;
}

function numberAt(
  tokens: Token[],
  i: number,
  spelled: ReadonlyMap<string, number>,
): NumberSpan | null {
  const token = tokens[i]!;
  // "a third of", "half of", "a pair of"
  if (token.kind === 'punct' || token.kind === 'abbr') return null;
  // "una tercera parte de": the Spanish share
  const share = ORDINAL_SHARES.get(token.fold);
  if (share && tokens[i + 1]?.fold === 'parte') {
    const article = tokens[i - 1];
    return {
      first: article && /^(?:una|la)$/.test(article.fold) ? i - 1 : i,
      last: i + 1,
      value: share,
      unit: 'share',
    };
  }
  const fraction = FRACTIONS.get(token.fold);
  if (fraction && (tokens[i + 1]?.fold === 'of' || tokens[i + 1]?.fold === 'de')) {
    const article = tokens[i - 1];
    const first = article && /^(?:a|an|one|un|una|la|el)$/.test(article.fold) ? i - 1 : i;
    return { first, last: i, value: fraction.value, unit: fraction.unit };
  }
  let value: number | null = null;
  if (token.kind === 'number' && /^\d[\d,.]*$/.test(token.text)) {
    value = Number(token.text.replace(/,(?=\d{3}\b)/g, ''));
  } else if (token.kind === 'word') {
    if (spelled.has(token.fold)) value = spelled.get(token.fold)!;
    else if (token.fold.includes('-')) {
      const parts = token.fold.split('-');
      if (parts.every((p) => spelled.has(p)))
        value = parts.reduce((sum, p) => sum + spelled.get(p)!, 0);
    }
    if (token.fold === 'dozen' && tokens[i - 1]?.fold !== 'a') value = null;
    // "more than a thousand", "a hundred", "más de mil": the multiplier alone
    const alone = MULTIPLIERS.get(token.fold);
    if (
      value === null &&
      alone &&
      !/s$/.test(token.fold) &&
      tokens[i - 1]?.kind !== 'number' &&
      !spelled.has(tokens[i - 1]?.fold ?? '') &&
      (/^(?:a|one)$/.test(tokens[i - 1]?.fold ?? '') || token.fold === 'mil')
    ) {
      const article = /^(?:a|one)$/.test(tokens[i - 1]?.fold ?? '');
      return { first: article ? i - 1 : i, last: i, value: alone, unit: null };
    }
  }
  if (value === null || Number.isNaN(value)) return null;
  let last = i;
  const multiplier = MULTIPLIERS.get(tokens[i + 1]?.fold ?? '');
  if (multiplier) {
    value *= multiplier;
    last = i + 1;
  }
  let unit: string | null = null;
  if (tokens[i - 1]?.text === '$') unit = 'USD';
  // "3 millones de pesos", "2 million dollars"
  const currencyAt = tokens[last + 1]?.fold === 'de' ? last + 2 : last + 1;
  const currency = MEASURES.get(tokens[currencyAt]?.fold ?? '');
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    unit = currency;
    last = currencyAt;
  }
  const after = tokens[last + 1];
  if (
    after &&
    (after.text === '%' ||
      after.fold === 'percent' ||
      (after.fold === 'por' && tokens[last + 2]?.fold === 'ciento'))
  ) {
    unit = 'percent';
    last = after.text === '%' || after.fold === 'percent' ? last + 1 : last + 2;
  }
  return { first: tokens[i - 1]?.text === '$' ? i - 1 : i, last, value, unit };
}

/** Not a designation (AK-47, .50 caliber, 5th), a list marker, a clock time or a phone number. */
function isFactNumber(tokens: Token[], span: NumberSpan): boolean {
  const first = tokens[span.first]!;
  const last = tokens[span.last]!;
  const before = tokens[span.first - 1];
  const after = tokens[span.last + 1];
  if (
    before &&
    !first.spaceBefore &&
    (before.text === '-' ||
      before.text === '.' ||
      before.kind === 'word' ||
      before.text === '/' ||
      before.text === ':') // the minutes of "12:55 a.m."
  )
    return false;
  if (before && /^[—–]$/.test(before.text)) return false; // "From MX1 — 2": a numbering
  // credibility "3", grade “2”: a number alone in quotation marks is a label
  if (before && after && /^["“”'‘’«]$/.test(before.text) && /^["“”'‘’»]$/.test(after.text))
    return false;
  if (
    after &&
    !after.spaceBefore &&
    (after.text === '-' || after.text === ':' || after.text === '/' || after.kind === 'word')
  )
    return false;
  if (after && /^(?:caliber|calibre|mm|millimeter|[ap]\.?m\.?)$/.test(after.fold)) return false;
  if (first.newlineBefore && after && (after.text === '.' || after.text === ')')) return false;
  if (/\d(?:st|nd|rd|th|º|°)$/.test(last.text)) return false;
  if (isHeaderValue(tokens, span)) return false;
  // "El Ocho trasladó…", "The Two": a capitalised number word after a capitalised article is a
  // nickname or a title
  if (
    first.kind === 'word' &&
    first.capitalized &&
    !first.sentenceStart &&
    before?.capitalized &&
    /^(?:el|la|los|las|the)$/.test(before.fold)
  )
    return false;
  return true;
}

/**
 * "Carretera 45", "Highway 2", "Flight 370": a numeral after a capitalised word inside a sentence
 * names a road or a flight. Not after a name ("in Ciudad Juárez 300 people"), which the
 * recognisers found, nor in a title-case headline ("Police Find 12 Bodies").
 */
function isDesignation(tokens: Token[], span: NumberSpan, blocked: Uint8Array): boolean {
  const first = tokens[span.first]!;
  const before = tokens[span.first - 1];
  const after = tokens[span.last + 1];
  return (
    first.kind === 'number' &&
    first.spaceBefore &&
    !first.newlineBefore &&
    before !== undefined &&
    before.kind === 'word' &&
    before.capitalized &&
    !before.sentenceStart &&
    !blocked[before.start] &&
    !isFunctionWord(before.fold) &&
    !(after?.kind === 'word' && after.capitalized)
  );
}

/**
 * "ITEM CREDIBILITY: 4" on a line of its own: the value of a header field in capitals is a grade
 * or a code of the document, not a figure about the world.
 */
function isHeaderValue(tokens: Token[], span: NumberSpan): boolean {
  const after = tokens[span.last + 1];
  if (after && !after.newlineBefore) return false;
  let k = span.first - 1;
  if (tokens[k]?.text !== ':') return false;
  const colon = k;
  for (k--; k >= 0; k--) {
    const t = tokens[k]!;
    if (!(t.kind === 'word' && t.allCaps) || colon - k > 4) return false;
    if (t.newlineBefore) return true;
  }
  return false;
}

/** "four years ago", "A month later", "the past three years": a date, not a figure. */
function isRelativeTime(tokens: Token[], first: number, head: number): boolean {
  const after = tokens[head + 1]?.fold ?? '';
  const before = tokens[first - 1]?.fold ?? '';
  const before2 = tokens[first - 2]?.fold ?? '';
  // "five days after the arrest": the interval between two events is a figure, not a date
  const next = tokens[head + 2]?.fold ?? '';
  if (
    /^(?:before|after|antes|despues)$/.test(after) &&
    /^(?:the|his|her|its|their|a|an|el|la|los|las|su|sus|de)$/.test(next)
  )
    return false;
  return (
    /^(?:ago|later|earlier|before|after|since|atras|despues|antes)$/.test(after) ||
    /^(?:past|last|next|previous|first|hace|ultimos|ultimas|proximos)$/.test(before) ||
    (before === 'the' && /^(?:past|last|next)$/.test(before2))
  );
}

interface Phrase {
  first: number;
  last: number;
  /** The noun the number counts: the last word in English, the first noun in Spanish. */
  head: number;
}

interface PhraseOptions {
  spanish: boolean;
  /** After "of"/"de" ("a third of the trade"), where an article may open the phrase. */
  afterOf: boolean;
  /** The number is a whole count above one, so its noun is plural. */
  plural: boolean;
}

const QUOTE_MARK = /^["“”‘’']$/;

/**
 * The noun phrase a number quantifies: up to five words after it, through adjectives, hyphens
 * and quotation marks ("two “drug lords”", "two high-ranking U.S. government officials"), ending
 * before a verb, a preposition, punctuation or a hard line break. Returns token indexes.
 */
function nounPhrase(tokens: Token[], from: number, options: PhraseOptions): Phrase | null {
  const { spanish, afterOf, plural } = options;
  let i = from;
  let last = -1;
  let start = -1;
  let head = -1;
  let words = 0;
  let compound = false;
  let quoteClosed = false;
  while (i < tokens.length && words < 6) {
    const t = tokens[i]!;
    // a hard break ends a header field ("ITEM CREDIBILITY: 4⏎SPECIAL HANDLING") or a paragraph;
    // soft breaks of wrapped text are not marked and so do not stop the phrase
    if (t.newlineBefore) break;
    if (QUOTE_MARK.test(t.text) || (t.text === '-' && !t.spaceBefore)) {
      // an opening mark after the noun starts a quoted remark: the 458 agents "never carry guns"
      if (words > 0 && t.spaceBefore && t.text !== '-') break;
      quoteClosed = words === 0 && !t.spaceBefore && t.text !== '-';
      compound = t.text === '-';
      i++;
      continue;
    }
    if (compound) {
      // the second half of "high-ranking" belongs to the phrase whatever its part of speech
      compound = false;
      last = i;
      i++;
      continue;
    }
    if (
      t.kind === 'word' &&
      (COPULAS.test(t.fold) ||
        (spanish && SPANISH_FINITE_VERB.test(t.text.normalize('NFC').toLowerCase())))
    )
      break;
    if (t.kind === 'punct' && !MEASURES.has(t.text)) break;
    if (t.kind === 'number') break;
    // a capitalised article inside a sentence begins a name: "two El Paso dealers"
    const namePart = t.capitalized && !t.sentenceStart && tokens[i + 1]?.capitalized === true;
    if (
      t.kind === 'word' &&
      !namePart &&
      (isFunctionWord(t.fold) || (isVerbForm(t.fold) && !t.fold.endsWith('s') && words > 0))
    ) {
      // "the" opens a phrase only after "of": in "not the 570 the government admits" the
      // number is a noun of its own
      if (phraseOpener(afterOf).test(t.fold) && words === 0) {
        i++;
        continue;
      }
      break;
    }
    if (t.kind === 'word' && !t.capitalized && isPreposition(t.fold)) break;
    // a quotation closed on the number leaves the sentence's verb: "nearly 300" reported
    if (quoteClosed && t.kind === 'word' && isVerbForm(t.fold)) break;
    if (spanish) {
      // Spanish nouns and adjectives agree in number: after a count above one, a lower-case word
      // not in -s is a verb or an adverb ("la cifra de 261 aparece", "agentes operando ahí")
      if (plural && t.kind === 'word' && !t.capitalized && !agreesPlural(t.fold)) break;
      if (head < 0 && !isSpanishPrenominal(t.fold)) head = i;
    } else if (t.kind === 'word' && !t.capitalized) {
      // a verb is never what was counted ("the figure of 489 does not match")
      if (isVerbOnly(t.fold)) break;
      // after a plural noun an adjective or a participle begins a phrase of its own
      const previous = tokens[last];
      if (
        words > 0 &&
        previous &&
        isPluralWord(previous) &&
        (isEnglishPostmodifier(t.fold) || isVerbForm(t.fold))
      )
        break;
    }
    if (start < 0) start = i;
    last = i;
    words++;
    i++;
  }
  if (start < 0) return null;
  return { first: start, last, head: head >= 0 ? head : last };
}

/** Words inside one name: "Alcohol, Tobacco, Firearms and Explosives", "Bureau of Prisons". */
const NAME_JOINER = /^(?:and|of|&|,)$/;
/** Name tokens read without a recognised mention; longer runs are more likely a title-case line. */
const MAX_NAME_TOKENS = 8;

/**
 * The counted noun after a proper name that qualifies it: "40 Immigration and Customs
 * Enforcement agents", "five Border Patrol agents", "500 US agents". The phrase reader stops
 * inside such a name (at its "and", at a name word that is also a verb, at "US" read as a
 * pronoun), so the unit came out as a piece of the name or as nothing. Only then is the name
 * skipped, a recognised mention whole or else a run of capitalised words, and the noun phrase
 * right after it read instead; with no lower-case noun there ("40 Immigration." ending the
 * sentence, "Police Find 12 Bodies") the first reading stands. Returns null to keep it.
 */
function nounAfterName(
  tokens: Token[],
  from: number,
  current: Phrase | null,
  nameEnds: ReadonlyMap<number, number>,
  afterOf: boolean,
): Phrase | null {
  let i = from;
  // "14 other Border Patrol agents", "40 new Border Patrol agents": words before the name
  let first = -1;
  for (; i < from + 2 && tokens[i] && isModifierBeforeName(tokens[i]!, afterOf); i++)
    if (first < 0 && !isFunctionWord(tokens[i]!.fold)) first = i;
  const nameStart = i;
  let nameEnd = -1;
  let lastName = -1;
  let unrecognised = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.newlineBefore || t.sentenceStart) break;
    const mentionEnd = nameEnds.get(t.start);
    if (mentionEnd !== undefined) {
      while (i < tokens.length && tokens[i]!.start < mentionEnd) i++;
      nameEnd = i;
      lastName = i - 1;
      continue;
    }
    // joined without a space, "AK-47s" or "Mexico's" is one word, not a name and a noun
    if (i > nameStart && !t.spaceBefore && t.text !== ',') break;
    if ((t.kind === 'word' || t.kind === 'abbr') && t.capitalized) {
      if (++unrecognised > MAX_NAME_TOKENS) return null;
      nameEnd = ++i;
      lastName = i - 1;
      continue;
    }
    if (nameEnd >= 0 && NAME_JOINER.test(t.fold) && !t.capitalized) {
      i++;
      continue;
    }
    break;
  }
  if (nameEnd < 0) return null;
  // only when the first reading stopped inside the name: otherwise it already found the noun
  if (current && current.head >= nameEnd) return null;
  const next = tokens[nameEnd];
  if (!next || next.kind !== 'word' || next.capitalized || !next.spaceBefore) return null;
  const after = nounPhrase(tokens, nameEnd, { spanish: false, afterOf: false, plural: false });
  if (!after || after.first !== nameEnd) return null;
  const head = tokens[after.head]!;
  if (head.kind !== 'word' || head.capitalized || isNumberNoun(head.fold)) return null;
  // a participle, adjective or adverb is what the name did or was, not a noun it qualifies:
  // "12 Zetas killed", "383 SUVs moving", "40 ICE recently"
  if (isEnglishPostmodifier(head.fold) || /ly$/.test(head.fold)) return null;
  // a plural name is the counted thing itself unless a plural noun follows: "Explosives agents"
  // but "30 Marines dead"
  if (isPluralWord(tokens[lastName]!) && !isPluralWord(head)) return null;
  return { first: first >= 0 ? first : nameStart, last: after.last, head: after.head };
}

function isModifierBeforeName(t: Token, afterOf: boolean): boolean {
  if (t.kind !== 'word' || t.capitalized || t.newlineBefore) return false;
  if (phraseOpener(afterOf).test(t.fold)) return true;
  // an adjective: a postmodifier in the lexicon's sense that is neither a verb nor a preposition
  return (
    isEnglishPostmodifier(t.fold) &&
    !isVerbForm(t.fold) &&
    !isPreposition(t.fold) &&
    !isFunctionWord(t.fold) &&
    !/(?:ly|ed|ing)$/.test(t.fold)
  );
}

/**
 * Words that may open the counted phrase before its noun: "more", and after "of" an article.
 */
function phraseOpener(afterOf: boolean): RegExp {
  return afterOf
    ? /^(?:other|additional|more|otros|otras|mas|the|el|la|los|las)$/
    : /^(?:other|additional|more|otros|otras|mas)$/;
}

/** A Spanish plural, or a word that need not agree: a unit symbol ("40 km") or a number word. */
function agreesPlural(fold: string): boolean {
  return /s$/.test(fold) || MEASURES.has(fold) || MULTIPLIERS.has(fold);
}

/** "officials", "SUVs", and the "s" of "AK-47s", cut from its number by the tokenizer. */
function isPluralWord(token: Token): boolean {
  if (token.fold === 's' && !token.spaceBefore) return true;
  return token.kind === 'word' && isEnglishPlural(token.fold);
}

/**
 * The word a phrase's head belongs to, with what is joined to it without a space: "AK-47s",
 * which the tokenizer cuts into "AK", "-", "47" and "s".
 */
function wholeWord(tokens: Token[], first: number, head: number): [number, number] {
  let k = head;
  while (k > first && !tokens[k]!.spaceBefore && !QUOTE_MARK.test(tokens[k - 1]!.text)) k--;
  return [k, head];
}
