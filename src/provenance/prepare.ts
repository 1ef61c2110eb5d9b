import { hashShingles, hashWords, type ShingleHashes } from './hash.js';
import { tokenizeForReuse, type NormalizeOptions, type ReuseTokens } from './normalize.js';

/** A text tokenised and hashed once, ready for fingerprinting, alignment and similarity. */
export interface PreparedText {
  readonly text: string;
  readonly tokens: ReuseTokens;
  readonly wordHashes: Uint32Array;
  /** Hashes of every `shingleWords`-word shingle; index i starts at word i. */
  readonly shingles: ShingleHashes;
}

export function prepareText(
  text: string,
  shingleWords: number,
  options: NormalizeOptions = {},
): PreparedText {
  const tokens = tokenizeForReuse(text, options);
  const wordHashes = hashWords(tokens.words);
  return { text, tokens, wordHashes, shingles: hashShingles(wordHashes, shingleWords) };
}
