/**
 * Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two shingle-hash sets (duplicates ignored). Used to
 * score verified pairs, where both texts are at hand and an estimate would only add noise.
 */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  const { shared, union } = overlap(a, b);
  return union === 0 ? 0 : shared / union;
}

/** Sizes of the intersection and union of two hash sets, by merging sorted unique copies. */
export function overlap(a: Uint32Array, b: Uint32Array): { shared: number; union: number } {
  const x = sortedUnique(a);
  const y = sortedUnique(b);
  return overlapOfSortedUnique(x, y);
}

export function overlapOfSortedUnique(
  x: Uint32Array,
  y: Uint32Array,
): { shared: number; union: number } {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const u = x[i]!;
    const v = y[j]!;
    if (u === v) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (u < v) i += 1;
    else j += 1;
  }
  return { shared, union: x.length + y.length - shared };
}

export function sortedUnique(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  }
  return sorted.subarray(0, n);
}
