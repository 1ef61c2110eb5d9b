import { AnchorPostings } from './anchor-postings.js';
import { sharedKeys, type KeyTable } from './key-table.js';
import { isSubset } from './markers.js';
import type { ResolvedTraceOptions } from './options.js';

/**
 * Finds statements that say the same words — the same quotation re-printed, trimmed, extended or
 * re-punctuated — without comparing all pairs. Each statement looks up only its `anchors` smallest
 * keys (a bottom-k sketch, Broder 1997) in the postings of anchor keys: if A's words are contained
 * in B's, A's anchors are all B's keys (all but those a changed word broke). Candidates are verified
 * on the full key sets (`relationOf`).
 *
 * Cost: O(total words) to index, O(statements × anchors × maxPostings) to query: a quotation that
 * thousands of outlets ran links every copy to the first `maxPostings` carriers, which is enough
 * for union–find to gather them all. Which pairs match does not depend on the order they are
 * tried in; which carriers are the first `maxPostings` does depend on the order statements were
 * numbered in, that is, the order documents were read in (trace.ts).
 *
 * In such a cluster most candidates are already joined, each found so by two union–find look-ups.
 * Once a whole list is known to be in one set, a later statement already in that set skips the
 * list with one check: it would have skipped every candidate in it.
 */
export function matchStatements(
  table: KeyTable,
  options: ResolvedTraceOptions,
  onMatch: (a: number, b: number, relation: Relation) => void,
  /**
   * The set a statement is in, as a union–find of the `peers` reported so far sees it: two in one
   * set need no verifying. Without it every statement is its own set.
   */
  rootOf: (statement: number) => number = (statement) => statement,
  /** Each statement's figures and names (markers.ts); without it they are not compared. */
  markers?: KeyTable,
): void {
  const postings = new AnchorPostings(table, options.anchors, options.maxPostings);
  const keys = table.keys;
  const list = postings.list;
  const joined = (a: number, b: number) => rootOf(a) === rootOf(b);
  // checkedBy[other] === statement: other was already a candidate of statement (one array for
  // all statements instead of a Set each).
  const checkedBy = new Int32Array(table.size).fill(-1);
  // gatheredWith[anchor]: a statement that every statement of the anchor's list is joined with.
  const gatheredWith = new Int32Array(postings.size).fill(-1);
  // carriedBy[root] === statement: statement contains the words of a member of that set.
  const carriedBy = new Int32Array(table.size).fill(-1);
  for (let statement = 0; statement < table.size; statement += 1) {
    const from = table.start(statement);
    const to = table.end(statement);
    if (from === to) continue;
    checkedBy[statement] = statement;
    // A candidate shorter than this can only be carried by this statement, if anything: too short
    // to be its peer, a part of it or an overlap. Whether one member of the candidate's set is
    // carried then decides it for the whole set.
    const onlyCarried = Math.min(
      options.minSharedShingles,
      to - from - breakable(to - from, options),
      (to - from) / options.partLengthRatio,
    );
    const anchorsEnd = Math.min(to, from + options.anchors);
    for (let k = from; k < anchorsEnd; k += 1) {
      const anchor = postings.idOf(keys[k]!);
      const gathered = gatheredWith[anchor]!;
      if (gathered >= 0 && joined(statement, gathered)) continue;
      let all = true;
      const end = postings.to(anchor);
      for (let p = postings.from(anchor); p < end; p += 1) {
        const other = list[p]!;
        if (checkedBy[other] === statement) {
          if (all && other !== statement && !joined(statement, other)) all = false;
          continue;
        }
        checkedBy[other] = statement;
        if (joined(statement, other)) continue;
        const carriedAtMost = table.length(other) < onlyCarried;
        // A popular quote's hundreds of copies in one set: this statement carries them all once.
        if (carriedAtMost && carriedBy[rootOf(other)] === statement) {
          all = false;
          continue;
        }
        const relation = relationOf(table, statement, other, options, markers);
        if (relation) onMatch(statement, other, relation);
        if (relation === 'carries' && carriedAtMost) carriedBy[rootOf(other)] = statement;
        // Only peers end up joined: a list with a carrier in it is not gathered.
        if (relation !== 'peers') all = false;
      }
      if (all) gatheredWith[anchor] = statement;
    }
  }
}

