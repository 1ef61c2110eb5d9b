import { describe, expect, it } from 'vitest';
import { seededRandom } from './hash.js';
import { estimateJaccard, MinHasher } from './minhash.js';
import { exactJaccard } from './similarity.js';

/** Two sets of random 32-bit values sharing `shared` of `size` elements each. */
function setsWithOverlap(size: number, shared: number, seed: number): [Uint32Array, Uint32Array] {
  const random = seededRandom(seed);
  const value = (): number => Math.floor(random() * 2 ** 32);
  const common = Array.from({ length: shared }, value);
  const a = Uint32Array.from([...common, ...Array.from({ length: size - shared }, value)]);
  const b = Uint32Array.from([...common, ...Array.from({ length: size - shared }, value)]);
  return [a, b];
}

describe('MinHash', () => {
  const hasher = new MinHasher(256, 7);

  it.each([
    [1000, 1000],
    [1000, 667], // J = 0.5
    [1000, 333], // J = 0.2
    [1000, 100], // J ≈ 0.05
    [1000, 0],
  ])('estimates Jaccard within 3σ of the exact value (%i elements, %i shared)', (size, shared) => {
    const [a, b] = setsWithOverlap(size, shared, size + shared);
    const exact = exactJaccard(a, b);
    const estimate = estimateJaccard(hasher.signature(a), hasher.signature(b));
    // The estimate is binomial: standard error √(J(1−J)/k) for k permutations.
    const sigma = Math.sqrt((exact * (1 - exact)) / hasher.permutations);
    expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(3 * sigma + 1 / hasher.permutations);
  });

  it('ignores order and duplicates: a signature is of the set', () => {
    const [a] = setsWithOverlap(200, 0, 3);
    const shuffled = Uint32Array.from([...a].reverse().concat([...a].slice(0, 50)));
    expect(hasher.signature(shuffled)).toEqual(hasher.signature(a));
  });

  it('does not call two empty documents alike', () => {
    const empty = new Uint32Array(0);
    expect(estimateJaccard(hasher.signature(empty), hasher.signature(empty))).toBe(0);
  });

  it('is reproducible from its seed and differs across seeds', () => {
    const [a] = setsWithOverlap(100, 0, 11);
    expect(new MinHasher(64, 1).signature(a)).toEqual(new MinHasher(64, 1).signature(a));
    expect(new MinHasher(64, 2).signature(a)).not.toEqual(new MinHasher(64, 1).signature(a));
  });

  it('rejects a nonsensical number of permutations', () => {
    expect(() => new MinHasher(0)).toThrow(RangeError);
  });
});
