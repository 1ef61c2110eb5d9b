import { tokenize, type Token } from '../text/tokenize.js';
import { ordinaryWordAliases } from './data.js';
import { isCommonWord } from './words.js';
import type { AliasRecord } from './entries.js';

/** How a text token must be written to match the first token of an alias. */
type CaseRule = 'acronym' | 'exact' | 'capitalized' | 'any';

export interface AliasHit {
  record: AliasRecord;
  caseRule: CaseRule;
  firstText: string;
  /** One word that is also ordinary vocabulary ("Federation", "Anonymous", "Time"). */
  weak: boolean;
  tokenCount: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  hits: AliasHit[];
}

export interface AliasMatch {
  startToken: number;
  /** Inclusive. */
  endToken: number;
  hits: AliasHit[];
}

/** Tokens that a multi-word alias may skip over: "Alcohol, Tobacco, and Firearms", "Zambada-Niebla". */
const TRANSPARENT = new Set([',', '-', '‐', '–']);

function caseRuleOf(text: string): CaseRule {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 'acronym';
  if (/\p{Lu}/u.test(letters.slice(1))) return 'exact';
  if (letters && letters.charAt(0) !== letters.charAt(0).toLowerCase()) return 'capitalized';
  return 'any';
}

function caseMatches(rule: CaseRule, firstText: string, token: Token): boolean {
  switch (rule) {
    case 'acronym':
      return token.allCaps || token.kind === 'abbr' || token.text === firstText;
    case 'exact':
      return token.text === firstText || token.allCaps;
    case 'capitalized':
      return token.capitalized;
    case 'any':
      return true;
  }
}

/**
 * A token trie over every curated alias: one left-to-right pass finds the longest alias at each
 * position, so matching is linear in the document (each walk stops at the first mismatch).
 */
export class AliasTrie {
  private readonly root: TrieNode = { next: new Map(), hits: [] };

  constructor(records: AliasRecord[]) {
    for (const record of records) this.insert(record);
  }

  private insert(record: AliasRecord): void {
    const tokens = tokenize(record.alias).filter((t) => !TRANSPARENT.has(t.text));
    const first = tokens[0];
    if (!first) return;
    let node = this.root;
    for (const token of tokens) {
      let child = node.next.get(token.fold);
      if (!child) {
        child = { next: new Map(), hits: [] };
        node.next.set(token.fold, child);
      }
      node = child;
    }
    const caseRule = caseRuleOf(first.text);
    node.hits.push({
      record,
      caseRule,
      firstText: first.text,
      weak:
        tokens.length === 1 &&
        caseRule !== 'acronym' &&
        caseRule !== 'exact' &&
        (isCommonWord(first.fold) || ordinaryWordAliases.has(first.fold)),
      tokenCount: tokens.length,
    });
  }

  /** Non-overlapping longest matches, left to right. */
  matchAll(tokens: Token[]): AliasMatch[] {
    const matches: AliasMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const match = this.longestAt(tokens, i);
      if (match) {
        matches.push(match);
        i = match.endToken + 1;
      } else {
        i++;
      }
    }
    return matches;
  }

  private longestAt(tokens: Token[], start: number): AliasMatch | null {
    const first = tokens[start]!;
    if (first.kind === 'punct') return null;
    let node: TrieNode | undefined = this.root;
    let best: AliasMatch | null = null;
    let i = start;
    while (node && i < tokens.length) {
      const token: Token = tokens[i]!;
      if (i > start && token.newlineBefore) break;
      if (i > start && TRANSPARENT.has(token.text)) {
        i++;
        continue;
      }
      const child: TrieNode | undefined = node.next.get(token.fold);
      // A plural last word still names the entity: "Southern and Northern Commands".
      const singular =
        i > start && token.fold.length > 3 && token.fold.endsWith('s')
          ? node.next.get(token.fold.slice(0, -1))
          : undefined;
      if (singular && singular.hits.length > 0) {
        const hits = singular.hits.filter((h) => caseMatches(h.caseRule, h.firstText, first));
        if (hits.length > 0) best = { startToken: start, endToken: i, hits };
      }
      if (!child) break;
      if (child.hits.length > 0) {
        const hits = child.hits.filter((h) => caseMatches(h.caseRule, h.firstText, first));
        if (hits.length > 0) best = { startToken: start, endToken: i, hits };
      }
      node = child;
      i++;
    }
    return best;
  }
}
