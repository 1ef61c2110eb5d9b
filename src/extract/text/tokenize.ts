import { foldAccents } from '../../core/index.js';
import { wrappedParagraphs } from './spans.js';

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
  /**
   * A line break separates it from the previous token. A soft break of hard-wrapped text (a line
   * broken only because the next word did not fit: spans.ts, `wrappedParagraphs`) does not count:
   * "dijo Sebastián⏎Beltrán Quintero" is one name and one sentence.
   */
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
  const n = text.length;
  const isHardBreak = hardBreaks(text);
  let previousEnd = 0;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 32 || (c >= 9 && c <= 13)) {
      p++;
      continue;
    }
    // ASCII text is cut by hand; TOKEN_PATTERN decides wherever a non-ASCII character might
    // change the answer, so the tokens are exactly the pattern's matches either way
    let start = p;
    let end = c < 128 ? asciiTokenEnd(text, p) : -1;
    if (end < 0) {
      TOKEN_PATTERN.lastIndex = p;
      const match = TOKEN_PATTERN.exec(text);
      if (!match) break;
      start = match.index;
      end = start + match[0].length;
    }
    let newlineBefore = tokens.length === 0;
    for (let k = previousEnd; k < start && !newlineBefore; k++)
      if (text.charCodeAt(k) === 10 && isHardBreak(k)) newlineBefore = true;
    const spaceBefore = start > previousEnd;
    // Split a possessive off its word: "Mexico’s" → "Mexico", "’s".
    if (
      end - start > 3 &&
      text.charCodeAt(end - 1) === 115 /* s */ &&
      isApostrophe(text.charCodeAt(end - 2))
    ) {
      push(tokens, text.slice(start, end - 2), start, newlineBefore, spaceBefore);
      push(tokens, text.slice(end - 2, end), end - 2, false, false);
    } else {
      push(tokens, text.slice(start, end), start, newlineBefore, spaceBefore);
    }
    previousEnd = end;
    p = end;
  }
  markSentenceStarts(tokens);
  return tokens;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Where TOKEN_PATTERN's match at `p` (a printable or control ASCII character, not white space)
 * ends, read from character codes; -1 when a non-ASCII character could decide it (a letter, a
 * mark or the curly apostrophe), for the pattern itself to answer.
 */
function asciiTokenEnd(text: string, p: number): number {
  const n = text.length;
  const c = text.charCodeAt(p);
  if (isAsciiLetter(c)) {
    // (?:\p{L}{1,3}\.){2,}: groups of one to three letters and a full stop
    let q = p;
    let groups = 0;
    for (;;) {
      let k = q;
      while (k < n && k - q <= 3) {
        const d = text.charCodeAt(k);
        if (isAsciiLetter(d)) k++;
        else if (d >= 128) return -1;
        else break;
      }
      const letters = k - q;
      if (letters < 1 || letters > 3 || text.charCodeAt(k) !== 46) break;
      groups++;
      q = k + 1;
    }
    if (groups >= 2) return q;
    // \p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*)*
    let k = p + 1;
    for (;;) {
      while (k < n) {
        const d = text.charCodeAt(k);
        if (isAsciiLetter(d) || isDigit(d)) k++;
        else if (d >= 128) return -1;
        else break;
      }
      if (text.charCodeAt(k) !== 39) return k;
      const next = text.charCodeAt(k + 1);
      if (isAsciiLetter(next)) k += 2;
      else if (next >= 128) return -1;
      else return k;
    }
  }
  if (isDigit(c)) {
    // \d+(?:[.,]\d+)*(?:st|nd|rd|th|º|°)?
    let k = p + 1;
    while (isDigit(text.charCodeAt(k))) k++;
    for (;;) {
      const d = text.charCodeAt(k);
      if ((d === 46 || d === 44) && isDigit(text.charCodeAt(k + 1))) {
        k += 2;
        while (isDigit(text.charCodeAt(k))) k++;
      } else break;
    }
    const s0 = text.charCodeAt(k);
    const s1 = text.charCodeAt(k + 1);
    if (
      (s0 === 115 && s1 === 116) || // st
      (s0 === 110 && s1 === 100) || // nd
      (s0 === 114 && s1 === 100) || // rd
      (s0 === 116 && s1 === 104) // th
    )
      return k + 2;
    if (s0 === 0xba || s0 === 0xb0) return k + 1; // º °
    return k;
  }
  return p + 1; // \S: one character
}

function isApostrophe(code: number): boolean {
  return code === 39 /* ' */ || code === 0x2019; /* ’ */
}

const ABBREVIATION = /^(?:\p{L}{1,3}\.){2,}$/u;

function push(
  tokens: Token[],
  raw: string,
  start: number,
  newlineBefore: boolean,
  spaceBefore: boolean,
): void {
  // Most tokens are printable ASCII, where "letter" is [A-Za-z] and folding is lower-casing: read
  // them by character codes instead of Unicode regular expressions (the same answers, ~5x faster).
  let upper = 0;
  let lower = 0;
  let ascii = true;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c < 0x20 || c > 0x7e) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  // an abbreviation always ends in a full stop, which no word or number token does
  const abbreviation = raw.charCodeAt(raw.length - 1) === 46 && ABBREVIATION.test(raw);
  let isLetter: boolean;
  let capitalized: boolean;
  let allCaps: boolean;
  let fold: string;
  if (ascii) {
    const c0 = raw.charCodeAt(0);
    const c0Upper = c0 >= 65 && c0 <= 90;
    isLetter = c0Upper || (c0 >= 97 && c0 <= 122);
    capitalized = c0Upper;
    allCaps = isLetter && upper + lower >= 2 && lower === 0;
    fold = raw.toLowerCase();
  } else {
    const first = raw.charAt(0);
    isLetter = /\p{L}/u.test(first);
    const letters = isLetter ? raw.replace(/[^\p{L}]/gu, '') : '';
    capitalized = isLetter && first !== first.toLowerCase();
    allCaps =
      letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    fold = foldToken(raw);
  }
  const kind: TokenKind = abbreviation
    ? 'abbr'
    : isLetter
      ? 'word'
      : /^\d/.test(raw)
        ? 'number'
        : 'punct';
  tokens.push({
    index: tokens.length,
    start,
    end: start + raw.length,
    text: raw,
    fold,
    kind,
    capitalized,
    allCaps,
    newlineBefore,
    spaceBefore,
    sentenceStart: false,
  });
}

/**
 * Whether the line break at an offset ends a paragraph or a line that stands alone, rather than
 * continuing a wrapped paragraph. Asked in increasing order of offset.
 */
function hardBreaks(text: string): (offset: number) => boolean {
  const spans = wrappedParagraphs(text);
  let at = 0;
  return (offset) => {
    while (at < spans.length && spans[at]![1] <= offset) at++;
    const span = spans[at];
    return !(span && span[0] < offset);
  };
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
