import { grownTo } from '../../core/index.js';

/**
 * Pairs of statement indices in two flat growable arrays: a statement that reprints a popular
 * quote is found with it hundreds of times, and an object per pair would cost ten times more.
 */
export class PairList {
  private firsts = new Int32Array(1 << 12);
  private seconds = new Int32Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  first(i: number): number {
    return this.firsts[i]!;
  }

  second(i: number): number {
    return this.seconds[i]!;
  }

  push(first: number, second: number): void {
    if (this.count === this.firsts.length) {
      this.firsts = grownTo(this.firsts, this.count + 1);
      this.seconds = grownTo(this.seconds, this.count + 1);
    }
    this.firsts[this.count] = first;
    this.seconds[this.count] = second;
    this.count += 1;
  }
}
