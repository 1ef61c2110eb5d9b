import { ownCopy } from './own-copy.js';

/**
 * Folding used wherever two spellings of a name must compare equal: case, accents (Juárez =
 * Juarez), punctuation and runs of white space.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * Names, speakers, cited sources and titles are folded over and over (building the claim clusters
 * of 1,000,000 e-mails spent a fifth of its time folding), and a corpus has few distinct ones:
 * short texts' folds are remembered, up to a bound, then forgotten all at once. Keys are own
 * copies, so that a name cut from a document does not keep the whole document's text alive.
 */
const remembered = new Map<string, string>();
const MAX_REMEMBERED = 50_000;
const MAX_REMEMBERED_LENGTH = 200;

export function foldForMatch(text: string): string {
  if (text.length > MAX_REMEMBERED_LENGTH) return fold(text);
  let folded = remembered.get(text);
  if (folded === undefined) {
    if (remembered.size === MAX_REMEMBERED) remembered.clear();
    folded = fold(text);
    remembered.set(ownCopy(text), folded);
  }
  return folded;
}

function fold(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Replaces control characters (other than tab and newlines) that leak in from broken files. */
export function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
