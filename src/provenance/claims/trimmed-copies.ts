import type { DenseUnionFind } from '../../core/index.js';
import type { CarriedPairs } from './carried-pairs.js';
import { IntLists } from './int-lists.js';
import { PairList } from './pair-list.js';

/**
 * Statements whose words are a part of a longer statement's (the matcher's `part` relation), as
 * (shorter, longer) pairs, sorted out once the peers are joined:
 * - a group of peers contained in one other group only is a trimmed copy of it and joins it
 *   (a wire service's cut of a leaked sentence, 001's excerpt of the e-mail 003 prints whole);
 * - a group contained in several is a fragment they share ("jamás recibió la orden de", inside
 *   six different quotes): joining it to all would chain them into one cluster, so each only
 *   carries it.
 * Longer groups are settled first, so that a cut of a cut (the Wire's of the Courier's of the
 * Ledger's) finds the two it is in already one.
 *
 * The groups are kept in flat arrays and places are compared without making objects: a map of an
 * object per group (a list, a place) and a place made for every pair were millions of objects at
 * 1,000,000 e-mails, in the minute after matching, where the trace's memory peaks.
 */
export class TrimmedCopies {
  private readonly pairs = new PairList();

  add(shorter: number, longer: number): void {
    this.pairs.push(shorter, longer);
  }

  /**
   * Joins every trimmed copy to its original in `sets`, and hands fragments to `carried`.
   * `statements` is how many there are (their numbers are below it); `compareStatements` orders
   * them by where their words are, independently of reading order.
   */
  resolve(
    sets: DenseUnionFind,
    carried: CarriedPairs,
    statements: number,
    compareStatements: (a: number, b: number) => number,
    lengthOf: (statement: number) => number,
  ): void {
    const { pairs } = this;
    // The group of each pair's shorter statement, as the peers left the groups, numbered in the
    // order the groups first appear among the pairs.
    const groupOfRoot = new Int32Array(statements).fill(-1);
    const groupOf = new Uint32Array(pairs.size);
    let groups = 0;
    for (let i = 0; i < pairs.size; i += 1) {
      const root = sets.find(pairs.first(i));
      if (groupOfRoot[root] === -1) groupOfRoot[root] = groups++;
      groupOf[i] = groupOfRoot[root]!;
    }
    // Each group's longest shorter statement, and its first by place; its pairs in pair order.
    const length = new Uint32Array(groups);
    const first = new Int32Array(groups).fill(-1);
    for (let i = 0; i < pairs.size; i += 1) {
      const group = groupOf[i]!;
      const shorter = pairs.first(i);
      length[group] = Math.max(length[group]!, lengthOf(shorter));
      if (first[group] === -1 || compareStatements(shorter, first[group]!) < 0) {
        first[group] = shorter;
      }
    }
    const pairsOf = IntLists.build(
      groups,
      pairs.size,
      (i) => groupOf[i]!,
      (i) => i,
    );

    // Longest first; then by place, so that the outcome does not depend on reading order; then
    // in order of first appearance, as a stable sort of the groups would leave them.
    const order = Uint32Array.from({ length: groups }, (_, g) => g).sort(
      (a, b) => length[b]! - length[a]! || compareStatements(first[a]!, first[b]!) || a - b,
    );
    for (const group of order) {
      const groupPairs = pairsOf.of(group);
      let container = -1;
      for (const i of groupPairs) {
        const root = sets.find(pairs.second(i));
        if (root === sets.find(pairs.first(i))) continue;
        container = container === -1 || container === root ? root : -2;
      }
      if (container === -1) continue;
      for (const i of groupPairs) {
        if (container >= 0) sets.union(pairs.first(i), pairs.second(i));
        else carried.add(pairs.first(i), pairs.second(i));
      }
    }
  }
}
