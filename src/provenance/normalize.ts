import { foldAccents } from '../core/index.js';

/**
 * Reuse tokens: the words of a text as they are compared for re-use, each with its character span
 * in the original text so that a match can be shown (and highlighted) where it really is.
 */
export interface ReuseTokens {
  /** Folded words: lower case, accents and inner punctuation removed ("Juárez" → "juarez"). */
  readonly words: readonly string[];
  /** Character offset of each word's first character in the original text. */
  readonly starts: Uint32Array;
  /** Character offset just past each word's last character in the original text. */
  readonly ends: Uint32Array;
}

export interface NormalizeOptions {
  /**
   * Longest bracketed insertion ("[Juárez]", "[the Juárez cartel]") dropped for matching, in
   * characters. Longer bracketed runs are more likely real text (a table, a footnote) than an
   * editor's gloss, so they are kept.
   */
  maxBracketChars?: number;
}

const DEFAULT_MAX_BRACKET_CHARS = 120;

/**
 * A word is a run of letters (with their combining marks) and digits, optionally joined by inner
 * apostrophes ("don’t"). Dotted initialisms ("U.S.", "e.g.") are one word, so that "U.S." and "US"
 * compare equal. Everything else — quotation marks, commas, dashes, ellipses — separates words and
 * is dropped, which is what makes a passage survive re-punctuation.
 */
const WORD =
  /(?:\p{L}\p{M}*\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/** What gets removed from a word once it is found: accents are folded separately. */
const INNER_PUNCTUATION = /['’.]/g;

/**
 * Square-bracketed spans on one line: editors' insertions into quoted material. Reprints of a
 * leaked e-mail add, drop or change them freely ("CDJ [Juarez]", "[the Juárez cartel]"), so they
 * are invisible to matching; their characters stay inside any passage that spans them.
 */
const BRACKETED = /\[[^\][\n]*\]/g;

/** Splits `text` into folded words with offsets, skipping bracketed editorial insertions. */
export function tokenizeForReuse(text: string, options: NormalizeOptions = {}): ReuseTokens {
  const maxBracket = options.maxBracketChars ?? DEFAULT_MAX_BRACKET_CHARS;
  const skipped = bracketedSpans(text, maxBracket);
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let nextSkip = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    while (nextSkip < skipped.length && skipped[nextSkip]![1] <= start) nextSkip += 1;
    const span = skipped[nextSkip];
    if (span && span[0] <= start) continue;
    words.push(foldWord(match[0]));
    starts.push(start);
    ends.push(start + match[0].length);
  }
  return { words, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** Case, accents and inner punctuation folded: "U.S." → "us", "Juárez" → "juarez". */
export function foldWord(word: string): string {
  // Fast path: most words in most corpora are plain ASCII letters, and NFD folding is the slow part.
  const folded = MAYBE_ACCENTED.test(word) ? foldAccents(word) : word;
  const lower = folded.toLowerCase();
  return HAS_INNER_PUNCTUATION.test(lower) ? lower.replace(INNER_PUNCTUATION, '') : lower;
}

/** Anything beyond ASCII letters, digits, "'" and "." may carry an accent worth folding. */
const MAYBE_ACCENTED = /[^\w'.]/;
const HAS_INNER_PUNCTUATION = /['’.]/;

/** [start, end) spans of bracketed insertions no longer than `maxChars`, in text order. */
function bracketedSpans(text: string, maxChars: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(BRACKETED)) {
    if (match[0].length <= maxChars) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}
