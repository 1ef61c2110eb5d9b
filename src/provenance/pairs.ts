/**
 * Counts how often each unordered pair of document numbers is seen, without a Map of objects:
 * a pair is packed into one double (lower · 2²⁶ + higher, exact below 2⁵³), appended to a
 * Float64Array, and counted by sorting, which V8 does natively for typed arrays.
 *
 * A corpus sees each candidate pair many times over (once per shared fingerprint or band), so
 * when the buffer fills, the appended keys are sorted and folded into the distinct pairs counted
 * so far (a sorted prefix with a parallel count array), and the buffer grows only when the
 * distinct pairs fill half of it: memory follows distinct pairs, not sightings.
 */
export const MAX_DOCUMENTS = 2 ** 26;

export interface CountedPair {
  a: number;
  b: number;
  count: number;
}

export class PairCounter {
  /** [0, folded): distinct keys, ascending, counted in `counts`; [folded, length): appended. */
  private keys = new Float64Array(1024);
  private counts = new Uint32Array(1024);
  private folded = 0;
  private length = 0;

  add(x: number, y: number): void {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    if (this.length === this.keys.length) this.makeRoom();
    this.keys[this.length++] = a * MAX_DOCUMENTS + b;
  }

  /** Distinct pairs seen at least `minCount` times, ordered by (a, b). */
  counted(minCount = 1): CountedPair[] {
    this.fold(this.keys.length);
    const pairs: CountedPair[] = [];
    for (let i = 0; i < this.folded; i += 1) {
      if (this.counts[i]! < minCount) continue;
      const key = this.keys[i]!;
      const a = Math.floor(key / MAX_DOCUMENTS);
      pairs.push({ a, b: key - a * MAX_DOCUMENTS, count: this.counts[i]! });
    }
    return pairs;
  }

  /**
   * `counted` without an object per pair: the distinct pairs and their counts in typed arrays
   * (8 + 4 bytes a pair). Millions of candidate pairs stay typed arrays; the cursor hands them out
   * one at a time, reusing one object (copy it to keep it). Unlike `counted`, this spends the
   * counter (its buffers are let go): call it last.
   */
  compacted(minCount = 1): CountedPairs {
    this.fold(this.keys.length);
    let kept = 0;
    for (let i = 0; i < this.folded; i += 1) {
      if (this.counts[i]! < minCount) continue;
      this.keys[kept] = this.keys[i]!;
      this.counts[kept] = this.counts[i]!;
      kept += 1;
    }
    const pairs = new CountedPairs(this.keys.slice(0, kept), this.counts.slice(0, kept));
    this.keys = new Float64Array(0);
    this.counts = new Uint32Array(0);
    this.folded = 0;
    this.length = 0;
    return pairs;
  }

  private makeRoom(): void {
    this.fold(this.keys.length);
    if (this.folded * 2 >= this.keys.length) this.fold(Math.max(1024, this.keys.length * 2));
  }

  /**
   * Sorts the appended keys and merges them into the counted prefix, into buffers of `capacity`
   * (the same size, or larger to grow).
   */
  private fold(capacity: number): void {
    const tail = this.keys.subarray(this.folded, this.length).sort();
    const keys = new Float64Array(capacity);
    const counts = new Uint32Array(capacity);
    let n = 0;
    let i = 0;
    let j = 0;
    while (i < this.folded || j < tail.length) {
      let key: number;
      let count = 0;
      if (j >= tail.length || (i < this.folded && this.keys[i]! <= tail[j]!)) {
        key = this.keys[i]!;
        count = this.counts[i]!;
        i += 1;
      } else key = tail[j]!;
      while (j < tail.length && tail[j] === key) {
        count += 1;
        j += 1;
      }
      keys[n] = key;
      counts[n] = count;
      n += 1;
    }
    this.keys = keys;
    this.counts = counts;
    this.folded = n;
    this.length = n;
  }
}

/** Distinct pairs and their counts, ordered by (a, b), read through a reused cursor. */
export class CountedPairs implements Iterable<CountedPair> {
  constructor(
    private readonly keys: Float64Array,
    private readonly counts: Uint32Array,
  ) {}

  get length(): number {
    return this.keys.length;
  }

  *[Symbol.iterator](): Generator<CountedPair> {
    const cursor: CountedPair = { a: 0, b: 0, count: 0 };
    for (let i = 0; i < this.keys.length; i += 1) {
      const key = this.keys[i]!;
      cursor.a = Math.floor(key / MAX_DOCUMENTS);
      cursor.b = key - cursor.a * MAX_DOCUMENTS;
      cursor.count = this.counts[i]!;
      yield cursor;
    }
  }
}
