/**
 * Counts how often each unordered pair of document numbers is seen, without a Map of objects:
 * a pair is packed into one double (lower · 2²⁶ + higher, exact below 2⁵³), appended to a growing
 * Float64Array, and counted by sorting, which V8 does natively for typed arrays.
 */
export const MAX_DOCUMENTS = 2 ** 26;

export interface CountedPair {
  a: number;
  b: number;
  count: number;
}

export class PairCounter {
  private keys = new Float64Array(1024);
  private length = 0;

  add(x: number, y: number): void {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    if (this.length === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.length++] = a * MAX_DOCUMENTS + b;
  }

  /** Distinct pairs seen at least `minCount` times, ordered by (a, b). */
  counted(minCount = 1): CountedPair[] {
    const keys = this.keys.subarray(0, this.length).sort();
    const pairs: CountedPair[] = [];
    let i = 0;
    while (i < keys.length) {
      let j = i + 1;
      while (j < keys.length && keys[j] === keys[i]) j += 1;
      if (j - i >= minCount) {
        const key = keys[i]!;
        const a = Math.floor(key / MAX_DOCUMENTS);
        pairs.push({ a, b: key - a * MAX_DOCUMENTS, count: j - i });
      }
      i = j;
    }
    return pairs;
  }
}
