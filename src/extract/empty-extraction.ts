import type { Extraction } from './types.js';

/** An extraction that found nothing; a fresh object each call, so callers may push into it. */
export function emptyExtraction(): Extraction {
  return { mentions: [], dates: [], figures: [], quotes: [], claims: [], sourcesCited: [] };
}
