import nlp from 'compromise';
import { memoize } from '../../core/index.js';
import { givenNameList } from './data.js';

/**
 * Word classes the name rules need. compromise's English lexicon (≈25k words with their tags)
 * supplies given names, demonyms and the common words that make a capitalised sentence opener
 * ("Investigators", "Those") unlikely to be a name; small Spanish lists are written here because
 * es-compromise is not a dependency.
 */
interface Lexicon {
  tags: Map<string, string>;
  /** compromise's ambiguity table: "guards" Plural|Verb, "round" Adj|Noun. */
  switches: Map<string, string>;
}

let cached: Lexicon | null = null;

function lexicon(): Lexicon {
  if (cached) return cached;
  const model = (
    nlp as unknown as {
      model(): {
        one: { lexicon: Record<string, string | string[]> };
        two: { switches: Record<string, string> };
      };
    }
  ).model();
  const tags = new Map<string, string>();
  for (const [word, tag] of Object.entries(model.one.lexicon))
    tags.set(word, Array.isArray(tag) ? tag.join(',') : tag);
  cached = { tags, switches: new Map(Object.entries(model.two.switches)) };
  return cached;
}

const GIVEN_NAMES = new Set(givenNameList);

const SPANISH_FUNCTION_WORDS = new Set(
  (
    'el la los las un una unos unas en de del por para con sin segun pero este esta estos estas ese esa eso ' +
    'esos esas aunque cuando donde como tras durante desde hasta ante sobre entre ademas tambien hoy ayer ' +
    'ya no si su sus al lo le les se que quien cual cuales mientras luego despues antes asi incluso todo todos ' +
    'toda todas otro otra otros otras cada mas menos muy yo tu el ella ellos ellas nosotros usted ustedes hace ' +
    'fue era son es han ha hay sera porque pues entonces tanto ni o u y e a'
  ).split(' '),
);

const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the a an and or but if of in on at to for from by with without as into onto over under after before ' +
    'since until while when where why how what which who whom whose that this these those there here then ' +
    'than so yet also not no nor it its he she they we you i his her their our your my me him them us one ' +
    'all any both each every either neither some many much more most such only just even still now again ' +
    'once meanwhile however instead indeed although though because unless whether according last next ' +
    'yesterday today tomorrow mr mrs ms dr'
  ).split(' '),
);

export const isGivenName: (fold: string) => boolean = memoize((fold) => {
  if (GIVEN_NAMES.has(fold)) return true;
  const tag = lexicon().tags.get(fold);
  return tag !== undefined && /(?:Male|Female|First)Name/.test(tag);
});

/** "Mexican", "Americans", "estadounidense": never an entity on their own. */
export const isDemonym: (fold: string) => boolean = memoize((fold) => {
  const tag = lexicon().tags.get(fold) ?? lexicon().tags.get(fold.replace(/s$/, ''));
  if (tag !== undefined && tag.includes('Demonym')) return true;
  return /^(?:mexican[oa]s?|estadounidenses?|norteamerican[oa]s?|american[oa]s?|colombian[oa]s?|venezolan[oa]s?|guatemaltec[oa]s?|hondureñ[oa]s?|salvadoreñ[oa]s?|chin[oa]s?|rus[oa]s?|latino|latina|latinos|hispanic|arab|asian|african|european|spanish-speaking)$/.test(
    fold,
  );
});

/**
 * A word that is ordinary vocabulary when capitalised at the start of a sentence: function words,
 * verbs, adverbs, adjectives and common nouns of the lexicon (not names, places or organisations).
 */
export const isCommonWord: (fold: string) => boolean = memoize((fold) => {
  if (ENGLISH_FUNCTION_WORDS.has(fold) || SPANISH_FUNCTION_WORDS.has(fold)) return true;
  const tag = lexicon().tags.get(fold) ?? lexicon().tags.get(fold.replace(/(?:es|s)$/, ''));
  if (tag === undefined) return false;
  return !/Name|Place|Country|City|Region|Organization|Person|ProperNoun|SportsTeam|Demonym/.test(
    tag,
  );
});

export const isVerbForm: (fold: string) => boolean = memoize((fold) => {
  const tag = lexicon().tags.get(fold);
  return (
    tag !== undefined && /PastTense|PresentTense|Infinitive|Modal|Gerund|Copula|Auxiliary/.test(tag)
  );
});

export function isFunctionWord(fold: string): boolean {
  return ENGLISH_FUNCTION_WORDS.has(fold) || SPANISH_FUNCTION_WORDS.has(fold);
}

const CALENDAR_WORDS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday christmas easter ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ' +
    'lunes martes miercoles jueves viernes sabado domingo navidad'
  ).split(' '),
);

/** Months, weekdays and holidays: never a place or a person, whatever a gazetteer says. */
export function isCalendarWord(fold: string): boolean {
  return CALENDAR_WORDS.has(fold);
}

