import { ownCopy } from '../core/index.js';
import { alignPassages, type AlignedPassage } from './align.js';
import { clusterPassages, type DatedOccurrence, type PassageLink } from './cluster.js';
import type { ResolvedReuseOptions } from './options.js';
import type { PreparedText } from './prepare.js';
import { exactJaccard } from './similarity.js';

export type { AlignedPassage } from './align.js';
export type { DatedOccurrence } from './cluster.js';

/** Two documents that share at least one passage or are near-duplicates as a whole. */
export interface ReusePair {
  a: string;
  b: string;
  /** Exact Jaccard similarity of the two documents' shingle sets. */
  similarity: number;
  nearDuplicate: boolean;
  /** Shared passages, in the order they appear in `a`; spans index the original texts. */
  passages: AlignedPassage[];
}

/** One passage and every document found carrying it, earliest first. */
export interface PassageGroup {
  /** The passage as printed in its earliest occurrence. */
  text: string;
  words: number;
  occurrences: DatedOccurrence[];
}

export interface ReuseReport {
  pairs: ReusePair[];
  passages: PassageGroup[];
}

/** A candidate pair, by id, as the indexes proposed it. */
export interface CandidatePair {
  a: string;
  b: string;
}

/**
 * Checks candidate pairs against the texts themselves, one pair at a time (so the caller may
 * fetch texts however it likes, synchronously or not): aligns passages, measures similarity, and
 * keeps the pairs that really share a passage or are near-duplicates. `report` then groups the
 * passages across documents. Texts are not kept beyond the last pair's two.
 */
export class ReuseVerifier {
  private readonly pairs: ReusePair[] = [];
  private readonly links: PassageLink[] = [];
  private readonly recent: Array<{ id: string; text: PreparedText }> = [];

  constructor(
    private readonly options: ResolvedReuseOptions,
    private readonly prepare: (text: string) => PreparedText,
    private readonly dateOf: (id: string) => string | null,
  ) {}

  check(a: string, textA: string, b: string, textB: string): ReusePair | null {
    const preparedA = this.prepared(a, textA);
    const preparedB = this.prepared(b, textB);
    const passages = alignPassages(preparedA, preparedB, {
      shingleWords: this.options.shingleWords,
      minWords: this.options.minPassageWords,
      maxGapWords: this.options.maxGapWords,
    });
    const similarity = exactJaccard(preparedA.shingles.primary, preparedB.shingles.primary);
    const nearDuplicate = similarity >= this.options.nearDuplicateSimilarity;
    if (passages.length === 0 && !nearDuplicate) return null;
    const pair = { a, b, similarity, nearDuplicate, passages };
    this.pairs.push(pair);
    for (const p of passages) {
      this.links.push({
        a: { documentId: a, start: p.aStart, end: p.aEnd, text: p.text },
        b: {
          documentId: b,
          start: p.bStart,
          end: p.bEnd,
          text: ownCopy(textB.slice(p.bStart, p.bEnd)),
        },
        words: p.words,
      });
    }
    return pair;
  }

  report(): ReuseReport {
    return { pairs: this.pairs, passages: clusterPassages(this.links, this.dateOf) };
  }

  /** Candidates come grouped by their first document: keep the two most recently used texts. */
  private prepared(id: string, text: string): PreparedText {
    const at = this.recent.findIndex((entry) => entry.id === id);
    const entry = at >= 0 ? this.recent.splice(at, 1)[0]! : { id, text: this.prepare(text) };
    this.recent.unshift(entry);
    if (this.recent.length > 2) this.recent.pop();
    return entry.text;
  }
}
