/**
 * Turns pairwise shared passages into passage groups: one group per passage, listing every
 * document that carries it, earliest first. Five outlets reprinting one leaked e-mail become one
 * group of five occurrences, which is what circular-reporting detection needs to see.
 *
 * Occurrences are joined with union–find (Tarjan): the two sides of a pairwise passage belong
 * together, and so do overlapping spans in one document (the same passage seen from two partners,
 * trimmed a little differently by each alignment).
 */
import { DenseUnionFind, grownTo } from '../core/index.js';

export interface Occurrence {
  documentId: string;
  start: number;
  end: number;
}

export interface DatedOccurrence extends Occurrence {
  date: string | null;
}

/** A passage group before its text is read: where to cut the text from. */
export interface SpannedCluster {
  /**
   * Where the passage is printed in the earliest occurrence: its longest alignment there, when
   * several partners' alignments overlap in that document.
   */
  textSpan: Occurrence;
  /** The most matching words any pairwise alignment in the group found. */
  words: number;
  /** Occurrences ordered by date (undated last), then document id, then position. */
  occurrences: DatedOccurrence[];
}

/**
 * Both sides of every pairwise passage, as numbers in typed arrays: no texts (a group's text is cut
 * from its document once the groups are known) and no object per sighting. At 1,000,000 e-mails
 * the sightings as objects, each side with a copy of its text, were most of the reuse search's
 * heap.
 */
export class PassageSightings {
  private readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** Sighting 2k is link k's first side, 2k + 1 its second. */
  private documents = new Uint32Array(1024);
  private starts = new Uint32Array(1024);
  private ends = new Uint32Array(1024);
  /** Per link. */
  private words = new Uint32Array(512);
  private count = 0;

  /** Records that `a`'s span and `b`'s span carry one passage of `words` matching words. */
  add(a: Occurrence, b: Occurrence, words: number): void {
    if (this.count + 2 > this.documents.length) {
      this.documents = grownTo(this.documents, this.count + 2);
      this.starts = grownTo(this.starts, this.count + 2);
      this.ends = grownTo(this.ends, this.count + 2);
    }
    const link = this.count / 2;
    if (link === this.words.length) this.words = grownTo(this.words, link + 1);
    this.words[link] = words;
    for (const side of [a, b]) {
      this.documents[this.count] = this.numberOf(side.documentId);
      this.starts[this.count] = side.start;
      this.ends[this.count] = side.end;
      this.count += 1;
    }
  }

  get size(): number {
    return this.count;
  }

  /** Every passage group, earliest first by its first occurrence. */
  clusters(dateOf: (documentId: string) => string | null): SpannedCluster[] {
    const sets = new DenseUnionFind();
    for (let i = 0; i < this.count; i += 1) sets.add();
    for (let i = 0; i < this.count; i += 2) sets.union(i, i + 1);
    this.unionOverlapsWithinDocuments(sets);

    const roots = new Uint32Array(this.count);
    for (let i = 0; i < this.count; i += 1) roots[i] = sets.find(i);
    const { documents, starts } = this;
    // Members of one group together, and within a group each document's sightings by position.
    const order = this.sightingOrder(
      (x, y) => roots[x]! - roots[y]! || documents[x]! - documents[y]! || starts[x]! - starts[y]!,
    );
    const clusters: SpannedCluster[] = [];
    for (let from = 0; from < order.length;) {
      let to = from + 1;
      while (to < order.length && roots[order[to]!] === roots[order[from]!]) to += 1;
      clusters.push(this.cluster(order.subarray(from, to), dateOf));
      from = to;
    }
    return clusters.sort((x, y) => byDateThenId(x.occurrences[0]!, y.occurrences[0]!));
  }

  /** Overlapping spans in one document are one occurrence of one passage. */
  private unionOverlapsWithinDocuments(sets: DenseUnionFind): void {
    const { documents, starts, ends } = this;
    const order = this.sightingOrder(
      (x, y) => documents[x]! - documents[y]! || starts[x]! - starts[y]!,
    );
    let reach = -1;
    let reacher = -1;
    for (let k = 0; k < order.length; k += 1) {
      const i = order[k]!;
      if (k > 0 && documents[i] !== documents[order[k - 1]!]) reach = -1;
      if (starts[i]! < reach) sets.union(i, reacher);
      if (ends[i]! > reach) {
        reach = ends[i]!;
        reacher = i;
      }
    }
  }

  /**
   * One group from its members, sorted by document and position: each document's overlapping
   * spans merged into their union, keeping the longest sighting's span for the text.
   */
  private cluster(
    members: Uint32Array,
    dateOf: (documentId: string) => string | null,
  ): SpannedCluster {
    const merged: Array<{ span: DatedOccurrence; longest: Occurrence }> = [];
    let words = 0;
    for (const i of members) {
      words = Math.max(words, this.words[i >> 1]!);
      const documentId = this.ids[this.documents[i]!]!;
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      const last = merged[merged.length - 1];
      if (last && last.span.documentId === documentId && start < last.span.end) {
        last.span.end = Math.max(last.span.end, end);
        if (end - start > last.longest.end - last.longest.start) {
          last.longest = { documentId, start, end };
        }
      } else {
        merged.push({
          span: { documentId, start, end, date: dateOf(documentId) },
          longest: { documentId, start, end },
        });
      }
    }
    merged.sort((x, y) => byDateThenId(x.span, y.span));
    return { textSpan: merged[0]!.longest, words, occurrences: merged.map((m) => m.span) };
  }

  /** Sighting numbers in the order `compare` gives, ties by number (a stable sort). */
  private sightingOrder(compare: (x: number, y: number) => number): Uint32Array {
    const order = new Uint32Array(this.count);
    for (let i = 0; i < this.count; i += 1) order[i] = i;
    return order.sort((x, y) => compare(x, y) || x - y);
  }

  private numberOf(documentId: string): number {
    let number = this.numbers.get(documentId);
    if (number === undefined) {
      number = this.ids.length;
      this.ids.push(documentId);
      this.numbers.set(documentId, number);
    }
    return number;
  }
}

/** Earliest first; undated documents after dated ones; then by id and position for stability. */
export function byDateThenId(x: DatedOccurrence, y: DatedOccurrence): number {
  if (x.date !== y.date) {
    if (x.date === null) return 1;
    if (y.date === null) return -1;
    return compareText(x.date, y.date);
  }
  return compareText(x.documentId, y.documentId) || x.start - y.start;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
