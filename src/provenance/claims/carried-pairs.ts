import { IntLists } from './int-lists.js';
import type { KeyTable } from './key-table.js';
import { PairList } from './pair-list.js';
import type { MemberKind } from './types.js';

/**
 * Which statements carry which, as (carried, carrier) pairs: the carrier joins the carried
 * statement's cluster as a member without merging its own cluster into it, so one reprinted
 * e-mail quoting two people does not make their words one claim.
 */
export class CarriedPairs {
  private readonly pairs = new PairList();

  constructor(
    private readonly kindOf: (statement: number) => MemberKind,
    private readonly keys: KeyTable,
  ) {}

  /**
   * Records that a and b say the same words at different lengths: the longer carries the shorter.
   * Of equal lengths, each carries the other. An unmarked reprint inside somebody's quote or claim
   * carries that quote too: its own cluster, reprints only, is not reported.
   */
  add(a: number, b: number): void {
    const lengthA = this.keys.length(a);
    const lengthB = this.keys.length(b);
    const [short, long] = lengthA <= lengthB ? [a, b] : [b, a];
    this.pairs.push(short, long);
    if (
      lengthA === lengthB ||
      (this.kindOf(short) === 'reprint' && this.kindOf(long) !== 'reprint')
    ) {
      this.pairs.push(long, short);
    }
  }

  /** Records that a and b each carry part of the other's words. */
  addMutual(a: number, b: number): void {
    this.pairs.push(a, b);
    this.pairs.push(b, a);
  }

  /**
   * The carriers of each cluster, by the cluster's root (a statement number below `statements`),
   * each once, ascending, leaving out the cluster's own members.
   */
  byCluster(statements: number, rootOf: (statement: number) => number): IntLists {
    // Each pair's cluster, found once: -1 where the carrier is a member of it.
    const roots = new Int32Array(this.pairs.size);
    for (let i = 0; i < this.pairs.size; i += 1) {
      const root = rootOf(this.pairs.first(i));
      roots[i] = rootOf(this.pairs.second(i)) === root ? -1 : root;
    }
    return IntLists.build(
      statements,
      this.pairs.size,
      (i) => roots[i]!,
      (i) => this.pairs.second(i),
      { sortedUnique: true },
    );
  }
}
