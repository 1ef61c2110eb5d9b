import { foldForMatch } from '../core/index.js';
import { COUNTRY_PREFIXES, PARTICLES } from './words.js';

/** Written as an acronym: ATF, DoD, C.I.A., SEDENA (two capitals or more, one short word). */
export function isAcronym(name: string): boolean {
  const compact = name.replace(/\./g, '').trim();
  if (!/^[A-Z][A-Za-z&]{1,7}$/u.test(compact)) return false;
  return (compact.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** The acronym as compared: upper case, no dots ("DoD" and "D.O.D." are both "DOD"). */
export function acronymKey(name: string): string {
  return name.replace(/\./g, '').trim().toUpperCase();
}

/**
 * The acronyms a written-out name could go by. Two readings, each with and without a leading
 * country ("U.S. Immigration and Customs Enforcement" → ICE):
 * - the initials of its capitalised words, skipping particles (Department of Homeland
 *   Security → DHS; Procuraduría General de la República → PGR);
 * - the initials of every word (Department of Defense → DOD).
 * Syllabic acronyms (SEDENA, CISEN) cannot be generated; they come from curated aliases or from
 * alias evidence in the text. Hand-written: these are naming conventions of the domain's English
 * and Spanish, not something a general library models.
 */
export function acronymsOf(name: string): Set<string> {
  const words = name
    .split(/[\s,;/]+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const found = new Set<string>();
  if (words.length < 2) return found;
  for (const variant of [words, withoutCountry(words)]) {
    if (!variant || variant.length < 2) continue;
    const capitalised = variant.filter(
      (word) => /^\p{Lu}/u.test(word) && !PARTICLES.has(foldForMatch(word)),
    );
    for (const initials of [capitalised, variant].map(initialsOf)) {
      if (initials.length >= 2) found.add(initials);
    }
  }
  return found;
}

function initialsOf(words: string[]): string {
  return words.map((word) => foldForMatch(word).charAt(0).toUpperCase()).join('');
}

function withoutCountry(words: string[]): string[] | null {
  for (const length of [2, 1]) {
    if (COUNTRY_PREFIXES.includes(foldForMatch(words.slice(0, length).join(' ')))) {
      return words.slice(length);
    }
  }
  return null;
}
