/**
 * A list of integers for each key 0 … keys-1, in two flat arrays (a counting sort by key): a Map
 * from key to an array was three objects a key, and at 1,000,000 e-mails the statements' passage
 * groups and the clusters' carriers made millions of them (hundreds of MB of V8 heap).
 */
export class IntLists {
  private constructor(
    /** Values, key after key. */
    private readonly values: Int32Array,
    /** Key k's values are `values[bounds[k]] … values[bounds[k+1]]`. */
    private readonly bounds: Uint32Array,
  ) {}

  /**
   * The `count` pairs `(keyAt(i), valueAt(i))` grouped by key, leaving out those whose key is
   * negative. Each key's values keep the pairs' order, or with `sortedUnique` are ascending and
   * each once.
   */
  static build(
    keys: number,
    count: number,
    keyAt: (i: number) => number,
    valueAt: (i: number) => number,
    options: { sortedUnique?: boolean } = {},
  ): IntLists {
    const bounds = new Uint32Array(keys + 1);
    for (let i = 0; i < count; i += 1) {
      const key = keyAt(i);
      if (key >= 0) bounds[key + 1]! += 1;
    }
    for (let k = 0; k < keys; k += 1) bounds[k + 1]! += bounds[k]!;
    const next = bounds.slice(0, keys);
    const values = new Int32Array(bounds[keys]!);
    for (let i = 0; i < count; i += 1) {
      const key = keyAt(i);
      if (key >= 0) values[next[key]!++] = valueAt(i);
    }
    if (!options.sortedUnique) return new IntLists(values, bounds);
    // Sort each key's values and squeeze out repeats, moving the lists down as they shrink.
    let kept = 0;
    let start = 0;
    for (let k = 0; k < keys; k += 1) {
      const end = bounds[k + 1]!;
      const list = values.subarray(start, end).sort();
      bounds[k] = kept;
      // Writes land at or below the value being read (kept ≤ start + j), never ahead of it.
      let previous = -1;
      for (let j = 0; j < list.length; j += 1) {
        const value = list[j]!;
        if (j > 0 && value === previous) continue;
        values[kept++] = value;
        previous = value;
      }
      start = end;
    }
    bounds[keys] = kept;
    return new IntLists(values.slice(0, kept), bounds);
  }

  /** Key k's values (a view: do not keep it past the lists). */
  of(key: number): Int32Array {
    if (key + 1 >= this.bounds.length) return this.values.subarray(0, 0);
    return this.values.subarray(this.bounds[key]!, this.bounds[key + 1]!);
  }
}
