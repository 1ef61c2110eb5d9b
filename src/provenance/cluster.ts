/**
 * Turns pairwise shared passages into passage groups: one group per passage, listing every
 * document that carries it, earliest first. Five outlets reprinting one leaked e-mail become one
 * group of five occurrences, which is what circular-reporting detection needs to see.
 *
 * Occurrences are joined with union–find (Tarjan): the two sides of a pairwise passage belong
 * together, and so do overlapping spans in one document (the same passage seen from two partners,
 * trimmed a little differently by each alignment).
 */
export interface Occurrence {
  documentId: string;
  start: number;
  end: number;
}

export interface DatedOccurrence extends Occurrence {
  date: string | null;
}

/** One side of a pairwise passage, with the passage as printed there. */
export interface Sighting extends Occurrence {
  text: string;
}

export interface PassageLink {
  a: Sighting;
  b: Sighting;
  words: number;
}

export interface PassageCluster {
  /**
   * The passage as printed in the earliest occurrence (its longest alignment there, when several
   * partners' alignments overlap in that document).
   */
  text: string;
  /** The most matching words any pairwise alignment in the group found. */
  words: number;
  /** Occurrences ordered by date (undated last), then document id, then position. */
  occurrences: DatedOccurrence[];
}

export function clusterPassages(
  links: readonly PassageLink[],
  dateOf: (documentId: string) => string | null,
): PassageCluster[] {
  const sightings: Sighting[] = [];
  const words: number[] = [];
  for (const link of links) {
    sightings.push(link.a, link.b);
    words.push(link.words, link.words);
  }
  const sets = new DisjointSets(sightings.length);
  for (let i = 0; i < sightings.length; i += 2) sets.union(i, i + 1);
  unionOverlapsWithinDocuments(sightings, sets);

  const members = new Map<number, number[]>();
  sightings.forEach((_, i) => {
    const root = sets.find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  const clusters: PassageCluster[] = [];
  for (const list of members.values()) {
    const occurrences = mergeSpans(list.map((i) => sightings[i]!))
      .map(({ span, text }) => ({ span: { ...span, date: dateOf(span.documentId) }, text }))
      .sort((x, y) => byDateThenId(x.span, y.span));
    clusters.push({
      text: occurrences[0]!.text,
      words: list.reduce((most, i) => Math.max(most, words[i]!), 0),
      occurrences: occurrences.map((o) => o.span),
    });
  }
  return clusters.sort((x, y) => byDateThenId(x.occurrences[0]!, y.occurrences[0]!));
}

/** Overlapping spans in one document are one occurrence of one passage. */
function unionOverlapsWithinDocuments(sightings: Sighting[], sets: DisjointSets): void {
  const byDocument = new Map<string, number[]>();
  sightings.forEach((o, i) => {
    const list = byDocument.get(o.documentId);
    if (list) list.push(i);
    else byDocument.set(o.documentId, [i]);
  });
  for (const list of byDocument.values()) {
    list.sort((x, y) => sightings[x]!.start - sightings[y]!.start);
    let reach = -1;
    let reacher = -1;
    for (const i of list) {
      if (sightings[i]!.start < reach) sets.union(i, reacher);
      if (sightings[i]!.end > reach) {
        reach = sightings[i]!.end;
        reacher = i;
      }
    }
  }
}

/** Overlapping spans of a document merged into their union, keeping the longest sighting's text. */
function mergeSpans(sightings: Sighting[]): Array<{ span: Occurrence; text: string }> {
  const sorted = [...sightings].sort(
    (x, y) => compareText(x.documentId, y.documentId) || x.start - y.start,
  );
  const merged: Array<{ span: Occurrence; text: string; longest: number }> = [];
  for (const { text, ...span } of sorted) {
    const last = merged[merged.length - 1];
    const length = span.end - span.start;
    if (last && last.span.documentId === span.documentId && span.start < last.span.end) {
      last.span.end = Math.max(last.span.end, span.end);
      if (length > last.longest) Object.assign(last, { text, longest: length });
    } else merged.push({ span, text, longest: length });
  }
  return merged;
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

/** Union–find with path halving and union by smaller index (so roots are first sightings). */
class DisjointSets {
  private readonly parent: Uint32Array;

  constructor(size: number) {
    this.parent = Uint32Array.from({ length: size }, (_, i) => i);
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  }

  union(i: number, j: number): void {
    const x = this.find(i);
    const y = this.find(j);
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}
