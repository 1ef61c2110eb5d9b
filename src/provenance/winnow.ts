/**
 * Winnowing (Schleimer, Wilkerson & Aiken, "Winnowing: local algorithms for document
 * fingerprinting", SIGMOD 2003): slide a window of `window` consecutive shingle hashes over a
 * document and keep the smallest hash of each window. Ties follow the paper's robust winnowing: keep
 * the hash already chosen while it is in the window, else the rightmost minimum, so that a run of
 * repeated words ("no, no, no, no") yields one fingerprint per window, not one per word.
 *
 * Guarantee: two documents sharing a run of at least window + k − 1 words (k = shingle size) share
 * at least one kept fingerprint, because that run contains a whole window and both documents pick
 * the same minimum in it. With k = 5 and a window of 16 every shared 20-word passage is caught,
 * while only ~2/(window+1) ≈ 12% of shingles are indexed, which is what keeps a passage index of
 * a million documents inside a few hundred megabytes.
 *
 * Returns the positions (shingle indices) of the kept hashes, in increasing order.
 */
export function winnow(hashes: Uint32Array, window: number): Uint32Array {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`the winnowing window must be a positive whole number, not ${window}`);
  }
  const n = hashes.length;
  if (n === 0) return new Uint32Array(0);
  const kept: number[] = [];
  const lastWindowStart = Math.max(0, n - window);
  let minAt = -1;
  for (let start = 0; start <= lastWindowStart; start += 1) {
    const end = Math.min(n, start + window);
    if (minAt < start) {
      // The previous minimum slid out: rescan the window, preferring the rightmost minimum.
      minAt = start;
      for (let i = start + 1; i < end; i += 1) if (hashes[i]! <= hashes[minAt]!) minAt = i;
      kept.push(minAt);
    } else if (hashes[end - 1]! < hashes[minAt]!) {
      minAt = end - 1;
      kept.push(minAt);
    }
  }
  return Uint32Array.from(kept);
}
