/**
 * Folding used wherever two spellings of a name must compare equal: case, accents (Juárez =
 * Juarez), punctuation and runs of white space.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

export function foldForMatch(text: string): string {
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
