/**
 * A copy of a string cut from a larger one that no longer refers to it. V8 keeps a slice of 13
 * characters or more as a view into its parent, so a name, quote or passage kept after its
 * document is gone (a memo key, a traced statement, a reuse report's text) would keep the whole
 * text alive: thousands of texts for a large corpus. Concatenating flattens into a new string,
 * and the slice taken of that refers only to it. Every code unit is kept, lone surrogates too.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
