import { grownTo } from '../../core/index.js';

/**
 * Every statement's shingle keys in one flat array (a CSR layout): statement i's keys, ascending
 * and distinct, are `keys[start(i) … end(i))`. A key is a 53-bit integer, held exactly by a
 * double. A Set per statement held each key as a boxed number in a hash table, ~50 bytes a key
 * (four million keys at 100,000 e-mails); here a key costs 8 bytes, and sorted keys make a
 * statement's bottom-k its first k and two statements' shared keys a merge.
 */
export class KeyTable {
  private data = new Float64Array(1 << 12);
  private bounds = new Uint32Array(1 << 10);
  private count = 0;

  /** Statements held: their indices are 0 … size−1, in the order they were added. */
  get size(): number {
    return this.count;
  }

  /** The flat key array; valid until the next `add`. */
  get keys(): Float64Array {
    return this.data;
  }

  start(statement: number): number {
    return this.bounds[statement]!;
  }

  end(statement: number): number {
    return this.bounds[statement + 1]!;
  }

  length(statement: number): number {
    return this.bounds[statement + 1]! - this.bounds[statement]!;
  }

  /** Appends one statement's keys (ascending, distinct) and returns its index. */
  add(keys: ArrayLike<number>): number {
    const from = this.bounds[this.count]!;
    if (from + keys.length > this.data.length) this.data = grownTo(this.data, from + keys.length);
    if (this.count + 2 > this.bounds.length) this.bounds = grownTo(this.bounds, this.count + 2);
    for (let i = 0; i < keys.length; i += 1) this.data[from + i] = keys[i]!;
    this.count += 1;
    this.bounds[this.count] = from + keys.length;
    return this.count - 1;
  }

  /**
   * Gives back the room kept for growth (up to a third of the arrays) once every statement is
   * added. The copy is no larger than the last growth was, so it adds nothing to the peak, and
   * matching then runs beside exactly-sized keys.
   */
  trim(): void {
    this.data = this.data.slice(0, this.bounds[this.count]!);
    this.bounds = this.bounds.slice(0, this.count + 1);
  }

  /**
   * Lets the keys go: once matched, a million e-mails' statements no longer need their ~50 million
   * keys (over 500 MB), and the clusters are built without them. The table is empty after.
   */
  release(): void {
    this.data = new Float64Array(0);
    this.bounds = new Uint32Array(1);
    this.count = 0;
  }

  /** Statement i's keys as a copy (for tests and debugging; the matcher reads ranges). */
  keysOf(statement: number): number[] {
    return Array.from(this.data.subarray(this.start(statement), this.end(statement)));
  }
}

/**
 * How many values two ascending, duplicate-free ranges of `keys` share, counting no further than
 * `enough`, nor once more than `maxMissing` of the shorter range's values are known not to be in
 * the longer (the count is then a lower bound). Similar lengths merge in one pass; a short range
 * against a long one (a quote against the reprinted page around it) gallops through the long one.
 */
export function sharedKeys(
  keys: Float64Array,
  aFrom: number,
  aTo: number,
  bFrom: number,
  bTo: number,
  enough: number,
  maxMissing = Number.POSITIVE_INFINITY,
): number {
  if (aTo - aFrom > bTo - bFrom) {
    return sharedKeys(keys, bFrom, bTo, aFrom, aTo, enough, maxMissing);
  }
  if ((aTo - aFrom) * 8 < bTo - bFrom) {
    return sharedByGalloping(keys, aFrom, aTo, bFrom, bTo, enough, maxMissing);
  }
  let shared = 0;
  let missing = 0;
  let i = aFrom;
  let j = bFrom;
  while (i < aTo && j < bTo) {
    const x = keys[i]!;
    const y = keys[j]!;
    if (x === y) {
      shared += 1;
      if (shared >= enough) return shared;
      i += 1;
      j += 1;
    } else if (x < y) {
      i += 1;
      missing += 1;
      if (missing > maxMissing) return shared;
    } else j += 1;
  }
  return shared;
}

/** `sharedKeys` when the first range is much the shorter: each of its keys searched in the second. */
function sharedByGalloping(
  keys: Float64Array,
  aFrom: number,
  aTo: number,
  bFrom: number,
  bTo: number,
  enough: number,
  maxMissing: number,
): number {
  let shared = 0;
  let missing = 0;
  let lo = bFrom;
  for (let i = aFrom; i < aTo && lo < bTo; i += 1) {
    const x = keys[i]!;
    // Gallop to bracket x, then binary-search the bracket: the first index with keys[index] ≥ x.
    let step = 1;
    let hi = lo;
    while (hi < bTo && keys[hi]! < x) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    if (hi > bTo) hi = bTo;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < bTo && keys[lo] === x) {
      shared += 1;
      if (shared >= enough) return shared;
      lo += 1;
    } else if (++missing > maxMissing) return shared;
  }
  return shared;
}
