/**
 * A copy of a string cut from a larger one that no longer refers to it. V8 represents a slice of
 * 13 characters or more as a view into its parent, so a 200-character passage kept in a reuse
 * report would keep its whole document's text alive, thousands of texts for a large corpus.
 * A JSON round trip makes a flat copy and keeps every code unit, lone surrogates included.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
