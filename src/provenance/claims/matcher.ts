import type { ResolvedTraceOptions } from './options.js';
import type { Statement } from './statements.js';

/**
 * Finds statements that say the same words — the same quotation re-printed, trimmed, extended or
 * re-punctuated — without comparing all pairs. Every statement's shingle keys go into postings;
 * each statement then looks up only its `anchors` smallest keys (a bottom-k sketch, Broder 1997):
 * if A's words are contained in B's, A's anchors are all B's keys, and two copies sharing a long
 * run almost surely share one. Candidates are verified on the full key sets.
 *
 * Cost: O(total words) to index, O(statements × anchors × maxPostings) to query: a quotation that
 * thousands of outlets ran links every copy to the first `maxPostings` carriers, which is enough
 * for union–find to gather them all.
 */
export function matchStatements(
  statements: readonly Statement[],
  options: ResolvedTraceOptions,
  onMatch: (a: number, b: number) => void,
  /** True when a and b are already known to match (through others): no need to verify again. */
  joined: (a: number, b: number) => boolean = () => false,
): void {
  const postings = new Map<number, number[]>();
  for (const statement of statements) {
    for (const key of statement.keys) {
      const list = postings.get(key);
      if (list) list.push(statement.index);
      else postings.set(key, [statement.index]);
    }
  }
  const byIndex = new Map(statements.map((s) => [s.index, s]));
  for (const statement of statements) {
    if (statement.keys.size === 0) continue;
    const checked = new Set<number>([statement.index]);
    for (const anchor of bottomK(statement.keys, options.anchors)) {
      const list = postings.get(anchor)!;
      const limit = Math.min(list.length, options.maxPostings);
      for (let i = 0; i < limit; i += 1) {
        const other = list[i]!;
        if (checked.has(other)) continue;
        checked.add(other);
        if (joined(statement.index, other)) continue;
        if (sameWords(statement.keys, byIndex.get(other)!.keys, options)) {
          onMatch(statement.index, other);
        }
      }
    }
  }
}

/**
 * Same words when the shorter statement is mostly inside the longer (a trimmed quote), or when the
 * two share a long verbatim run whatever their lengths (one outlet quotes a sentence, another
 * splices it into a longer paraphrase).
 */
export function sameWords(
  a: ReadonlySet<number>,
  b: ReadonlySet<number>,
  options: ResolvedTraceOptions,
): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const key of small) if (large.has(key)) shared += 1;
  return shared >= options.minSharedShingles || shared / small.size >= options.minContainment;
}

function bottomK(keys: ReadonlySet<number>, k: number): number[] {
  const all = [...keys];
  if (all.length <= k) return all;
  return all.sort((x, y) => x - y).slice(0, k);
}
