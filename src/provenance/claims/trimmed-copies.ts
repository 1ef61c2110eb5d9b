import type { DenseUnionFind } from '../../core/index.js';
import type { CarriedPairs } from './carried-pairs.js';
import { PairList } from './pair-list.js';
import { comparePlaces, type Place } from './places.js';

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
 */
export class TrimmedCopies {
  private readonly pairs = new PairList();

  add(shorter: number, longer: number): void {
    this.pairs.push(shorter, longer);
  }

  /** Joins every trimmed copy to its original in `sets`, and hands fragments to `carried`. */
  resolve(
    sets: DenseUnionFind,
    carried: CarriedPairs,
    placeOf: (statement: number) => Place,
    lengthOf: (statement: number) => number,
  ): void {
    // The pairs of each group of shorter statements, as the peers left the groups.
    const byGroup = new Map<number, { pairs: number[]; length: number; first: Place }>();
    for (let i = 0; i < this.pairs.size; i += 1) {
      const shorter = this.pairs.first(i);
      const root = sets.find(shorter);
      const group = byGroup.get(root);
      const statement = placeOf(shorter);
      if (!group) {
        byGroup.set(root, { pairs: [i], length: lengthOf(shorter), first: statement });
        continue;
      }
      group.pairs.push(i);
      group.length = Math.max(group.length, lengthOf(shorter));
      if (comparePlaces(statement, group.first) < 0) group.first = statement;
    }
    // Longest first; then by place, so that the outcome does not depend on reading order.
    const order = [...byGroup.values()].sort(
      (a, b) => b.length - a.length || comparePlaces(a.first, b.first),
    );
    for (const group of order) {
      let container = -1;
      for (const i of group.pairs) {
        const root = sets.find(this.pairs.second(i));
        if (root === sets.find(this.pairs.first(i))) continue;
        container = container === -1 || container === root ? root : -2;
      }
      if (container === -1) continue;
      for (const i of group.pairs) {
        if (container >= 0) sets.union(this.pairs.first(i), this.pairs.second(i));
        else carried.add(this.pairs.first(i), this.pairs.second(i));
      }
    }
  }
}
