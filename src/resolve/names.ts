import { foldForMatch, memoize } from '../core/index.js';
import type { EntityType } from './types.js';
import { CARTEL_QUALIFIERS, CARTEL_WORDS, PARTICLES, TITLES } from './words.js';

/**
 * How the resolver reads a name: titles and nicknames come off a person's name, a leading
 * article off an organisation's, and what is left is folded (case, accents, punctuation) into the
 * key that every rule compares.
 */

/** A nickname quoted inside a name: Joaquín “El Chapo” Guzmán, Ismael (El Mayo) Zambada. */
const INNER_NICKNAME = /(^|\s)(?:["“„«]|‘|'|\()([^"“”„«»()]{1,40}?)(?:["”»]|’|'|\))(?=\s|$)/u;

export interface CleanName {
  /** The name as it should be displayed and keyed: no title, no inner nickname, no article. */
  display: string;
  /** A nickname that was quoted inside the name, if any. */
  nickname: string | null;
}

const cleaners: Record<EntityType, (raw: string) => Readonly<CleanName>> = {
  person: memoize((raw) => cleanNameOnce(raw, 'person')),
  organization: memoize((raw) => cleanNameOnce(raw, 'organization')),
  place: memoize((raw) => cleanNameOnce(raw, 'place')),
};

/**
 * Strips what is not part of the name itself; the result is never empty if the input was not.
 * Answers are remembered and shared between callers, so they are read-only.
 */
export function cleanName(raw: string, type: EntityType): Readonly<CleanName> {
  return cleaners[type](raw);
}

function cleanNameOnce(raw: string, type: EntityType): CleanName {
  let text = raw.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim();
  text = text.replace(/['’]s$/u, '');
  let nickname: string | null = null;
  if (type === 'person') {
    const inner = INNER_NICKNAME.exec(text);
    const rest = inner
      ? (text.slice(0, inner.index) + ' ' + text.slice(inner.index + inner[0].length)).trim()
      : '';
    if (inner?.[2] && rest) {
      nickname = inner[2].trim();
      text = rest.replace(/\s+/g, ' ');
    }
    text = stripTitles(text);
  } else {
    // "of the Attorney General's Office", "the Juárez cartel": the article is not the name.
    text = text.replace(/^(?:of\s+)?the\s+/u, '').replace(/^of\s+/u, '') || text;
  }
  return { display: text, nickname };
}

/**
 * Removes leading titles, also behind one qualifying word ("Texas Governor Greg Abbott",
 * "Mexican President-Elect …"), but never the last word.
 */
function stripTitles(text: string): string {
  const words = text.split(' ');
  const folded = words.map(foldForMatch);
  const titleLength = (at: number): number => {
    for (const length of [3, 2, 1]) {
      if (at + length >= words.length) continue;
      if (TITLES.has(folded.slice(at, at + length).join(' '))) return length;
    }
    return 0;
  };
  let at = 0;
  for (;;) {
    const length = titleLength(at) || (at === 0 ? qualifiedTitle() : 0);
    if (length === 0) break;
    at += length;
  }
  return words.slice(at).join(' ');

  function qualifiedTitle(): number {
    const after = titleLength(1);
    return after > 0 && words.length - (1 + after) >= 1 ? 1 + after : 0;
  }
}

/** Folds a name for comparison; a leading article does not count ("The Wall Street Journal"). */
export const foldName: (name: string) => string = memoize((name) =>
  foldForMatch(name).replace(/^(?:of the |the |of )/u, ''),
);

/** The key every rule and every decision addresses a name by: `person:joaquin guzman loera`. */
export function nameKey(type: EntityType, name: string): string {
  return `${type}:${foldName(cleanName(name, type).display)}`;
}

/** Folded words that carry the name, without particles: the unit of order-free comparison. */
export function contentTokens(folded: string): string[] {
  return folded.split(' ').filter((token) => token.length > 0 && !PARTICLES.has(token));
}

/** Order-free identity of a name: "Nieto Pena" and "Peña Nieto" share it. */
export function tokenSetKey(type: EntityType, folded: string): string | null {
  const tokens = [...new Set(contentTokens(folded))].sort();
  return tokens.length >= 2 ? `${type}:${tokens.join(' ')}` : null;
}

/**
 * What names a cartel once the word "cartel" is set aside: "Sinaloa drug cartel", "Cártel de
 * Sinaloa", "the Sinaloa cartels" and a bare "Sinaloa" (typed an organisation by extraction) all
 * come to `organization:sinaloa`. Null for names that are neither a cartel's nor one word.
 */
export function cartelCoreKey(type: EntityType, folded: string): string | null {
  if (type !== 'organization') return null;
  const words = contentTokens(folded);
  const cartel = words.some((word) => CARTEL_WORDS.has(word));
  if (!cartel && words.length !== 1) return null;
  const core = cartel
    ? words.filter((word) => !CARTEL_WORDS.has(word) && !CARTEL_QUALIFIERS.has(word))
    : words;
  return core.length > 0 ? `${type}:${core.join(' ')}` : null;
}
