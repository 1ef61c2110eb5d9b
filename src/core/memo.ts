import { ownCopy } from './own-copy.js';

/** Entries a memo holds before it starts again empty: bounds memory over millions of documents. */
const MEMO_LIMIT = 50_000;

/**
 * Remembers a pure function of one string. Extraction and resolution ask the same questions of
 * the same words and names in every document ("is `said` a verb?", the folded form of "Ciudad
 * Juárez"), and the answers depend only on the string. Hand-written: a dozen lines, and the memo
 * libraries on npm neither bound their size this simply nor copy their keys: keys (and answers
 * that return their input) are often slices of a document, and would keep it alive (`ownCopy`).
 */
export function memoize<T>(fn: (key: string) => T, limit = MEMO_LIMIT): (key: string) => T {
  let cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    let value = fn(key);
    if (typeof value === 'string') value = ownCopy(value) as T;
    if (cache.size >= limit) cache = new Map();
    cache.set(ownCopy(key), value);
    return value;
  };
}
