import { foldForMatch } from '../../core/index.js';

/**
 * When a predicted figure's unit counts as the gold figure's unit.
 *
 * The extractor reports one word: the counted noun as the document writes it ("agents",
 * "agentes", "rifles"), or a canonical code for currencies and measures ("USD", "MXN",
 * "kilograms", "percent", "share"). The gold's `unit` is free text written by an annotator: a
 * fuller phrase ("federal agents", "members of Congress", "crime scenes and seizures"), an
 * everyday name for a currency ("dollars", "pesos"), a note in brackets ("years (age)") and, in
 * the sample gold, English units for Spanish articles ("agents" for "500 agentes"). Comparing the
 * strings would mostly measure those habits, so the two agree when:
 *
 * - both have no unit (gold `null` or absent, predicted `null`). One side without a unit and the
 *   other with one is a disagreement: a gold unit the extractor did not find is a miss, and a
 *   unit where the gold has none is not what was counted.
 * - they are the same after folding case, accents and punctuation, with singular and plural the
 *   same noun ("agent"/"agents", "agente"/"agentes", "man"/"men").
 * - they name the same currency or measure ("USD" = "dollars" = "dólares", "MXN" = "pesos",
 *   "kilograms" = "kilos"): the extractor writes codes, annotators write names.
 * - the predicted unit is the head noun of the gold phrase: "agents" for "federal agents",
 *   "members" for "members of Congress", "scenes" or "seizures" for "crime scenes and seizures".
 *   The extractor reports the head noun by design, so the modifiers are not asked of it. In English
 *   the head is the last word before a preposition; in a Spanish document the first word may be
 *   the head as well ("armas largas").
 * - the predicted unit is a Spanish counted noun whose English translation agrees by the rules
 *   above ("agentes" for "agents"): the sample gold writes its Spanish articles' units in English,
 *   and the extractor reports the document's own word. The glossary covers the nouns those
 *   articles count; a Spanish noun outside it disagrees with an English gold unit.
 */
export function unitsAgree(
  predicted: string | null | undefined,
  gold: string | null | undefined,
  language = 'en',
): boolean {
  const goldUnit = gold == null ? '' : unitText(gold);
  const predictedUnit = predicted == null ? '' : unitText(predicted);
  if (goldUnit === '' || predictedUnit === '') return goldUnit === predictedUnit;
  const goldMeasure = MEASURES.get(goldUnit);
  if (goldMeasure !== undefined && goldMeasure === MEASURES.get(predictedUnit)) return true;
  const heads = headNouns(goldUnit, language === 'es');
  const forms = [predictedUnit, ...translations(predictedUnit)];
  return forms.some(
    (form) =>
      samePhrase(form, goldUnit) ||
      (!form.includes(' ') && heads.some((head) => sameNoun(form, head))),
  );
}

/** Folded, without bracketed notes; "%" survives as a word, since folding drops symbols. */
function unitText(unit: string): string {
  return foldForMatch(unit.replace(/\([^)]*\)/g, ' ').replace(/%/g, ' percent '));
}

/** Folded names of currencies and measures, by the code or name the extractor writes. */
const MEASURES = new Map<string, string>(
  Object.entries({
    USD: ['usd', 'dollar', 'dollars', 'us dollars', 'u s dollars', 'dolar', 'dolares'],
    MXN: ['mxn', 'peso', 'pesos', 'mexican pesos', 'pesos mexicanos'],
    EUR: ['eur', 'euro', 'euros'],
    kilograms: ['kilograms', 'kilogram', 'kilos', 'kilo', 'kg', 'kilogramos'],
    tonnes: ['tonnes', 'tonne', 'tons', 'ton', 'toneladas'],
    percent: ['percent', 'per cent', 'por ciento'],
  }).flatMap(([code, names]) => names.map((name): [string, string] => [name, code])),
);

const PREPOSITIONS = new Set(['of', 'in', 'for', 'from', 'with', 'at', 'on', 'de', 'del', 'en']);
const CONJUNCTIONS = / (?:and|or|y|e|o) /;

/** The head noun of each coordinated part of a gold unit phrase. */
function headNouns(unit: string, spanish: boolean): string[] {
  const heads: string[] = [];
  for (const part of unit.split(CONJUNCTIONS)) {
    const words = part.split(' ');
    const preposition = words.findIndex((word, i) => i > 0 && PREPOSITIONS.has(word));
    const core = preposition > 0 ? words.slice(0, preposition) : words;
    heads.push(core[core.length - 1]!);
    // Spanish puts adjectives after the noun
    if (spanish) heads.push(core[0]!);
  }
  return heads;
}

function samePhrase(a: string, b: string): boolean {
  const wordsA = a.split(' ');
  const wordsB = b.split(' ');
  return wordsA.length === wordsB.length && wordsA.every((word, i) => sameNoun(word, wordsB[i]!));
}

const IRREGULAR_PLURALS = new Map([
  ['men', 'man'],
  ['women', 'woman'],
  ['people', 'person'],
  ['children', 'child'],
]);

function sameNoun(a: string, b: string): boolean {
  const formsB = singulars(b);
  return singulars(a).some((form) => formsB.includes(form));
}

/**
 * The word and every singular its ending allows: "-s" and "-es" (English "boxes", Spanish
 * "compradores", "meses"), "-ies" and Spanish "-ces" ("veces"). A wrong candidate ("hous" for
 * "houses") only matters if another noun reduces to it too. An English and a Spanish noun can meet
 * this way ("agents", "agentes": both "agent"), which is right where it happens.
 */
function singulars(word: string): string[] {
  const forms = [word];
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular) forms.push(irregular);
  if (word.length > 4 && word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.length > 4 && word.endsWith('ces')) forms.push(`${word.slice(0, -3)}z`);
  if (word.length > 3 && word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.length > 2 && word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  return forms;
}

/**
 * English for the Spanish nouns the sample gold's Spanish articles count, keyed by the folded
 * singular. Several senses where the gold could use either ("armas": weapons or guns).
 */
const SPANISH_NOUNS = new Map<string, string[]>(
  Object.entries({
    agente: ['agent'],
    ano: ['year'],
    arma: ['weapon', 'gun', 'firearm'],
    armeria: ['gun shop'],
    comprador: ['buyer'],
    dia: ['day'],
    homicidio: ['homicide'],
    hombre: ['man'],
    medio: ['outlet', 'media outlet'],
    mensaje: ['message'],
    mes: ['month'],
    persona: ['person'],
    rastreo: ['trace'],
    semana: ['week'],
    vehiculo: ['vehicle'],
  }),
);

function translations(unit: string): string[] {
  return singulars(unit).flatMap((form) => SPANISH_NOUNS.get(form) ?? []);
}
