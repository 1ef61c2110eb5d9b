import { seededRandom } from './hash.js';

/**
 * Broder's MinHash (1997): for each of N random hash functions keep the smallest hash over a
 * document's shingles; the chance that two documents agree at one position equals the Jaccard
 * similarity of their shingle sets, so the share of agreeing positions estimates it.
 *
 * Hand-written (~60 lines) because the npm MinHash/LSH packages are unmaintained, hash with
 * strings or BigInts, and keep every signature in a JS object in memory; here a signature is a
 * Uint32Array and the caller decides what to keep.
 *
 * Each "permutation" is a universal hash h(x) = (a·x + b) mod p with p the Mersenne prime 2³¹−1
 * (Carter & Wegman). With a < 2²² and x, b < 2³¹ the product a·x + b < 2⁵³ is exact in a double,
 * and reducing modulo a Mersenne prime is a shift and an add, so no BigInt is needed. Restricting
 * a to 22 bits trades a little of the family's size for 3× speed (measured: 65 µs against 200 µs per
 * 330-shingle document with a split 31-bit multiply); the estimates stay within the binomial error.
 */
export const MERSENNE_31 = 2147483647;
const TWO_POW_31 = 2147483648;
const INVERSE_TWO_POW_31 = 1 / TWO_POW_31;
const MAX_MULTIPLIER = 2 ** 22 - 2;

export class MinHasher {
  readonly permutations: number;
  private readonly multipliers: Float64Array;
  private readonly offsets: Float64Array;
  private readonly minima: Float64Array;

  constructor(permutations: number, seed = 0x5eed) {
    if (!Number.isInteger(permutations) || permutations < 1) {
      throw new RangeError(
        `MinHash needs a positive whole number of permutations, not ${permutations}`,
      );
    }
    this.permutations = permutations;
    const random = seededRandom(seed);
    this.multipliers = new Float64Array(permutations);
    this.offsets = new Float64Array(permutations);
    for (let i = 0; i < permutations; i += 1) {
      this.multipliers[i] = 1 + Math.floor(random() * MAX_MULTIPLIER);
      this.offsets[i] = Math.floor(random() * MERSENNE_31);
    }
    this.minima = new Float64Array(permutations);
  }

  /**
   * The signature of a shingle set (duplicates are harmless). An empty set gets all-p, which
   * never equals a real minimum, so empty documents do not look alike.
   */
  signature(
    shingles: Uint32Array,
    into: Uint32Array = new Uint32Array(this.permutations),
  ): Uint32Array {
    const { multipliers, offsets, minima, permutations } = this;
    minima.fill(MERSENNE_31);
    for (let s = 0; s < shingles.length; s += 1) {
      const x = shingles[s]! % MERSENNE_31;
      for (let i = 0; i < permutations; i += 1) {
        let v = multipliers[i]! * x + offsets[i]!;
        const high = Math.floor(v * INVERSE_TWO_POW_31);
        v = v - high * TWO_POW_31 + high;
        if (v >= MERSENNE_31) v -= MERSENNE_31;
        if (v < minima[i]!) minima[i] = v;
      }
    }
    for (let i = 0; i < permutations; i += 1) into[i] = minima[i]!;
    return into;
  }
}

/** The share of positions where two signatures agree: an unbiased estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('MinHash signatures of different lengths');
  let equal = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i] && a[i] !== MERSENNE_31) equal += 1;
  return a.length === 0 ? 0 : equal / a.length;
}
