import { AnchorPostings } from './anchor-postings.js';
import { sharedKeys, type KeyTable } from './key-table.js';
import type { ResolvedTraceOptions } from './options.js';

/**
 * Finds statements that say the same words — the same quotation re-printed, trimmed, extended or
 * re-punctuated — without comparing all pairs. Each statement looks up only its `anchors` smallest
 * keys (a bottom-k sketch, Broder 1997) in the postings of anchor keys: if A's words are contained
 * in B's, A's anchors are all B's keys, and two copies sharing a long run almost surely share one.
 * Candidates are verified on the full key sets.
 *
 * Cost: O(total words) to index, O(statements × anchors × maxPostings) to query: a quotation that
 * thousands of outlets ran links every copy to the first `maxPostings` carriers, which is enough
 * for union–find to gather them all. Which pairs match does not depend on the order they are
 * tried in, so neither do the clusters.
 *
 * In such a cluster most candidates are already joined, each found so by two union–find look-ups.
 * Once a whole list is known to be in one set, a later statement already in that set skips the
 * list with one check: it would have skipped every candidate in it.
 */
export function matchStatements(
  table: KeyTable,
  options: ResolvedTraceOptions,
  onMatch: (a: number, b: number) => void,
  /**
   * True when a and b are already known to match (through others): no need to verify again. It
   * must account for every match reported so far, transitively (a union–find's view), or be
   * always false.
   */
  joined: (a: number, b: number) => boolean = () => false,
): void {
  const postings = new AnchorPostings(table, options.anchors, options.maxPostings);
  const keys = table.keys;
  const list = postings.list;
  // checkedBy[other] === statement: other was already a candidate of statement (one array for
  // all statements instead of a Set each).
  const checkedBy = new Int32Array(table.size).fill(-1);
  // gatheredWith[anchor]: a statement that every statement of the anchor's list is joined with.
  const gatheredWith = new Int32Array(postings.size).fill(-1);
  for (let statement = 0; statement < table.size; statement += 1) {
    const from = table.start(statement);
    const to = table.end(statement);
    if (from === to) continue;
    checkedBy[statement] = statement;
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
        if (sameWords(table, statement, other, options)) onMatch(statement, other);
        else all = false;
      }
      if (all) gatheredWith[anchor] = statement;
    }
  }
}

/**
 * Same words when the shorter statement is mostly inside the longer (a trimmed quote), or when the
 * two share a long verbatim run whatever their lengths (one outlet quotes a sentence, another
 * splices it into a longer paraphrase).
 */
export function sameWords(
  table: KeyTable,
  a: number,
  b: number,
  options: ResolvedTraceOptions,
): boolean {
  const smaller = Math.min(table.length(a), table.length(b));
  if (smaller === 0) return false;
  const shared = sharedKeys(
    table.keys,
    table.start(a),
    table.end(a),
    table.start(b),
    table.end(b),
    options.minSharedShingles,
  );
  return shared >= options.minSharedShingles || shared / smaller >= options.minContainment;
}
