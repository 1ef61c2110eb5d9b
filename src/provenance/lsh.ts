import { mix32 } from './hash.js';

/**
 * LSH banding over MinHash signatures (Indyk & Motwani 1998; Leskovec, Rajaraman & Ullman,
 * "Mining of Massive Datasets", ch. 3): cut a signature of b·r values into b bands of r rows and
 * hash each band; documents whose signatures agree on a whole band become a candidate pair. The
 * chance of that is 1 − (1 − J^r)^b for Jaccard similarity J: an S-curve that rises steeply
 * around J ≈ (1/b)^(1/r), so near-duplicates meet and unrelated documents almost never do.
 *
 * This finds near-duplicate *documents* only. Two long articles that share one 60-word quote
 * have a whole-document Jaccard of a few per cent, far below any usable threshold; shared
 * *passages* are found by the winnowing index (winnow.ts) instead.
 */
export interface Banding {
  readonly bands: number;
  readonly rows: number;
}

/** Probability that a pair with Jaccard similarity `jaccard` shares at least one band. */
export function candidateProbability(jaccard: number, { bands, rows }: Banding): number {
  return 1 - (1 - jaccard ** rows) ** bands;
}

/** The similarity at which the S-curve is steepest: roughly where detection becomes likely. */
export function bandingThreshold({ bands, rows }: Banding): number {
  return (1 / bands) ** (1 / rows);
}

/**
 * One index key per band: a primary and a check hash of (band number, the band's r values).
 * Folding in the band number keeps band 3's values from meeting band 7's identical values.
 */
export function bandKeys(
  signature: Uint32Array,
  { bands, rows }: Banding,
  primary: Uint32Array,
  check: Uint32Array,
): void {
  if (signature.length < bands * rows) {
    throw new RangeError(
      `a ${signature.length}-value signature cannot fill ${bands}×${rows} bands`,
    );
  }
  for (let band = 0; band < bands; band += 1) {
    let a = mix32(band + 0x3c6ef372);
    let b = mix32(band ^ 0xa54ff53a);
    for (let row = 0; row < rows; row += 1) {
      const v = signature[band * rows + row]!;
      a = mix32(a ^ v);
      b = Math.imul(b + v, 0x9e3779b1);
      b ^= b >>> 15;
    }
    primary[band] = a;
    check[band] = mix32(b);
  }
}
