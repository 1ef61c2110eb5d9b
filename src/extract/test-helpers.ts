import { extractDocument } from './extract-document.js';
import type { ExtractInput, Extraction } from './types.js';

/**
 * For the tests: extract from a test sentence and throw if any span's offsets do not reproduce
 * its text. (No vitest import, so the build may compile this file harmlessly.)
 */
export function extract(text: string, options: Partial<ExtractInput> = {}): Extraction {
  const input: ExtractInput = { id: 'test', text, language: 'en', publishedAt: null, ...options };
  const result = extractDocument(input);
  for (const span of [
    ...result.mentions,
    ...result.dates,
    ...result.figures,
    ...result.quotes,
    ...result.claims,
  ]) {
    if (text.slice(span.start, span.end) !== span.text) {
      throw new Error(
        `offsets ${span.start}-${span.end} give “${text.slice(span.start, span.end)}”, not “${span.text}”`,
      );
    }
  }
  for (const source of result.sourcesCited) {
    if (!(source.end > source.start)) throw new Error(`empty source span for ${source.name}`);
  }
  return result;
}

/** "type:normalized" for every mention, in text order. */
export function entityList(result: Extraction): string[] {
  return result.mentions.map((m) => `${m.type}:${m.normalized}`);
}
