import { NAME_CONNECTORS, ORGANIZATION_HEADS } from '../lexicon/cues.js';
import type { Token } from '../text/tokenize.js';
import type { AnalyzedWithAliases } from './analyze.js';

function isNameToken(token: Token, doc: AnalyzedWithAliases): boolean {
  if (doc.aliasAt[token.index]! >= 0) return true;
  if (token.kind === 'abbr') return true;
  return token.kind === 'word' && token.capitalized;
}

/**
 * Capitalised sequences ("Fernando de la Mora Salcedo", "Office of the Director of National
 * Intelligence", "5th Special Forces Group"), as token ranges. Connectors (of, de, de la, and…)
 * join two capitalised runs only when a capitalised word follows them; a chunk never crosses a
 * line break, a comma or a quotation mark.
 */
export function findChunks(doc: AnalyzedWithAliases): Array<[number, number]> {
  const { tokens } = doc;
  const chunks: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const ordinalStart =
      token.kind === 'number' &&
      /\d(?:st|nd|rd|th)$/.test(token.text) &&
      tokens[i + 1] &&
      isNameToken(tokens[i + 1]!, doc);
    if (!isNameToken(token, doc) && !ordinalStart) {
      i++;
      continue;
    }
    let end = i;
    let j = i + 1;
    while (j < tokens.length) {
      const next = tokens[j]!;
      if (next.newlineBefore) break;
      if (isNameToken(next, doc)) {
        end = j;
        j++;
        continue;
      }
      // hyphenated names: "In-Extremis", "Zambada-Niebla"
      if (
        (next.text === '-' || next.text === '‐') &&
        !next.spaceBefore &&
        tokens[j + 1] &&
        !tokens[j + 1]!.spaceBefore &&
        isNameToken(tokens[j + 1]!, doc)
      ) {
        end = j + 1;
        j += 2;
        continue;
      }
      // an initial: "George W. Bush"
      if (
        next.text === '.' &&
        !next.spaceBefore &&
        tokens[j - 1]!.text.length === 1 &&
        tokens[j + 1] &&
        isNameToken(tokens[j + 1]!, doc)
      ) {
        end = j;
        j++;
        continue;
      }
      // possessive before an organisation head: "Attorney General’s Office"
      if (
        /^['’]s$/.test(next.text) &&
        tokens[j + 1]?.capitalized &&
        ORGANIZATION_HEADS.has(tokens[j + 1]!.fold)
      ) {
        end = j + 1;
        j += 2;
        continue;
      }
      // connectors: "of the", "de la", "and"
      let k = j;
      while (
        k < tokens.length &&
        k - j < 3 &&
        NAME_CONNECTORS.has(tokens[k]!.fold) &&
        !tokens[k]!.capitalized &&
        !tokens[k]!.newlineBefore
      )
        k++;
      if (k > j && tokens[k] && !tokens[k]!.newlineBefore && isNameToken(tokens[k]!, doc)) {
        end = k;
        j = k + 1;
        continue;
      }
      break;
    }
    chunks.push([i, end]);
    i = end + 1;
  }
  return chunks;
}

export interface Segment {
  first: number;
  last: number;
  /** Index into doc.aliasMatches, or -1 for a plain run. */
  alias: number;
}

export function segmentsOf(doc: AnalyzedWithAliases, [first, last]: [number, number]): Segment[] {
  const segments: Segment[] = [];
  let i = first;
  while (i <= last) {
    const alias = doc.aliasAt[i]!;
    if (alias >= 0) {
      const match = doc.aliasMatches[alias]!;
      segments.push({
        first: Math.max(first, match.startToken),
        last: Math.min(last, match.endToken),
        alias,
      });
      i = match.endToken + 1;
      continue;
    }
    let j = i;
    while (j + 1 <= last && doc.aliasAt[j + 1]! < 0) j++;
    let s = i;
    let e = j;
    while (s <= e && NAME_CONNECTORS.has(doc.tokens[s]!.fold) && !doc.tokens[s]!.capitalized) s++;
    while (e >= s && NAME_CONNECTORS.has(doc.tokens[e]!.fold) && !doc.tokens[e]!.capitalized) e--;
    if (s <= e) segments.push({ first: s, last: e, alias: -1 });
    i = j + 1;
  }
  return segments;
}