/** Tags and ambiguities under which a word can head or modify a noun phrase. */
const NOMINAL_TAG = /Noun|Singular|Plural|Actor|Unit|Uncountable|Adjective|Duration|Demonym|Value/;
const NOMINAL_SWITCH = /Noun|Plural|Adj|Actor|Unit|Person/;

function hasNominalReading(fold: string): boolean {
  const { tags, switches } = lexicon();
  return NOMINAL_TAG.test(tags.get(fold) ?? '') || NOMINAL_SWITCH.test(switches.get(fold) ?? '');
}

/**
 * Plurals that compromise's lexicon knows only as verbs (it leaves most nouns out and guesses
 * them from context, which a word list cannot): after a number they are what was counted.
 */
const PLURALS_READ_AS_VERBS = new Set(
  (
    'arrests patrols boats messages imports fragments quotes marks cycles interns offsets strips ' +
    'lodges bundles nails drums cages dams gardens discounts chats sorts'
  ).split(' '),
);

/**
 * A finite verb with no reading as a noun or an adjective: "does", "appears", "comes", "remain";
 * not "rounds" (round is a noun too) nor "guards". A plural in -s counts as a noun when its
 * singular can be one. Past participles are left out: "12 killed" names who was counted.
 */
export const isVerbOnly: (fold: string) => boolean = memoize((fold) => {
  const tag = lexicon().tags.get(fold);
  if (tag === undefined || !/\bVerb\b|PresentTense|Infinitive|Modal|Copula|Auxiliary/.test(tag))
    return false;
  if (hasNominalReading(fold) || PLURALS_READ_AS_VERBS.has(fold)) return false;
  if (!fold.endsWith('s')) return true;
  const singulars = [fold.slice(0, -1), fold.replace(/es$/, ''), fold.replace(/ies$/, 'y')];
  return !singulars.some((singular) => singular !== fold && hasNominalReading(singular));
});

/** A word that can only stand after a plural noun if the noun phrase has ended. */
const POSTMODIFIER_TAG = /Adjective|PastTense|Gerund|Participle|Adverb|Negative|Preposition/;

/**
 * An adjective, participle, adverb or preposition, which in English comes after a plural noun
 * only once its phrase has ended ("two officials familiar with", "383 SUVs moving through", "the
 * 458 agents never carry"); an unknown word in -ed or -ing is read as a participle ("briefed").
 */
export const isEnglishPostmodifier: (fold: string) => boolean = memoize((fold) => {
  const tag = lexicon().tags.get(fold);
  if (tag === undefined) return /[a-z](?:ed|ing)$/.test(fold);
  if (POSTMODIFIER_TAG.test(tag)) return true;
  return /Adj|Past|Gerund/.test(lexicon().switches.get(fold) ?? '');
});

/** "through", "across", "despite": compromise's English prepositions, and Spanish ones. */
const SPANISH_PREPOSITIONS = new Set(
  'a ante bajo con contra de del desde durante en entre hacia hasta mediante para por segun sin sobre tras'.split(
    ' ',
  ),
);

export const isPreposition: (fold: string) => boolean = memoize(
  (fold) =>
    SPANISH_PREPOSITIONS.has(fold) || (lexicon().tags.get(fold) ?? '').includes('Preposition'),
);

/**
 * An English plural: tagged so ("people", "police", "officials"), or a word in -s that is not a
 * singular ("gas", "bus", "analysis"). Irregular plurals outside the lexicon are missed.
 */
export const isEnglishPlural: (fold: string) => boolean = memoize((fold) => {
  const tag = lexicon().tags.get(fold) ?? '';
  if (/Plural/.test(tag)) return true;
  if (/Singular/.test(tag)) return false;
  return /[^su]s$/.test(fold) || (/Uncountable/.test(tag) && fold.endsWith('s'));
});

/**
 * Spanish adjectives that stand before the noun they qualify ("dos presuntos sicarios", "150
 * nuevos agentes"): the noun after them heads the phrase.
 */
const SPANISH_PRENOMINAL = new Set(
  (
    'nuevos nuevas presuntos presuntas supuestos supuestas posibles principales diferentes ' +
    'distintos distintas diversos diversas varios varias numerosos numerosas primeros primeras ' +
    'ultimos ultimas altos altas grandes pequenos pequenas mismos mismas verdaderos verdaderas ' +
    'antiguos antiguas ex'
  ).split(' '),
);

export function isSpanishPrenominal(fold: string): boolean {
  return SPANISH_PRENOMINAL.has(fold);
}

/** Nouns that name a number itself: "the 313 figure", "la cifra", "the total". */
const NUMBER_NOUNS = new Set(
  'figure number count tally total estimate sum cifra numero conteo estimacion suma'.split(' '),
);

export function isNumberNoun(fold: string): boolean {
  return NUMBER_NOUNS.has(fold);
}
