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
}

let cached: Lexicon | null = null;

function lexicon(): Lexicon {
  if (cached) return cached;
  const raw = (
    nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }
  ).model().one.lexicon;
  const tags = new Map<string, string>();
  for (const [word, tag] of Object.entries(raw))
    tags.set(word, Array.isArray(tag) ? tag.join(',') : tag);
  cached = { tags };
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