/**
 * How two matching statements relate:
 * - `peers`: each contains the other's words but for the changed words allowed (`wordsPerEdit`):
 *   copies of one another, one cluster. Mutual, so that a fragment two different sentences share
 *   ("el personal nunca recibió la orden de dejar") is not a peer of both;
 * - `part`: the shorter's words are in the longer, which has more (up to `partLengthRatio` times
 *   as many): a trimmed copy of it, or a fragment several longer statements share; trace.ts
 *   tells which;
 * - `carries`: the longer is much the longer (a reprinted e-mail, a long claim around a quote) and
 *   only joins the shorter's cluster, never merging it with whatever else it carries;
 * - `overlap`: neither contains the other, but they share a long verbatim run, and it is a fair
 *   share of the shorter (`minOverlapShare`), not a stock phrase inside two long texts.
 */
export type Relation = 'peers' | 'part' | 'carries' | 'overlap';

/**
 * The relation between two statements' words, or null when they do not say the same. Containment
 * allows the few shingles a changed word breaks; a share of the shorter's shingles (60% used to be
 * the rule) let two different short quotes of one formula match — "… negotiate with anyone" and
 * "… negotiate with criminals" share five of six — and chained whole families into one cluster.
 */
export function relationOf(
  table: KeyTable,
  a: number,
  b: number,
  options: ResolvedTraceOptions,
  markers?: KeyTable,
): Relation | null {
  const lengthA = table.length(a);
  const lengthB = table.length(b);
  const shorter = Math.min(lengthA, lengthB);
  const longer = Math.max(lengthA, lengthB);
  if (shorter === 0) return null;
  const neededShorter = Math.max(1, shorter - breakable(shorter, options));
  const neededLonger = longer - breakable(longer, options);
  const overlapPossible = shorter >= options.minSharedShingles;
  const shared = sharedKeys(
    table.keys,
    table.start(a),
    table.end(a),
    table.start(b),
    table.end(b),
    Math.max(neededShorter, neededLonger <= shorter ? neededLonger : 0, options.minSharedShingles),
    // Past this many of the shorter's keys missing it is not contained, and, too short to
    // overlap, nothing: stop counting.
    overlapPossible ? shorter : shorter - neededShorter,
  );
  if (shared >= neededShorter) {
    // The words allowed to change may not be a figure or a name: "12 killed" is not "15 killed".
    const [inner, outer] = lengthA <= lengthB ? [a, b] : [b, a];
    if (markers && !markersWithin(markers, inner, outer)) return null;
    if (shared >= neededLonger && (!markers || markersWithin(markers, outer, inner))) {
      return 'peers';
    }
    return longer <= shorter * options.partLengthRatio ? 'part' : 'carries';
  }
  const overlapNeeded = Math.max(
    options.minSharedShingles,
    Math.ceil(shorter * options.minOverlapShare),
  );
  return overlapPossible && shared >= overlapNeeded ? 'overlap' : null;
}

const markersWithin = (markers: KeyTable, inner: number, outer: number): boolean =>
  isSubset(
    markers.keys,
    markers.start(inner),
    markers.end(inner),
    markers.start(outer),
    markers.end(outer),
  );

/** Shingles of a statement that its allowed changed words may break. */
function breakable(shingles: number, options: ResolvedTraceOptions): number {
  // A statement of w words has w − shingleWords + 1 shingles; a changed word breaks up to
  // shingleWords of them.
  const words = shingles + options.shingleWords - 1;
  return options.shingleWords * Math.floor(words / options.wordsPerEdit);
}
