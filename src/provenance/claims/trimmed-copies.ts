import type { DenseUnionFind } from '../../core/index.js';
import type { CarriedPairs } from './carried-pairs.js';
import { PairList } from './pair-list.js';

/**
 * Statements whose words are a part of a longer statement's (the matcher's `part` relation), as
 * (shorter, longer) pairs, sorted out once the peers are joined:
 * - a group of peers contained in one other group only is a trimmed copy of it and joins it
 *   (a wire service's cut of a leaked sentence, 001's three excerpts of the e-mail 003 prints
 *   whole);
 * - a group contained in several is a fragment they share ("jamás recibió la orden de", inside
 *   six different quotes): joining it to all would chain them into one cluster, so each only
 *   carries it.
 * Which groups join depends only on the peers' groups, never on the order pairs were found in.
 */
export class TrimmedCopies {
  private readonly pairs = new PairList();

  add(shorter: number, longer: number): void {
    this.pairs.push(shorter, longer);
  }

  /** Joins every trimmed copy to its original in `sets`, and hands fragments to `carried`. */
  resolve(sets: DenseUnionFind, carried: CarriedPairs): void {
    // The one group containing each shorter group, or −1 once a second one does.
    const containerOf = new Map<number, number>();
    for (let i = 0; i < this.pairs.size; i += 1) {
      const shorter = sets.find(this.pairs.first(i));
      const longer = sets.find(this.pairs.second(i));
      if (shorter === longer) continue;
      const known = containerOf.get(shorter);
      if (known === undefined) containerOf.set(shorter, longer);
      else if (known !== longer) containerOf.set(shorter, -1);
    }
    const joins: Array<[number, number]> = [];
    for (let i = 0; i < this.pairs.size; i += 1) {
      const shorter = this.pairs.first(i);
      const longer = this.pairs.second(i);
      const container = containerOf.get(sets.find(shorter));
      if (container === undefined) continue;
      if (container === sets.find(longer)) joins.push([shorter, longer]);
      else carried.add(shorter, longer);
    }
    for (const [shorter, longer] of joins) sets.union(shorter, longer);
  }
}
