import { foldForMatch } from '../../core/index.js';
import { hashWord } from '../hash.js';

// A word with a digit in it ("600", "1:45", "$35.6"), or a capitalised word.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.,:$-]*[\p{L}\p{M}\p{N}]|[\p{L}\p{N}]/gu;
// What may precede a name inside a sentence: a word, a figure or a comma. After anything else (a
// full stop, a quotation mark, a dash, a bracket) a capital may just open a sentence or a quote.
const INSIDE_SENTENCE = /[\p{L}\p{M}\p{N},]\s*$/u;

/**
 * The words of a statement that make it a particular claim rather than another of the same
 * formula: its figures and names (words with a digit, words capitalised inside a sentence),
 * bracketed insertions left out as shingling leaves them. "At least 12 people were killed in
 * Juárez" and "At least 15 people were killed in Juárez" differ by one word, which an edit allows
 * a reprint; it is the figure, so they are two claims, and the edits the matcher allows must not
 * change these. Returned as hashes, ascending and distinct.
 *
 * A capital after anything but a word or a comma is not taken for a name: it may open a sentence
 * or a quotation, and a trimmed copy may start anywhere.
 */
export function markerKeys(text: string): Float64Array {
  const plain = text.replace(/\[[^\]]*\]/g, ' ');
  const keys: number[] = [];
  for (const match of plain.matchAll(WORD)) {
    const word = match[0];
    const at = match.index;
    const hasDigit = /\p{N}/u.test(word);
    const capitalised = /^\p{Lu}/u.test(word);
    if (!hasDigit && !capitalised) continue;
    if (!hasDigit && !INSIDE_SENTENCE.test(plain.slice(Math.max(0, at - 4), at))) continue;
    keys.push(hashWord(foldForMatch(word.replace(/[.,:]+$/u, ''))));
  }
  keys.sort((x, y) => x - y);
  return Float64Array.from(keys.filter((k, i) => i === 0 || k !== keys[i - 1]));
}

/** Whether every key of the ascending range `a` is in the ascending range `b`. */
export function isSubset(
  keys: Float64Array,
  aFrom: number,
  aTo: number,
  bFrom: number,
  bTo: number,
): boolean {
  let j = bFrom;
  for (let i = aFrom; i < aTo; i += 1) {
    while (j < bTo && keys[j]! < keys[i]!) j += 1;
    if (j === bTo || keys[j] !== keys[i]) return false;
  }
  return true;
}
