import type { Highlight } from './segment-text';

export interface QueryTerm {
  /** Folded: lower case, accents removed. */
  term: string;
  /** `cartel*` matches every word starting with `cartel`. */
  prefix: boolean;
}

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case and accents removed, as the search index compares words (Juárez = juarez). */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/**
 * The words of a search query worth marking in a document: operators are dropped, as are words
 * after NOT (they cannot occur in a hit), and phrases contribute each of their words.
 */
export function queryTerms(query: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  let negated = false;
  for (const [, phrase, token] of query.matchAll(/"([^"]*)"?|([^\s()"]+)/g)) {
    if (token !== undefined && OPERATORS.has(token)) {
      negated = token === 'NOT';
      continue;
    }
    const skip = negated;
    negated = false;
    if (skip) continue;
    const text = phrase ?? token ?? '';
    const prefix = phrase === undefined && text.endsWith('*');
    const words = text.match(WORD) ?? [];
    words.forEach((word, index) => {
      const term = foldWord(word);
      // Only the last word of `foo-bar*` carries the prefix star.
      const isPrefix = prefix && index === words.length - 1;
      terms.set(`${term}${isPrefix ? '*' : ''}`, { term, prefix: isPrefix });
    });
  }
  return [...terms.values()];
}

/**
 * Where a query's words occur in a text, as highlights over the original (unfolded) text. The
 * text is folded character by character, keeping each folded character's original offsets, so
 * `juarez` marks exactly `Juárez` even though folding changed the length.
 */
export function findMatches(text: string, query: string): Highlight[] {
  const terms = queryTerms(query);
  if (terms.length === 0 || text.length === 0) return [];

  let folded = '';
  const startOf: number[] = [];
  const endOf: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldWord(char);
    for (let i = 0; i < piece.length; i++) {
      startOf.push(offset);
      endOf.push(offset + char.length);
    }
    folded += piece;
    offset += char.length;
  }

  const highlights: Highlight[] = [];
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    const hit = terms.some((t) => (t.prefix ? word.startsWith(t.term) : word === t.term));
    if (!hit) continue;
    const first = match.index;
    const last = first + word.length - 1;
    highlights.push({ start: startOf[first]!, end: endOf[last]!, kind: 'match' });
  }
  return highlights;
}
