import type { PassageLink } from './statements.js';

/**
 * Joins statements of different documents that sit at the same place in one reused passage: the
 * quote 001 prints inside MX1's e-mail and the same stretch of 003's unmarked block quotation.
 * Places are compared as fractions of each occurrence's length — the copies differ only by
 * brackets and punctuation, so proportional positions line up — and must overlap by at least
 * `minOverlap` of the shorter span, so that two different quotes inside one long reprinted article
 * are not merged just because the article was copied whole.
 *
 * A passage thousands of documents reprint whole gives thousands of links at one place, [0, 1]:
 * comparing them pair by pair took a third of the trace at 100,000 e-mails. Links are compared by
 * place instead (`joinPlaces`), which joins the same statements.
 */
export function joinWithinPassages(
  links: readonly PassageLink[],
  onJoin: (a: number, b: number) => void,
  minOverlap = 0.3,
): void {
  const byGroup = new Map<number, PassageLink[]>();
  for (const link of links) {
    const list = byGroup.get(link.group);
    if (list) list.push(link);
    else byGroup.set(link.group, [link]);
  }
  for (const group of byGroup.values()) {
    // With a threshold of 0 or less, an empty span joins or not depending on which comes first,
    // which places cannot tell: compare the links pair by pair.
    if (minOverlap > 0) joinPlaces(group, onJoin, minOverlap);
    else joinPairs(group, onJoin, minOverlap);
  }
}

/** Whether a link at `a` and one at `b` (b.lo ≥ a.lo) overlap enough to be joined. */
function overlapping(
  a: { lo: number; hi: number },
  b: { lo: number; hi: number },
  minOverlap: number,
): boolean {
  if (!(b.lo < a.hi)) return false;
  const overlap = Math.min(a.hi, b.hi) - b.lo;
  const shorter = Math.max(1e-9, Math.min(a.hi - a.lo, b.hi - b.lo));
  return overlap / shorter >= minOverlap;
}

/** Every pair of one passage's links, by position: quadratic when many share a place. */
function joinPairs(
  group: PassageLink[],
  onJoin: (a: number, b: number) => void,
  minOverlap: number,
): void {
  group.sort((x, y) => x.lo - y.lo);
  for (let i = 0; i < group.length; i += 1) {
    const a = group[i]!;
    for (let j = i + 1; j < group.length && group[j]!.lo < a.hi; j += 1) {
      const b = group[j]!;
      if (b.documentId === a.documentId) continue;
      if (overlapping(a, b, minOverlap)) onJoin(a.statement, b.statement);
    }
  }
}

/** One document's links at one place of a passage: they have the same partners, so they join together. */
interface Spot {
  documentId: string;
  statements: number[];
  joined: boolean;
}

/** The links at one place [lo, hi) of a passage, by document. */
interface Place {
  lo: number;
  hi: number;
  spots: Spot[];
  /** Its spots are partners of one another (two documents or more, a place overlapping itself). */
  whole: boolean;
}

/**
 * The same joins as `joinPairs`, with places compared instead of links. Two links are joined when
 * their places overlap enough and their documents differ; with a positive threshold, whether two
 * places overlap enough does not depend on which comes first, so a link's partners depend only on
 * its place and document (its spot). Hence:
 * - links of one spot have the same partners: once the spot has any, they are all joined;
 * - within a place overlapping itself, spots of different documents are all partners;
 * - between two overlapping places with p and q spots, spots are partners unless they are the same
 *   document's: joining each spot to its partners among the other place's first two spots
 *   connects what the complete p × q pairing, less the same-document pairs, connects. (If p or
 *   q is 1 that is every partner. Otherwise the first two spots of each place are joined to all
 *   their partners among one another, and any other spot has a partner among those two, since at
 *   most one spot of a place is its own document's.)
 * - a whole place (all its spots partners of one another) has two spots or more, so every spot of
 *   an overlapping place has a partner in it: only that place's spots need joining to it, and
 *   between two whole places one join does.
 */
function joinPlaces(
  group: PassageLink[],
  onJoin: (a: number, b: number) => void,
  minOverlap: number,
): void {
  group.sort((x, y) => x.lo - y.lo || x.hi - y.hi);
  const places: Place[] = [];
  let spotOf = new Map<string, Spot>();
  for (const link of group) {
    let place = places.at(-1);
    if (!place || place.lo !== link.lo || place.hi !== link.hi) {
      place = { lo: link.lo, hi: link.hi, spots: [], whole: false };
      places.push(place);
      spotOf = new Map();
    }
    let spot = spotOf.get(link.documentId);
    if (!spot) {
      spot = { documentId: link.documentId, statements: [], joined: false };
      spotOf.set(link.documentId, spot);
      place.spots.push(spot);
    }
    spot.statements.push(link.statement);
  }

  const join = (x: Spot, y: Spot) => {
    for (const spot of [x, y]) {
      if (spot.joined) continue;
      spot.joined = true;
      for (const statement of spot.statements.slice(1)) onJoin(spot.statements[0]!, statement);
    }
    onJoin(x.statements[0]!, y.statements[0]!);
  };
  const joinToFirstTwo = (spots: readonly Spot[], others: readonly Spot[]) => {
    for (const spot of spots) {
      for (const other of others.slice(0, 2)) {
        if (other.documentId !== spot.documentId) join(spot, other);
      }
    }
  };

  for (const place of places) {
    place.whole = place.spots.length > 1 && overlapping(place, place, minOverlap);
    if (place.whole) for (const spot of place.spots.slice(1)) join(place.spots[0]!, spot);
  }
  for (let i = 0; i < places.length; i += 1) {
    const a = places[i]!;
    for (let j = i + 1; j < places.length && places[j]!.lo < a.hi; j += 1) {
      const b = places[j]!;
      if (!overlapping(a, b, minOverlap)) continue;
      if (a.whole && b.whole) {
        joinToFirstTwo(a.spots.slice(0, 1), b.spots);
        continue;
      }
      if (!a.whole) joinToFirstTwo(a.spots, b.spots);
      if (!b.whole) joinToFirstTwo(b.spots, a.spots);
    }
  }
}
