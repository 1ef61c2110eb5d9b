import type { SnippetPart } from './types.js';

/** Control characters used as highlight markers: they cannot occur in stored text. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

export function splitSnippet(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  // eslint-disable-next-line no-control-regex -- the markers are control characters on purpose
  for (const piece of marked.split(/([\u0002\u0003])/)) {
    if (piece === SNIPPET_OPEN) match = true;
    else if (piece === SNIPPET_CLOSE) match = false;
    else if (piece) parts.push({ text: piece, match });
  }
  return parts;
}
