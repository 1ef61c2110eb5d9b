import { foldAccents } from '../../core/index.js';

export type TokenKind = 'word' | 'abbr' | 'number' | 'punct';

/**
 * One token of the text. Hand-written rather than taken from wink-nlp or compromise because the
 * rules downstream need exact offsets, possessives split off ("Mexico’s" → "Mexico" + "’s"),
 * dotted abbreviations kept whole ("U.S.", "EE.UU.") and hyphens as tokens of their own, and this
 * is a single linear regex pass.
 */
export interface Token {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Lower case, accents removed, curly apostrophe made straight. */
  fold: string;
  kind: TokenKind;
  /** Starts with an upper-case letter. */
  capitalized: boolean;
  /** Two or more letters, all upper case ("DEA", "EL"). */
  allCaps: boolean;
  /** A line break separates it from the previous token. */
  newlineBefore: boolean;
  /** White space separates it from the previous token. */
  spaceBefore: boolean;
  /** First token of a sentence (after . ! ? : a line break, or the start of the text). */
  sentenceStart: boolean;
}

const TOKEN_PATTERN =
  /(?:\p{L}{1,3}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th|º|°)?|\S/gu;

/** Abbreviations after which a full stop does not end the sentence. */
const NON_TERMINAL_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'sgt',
  'capt',
  'st',
  'jr',
  'sr',
  'sra',
  'srta',
  'lic',
  'no',
  'vs',
  'inc',
  'corp',
  'co',
  'ltd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ene',
  'dic',
  'cd',
  'gral',
  'adm',
  'prof',
]);

export function foldToken(text: string): string {
  // most tokens are ASCII: skip Unicode normalisation for them
  return (/^[\x20-\x7e]*$/.test(text) ? text : foldAccents(text).replace(/’/g, "'")).toLowerCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    let raw = match[0];
    const gap = text.slice(previousEnd, start);
    // Split a possessive off its word: "Mexico’s" → "Mexico", "’s".
    const possessive = /^(.+?)(['’]s)$/u.exec(raw);
    if (possessive && possessive[1] && possessive[1].length > 1) {
      raw = possessive[1];
      push(tokens, raw, start, gap);
      push(tokens, possessive[2] ?? '', start + raw.length, '');
    } else {
      push(tokens, raw, start, gap);
    }
    previousEnd = start + match[0].length;
  }
  markSentenceStarts(tokens);
  return tokens;
}

function push(tokens: Token[], raw: string, start: number, gap: string): void {
  const first = raw.charAt(0);
  const isLetter = /\p{L}/u.test(first);
  const kind: TokenKind = /^(?:\p{L}{1,3}\.){2,}$/u.test(raw)
    ? 'abbr'
    : isLetter
      ? 'word'
      : /^\d/.test(raw)
        ? 'number'
        : 'punct';
  const letters = isLetter ? raw.replace(/[^\p{L}]/gu, '') : '';
  tokens.push({
    index: tokens.length,
    start,
    end: start + raw.length,
    text: raw,
    fold: foldToken(raw),
    kind,
    capitalized: isLetter && first !== first.toLowerCase(),
    allCaps:
      letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    newlineBefore: gap.includes('\n') || tokens.length === 0,
    spaceBefore: gap.length > 0,
    sentenceStart: false,
  });
}

const OPENERS = new Set(['"', '“', '‘', "'", '«', '(', '[', '¿', '¡', '—', '–', '-', '*', '•']);

function markSentenceStarts(tokens: Token[]): void {
  let atStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.newlineBefore) atStart = true;
    if (token.kind === 'punct' && OPENERS.has(token.text)) continue; // opening marks keep the state
    if (atStart) {
      token.sentenceStart = true;
      atStart = false;
    }
    if (token.kind === 'punct' && /^[.!?:…]$/.test(token.text)) {
      const before = tokens[i - 1];
      const initial =
        before && before.kind === 'word' && before.text.length === 1 && before.capitalized;
      const abbreviation = before && NON_TERMINAL_ABBREVIATIONS.has(before.fold);
      if (token.text !== '.' || (!initial && !abbreviation)) atStart = true;
    }
  }
}

/** The sentence containing each token, as [first token, last token] index pairs. */
export function sentenceRanges(tokens: Token[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let begin = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.sentenceStart) {
      ranges.push([begin, i - 1]);
      begin = i;
    }
  }
  return ranges;
}
