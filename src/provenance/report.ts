import { ownCopy } from '../core/index.js';
import { alignPassages, type AlignedPassage } from './align.js';
import { PassageSightings, type DatedOccurrence, type SpannedCluster } from './cluster.js';
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

/**
 * A report whose pairs need not be held: read once, in order, as a store records them. The pairs
 * of a million e-mails are gigabytes as objects; the reuse thread hands them over in a file, and
 * they are read back one at a time as they are written to the store.
 */
export interface StreamedReuseReport {
  pairs: Iterable<ReusePair>;
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
 * keeps the pairs that really share a passage or are near-duplicates, or hands each to `onPair`
 * as it is found and keeps none. `report` then groups the passages across documents, cutting each
 * group's text from its document read again. Texts are not kept beyond the last pair's two.
 */
export class ReuseVerifier {
  private readonly pairs: ReusePair[] = [];
  private readonly sightings = new PassageSightings();
  private readonly recent: Array<{ id: string; text: PreparedText }> = [];

  constructor(
    private readonly options: ResolvedReuseOptions,
    private readonly prepare: (text: string) => PreparedText,
    private readonly dateOf: (id: string) => string | null,
    private readonly onPair?: (pair: ReusePair) => void,
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
    for (const p of passages) {
      this.sightings.add(
        { documentId: a, start: p.aStart, end: p.aEnd },
        { documentId: b, start: p.bStart, end: p.bEnd },
        p.words,
      );
    }
    if (this.onPair) this.onPair(pair);
    else this.pairs.push(pair);
    return pair;
  }

  /**
   * The pairs kept (none when they went to `onPair`) and the passage groups, each group's text
   * cut from `getText` of its earliest document, which must be the text that was checked.
   */
  report(getText: (id: string) => string): ReuseReport {
    return { pairs: this.pairs, passages: this.clusters().map((c) => withText(c, getText)) };
  }

  /** `report` for texts read asynchronously, one group at a time. */
  async reportAsync(getText: (id: string) => Promise<string>): Promise<ReuseReport> {
    const passages: PassageGroup[] = [];
    let last: { id: string; text: string } | undefined;
    for (const cluster of this.clusters()) {
      const id = cluster.textSpan.documentId;
      if (last?.id !== id) last = { id, text: await getText(id) };
      const { text } = last;
      passages.push(withText(cluster, () => text));
    }
    return { pairs: this.pairs, passages };
  }

  private clusters(): SpannedCluster[] {
    return this.sightings.clusters(this.dateOf);
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

function withText(
  { textSpan, words, occurrences }: SpannedCluster,
  getText: (id: string) => string,
): PassageGroup {
  return {
    text: ownCopy(getText(textSpan.documentId).slice(textSpan.start, textSpan.end)),
    words,
    occurrences,
  };
}
