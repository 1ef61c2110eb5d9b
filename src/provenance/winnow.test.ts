import { describe, expect, it } from 'vitest';
import { seededRandom } from './hash.js';
import { winnow } from './winnow.js';

function randomHashes(length: number, random: () => number): Uint32Array {
  return Uint32Array.from({ length }, () => Math.floor(random() * 2 ** 32));
}

describe('winnow', () => {
  it('guarantees a shared fingerprint for every shared run of a whole window', () => {
    const random = seededRandom(99);
    const window = 16;
    for (let trial = 0; trial < 200; trial += 1) {
      const shared = randomHashes(window + Math.floor(random() * 10), random);
      const a = Uint32Array.from([
        ...randomHashes(50, random),
        ...shared,
        ...randomHashes(40, random),
      ]);
      const b = Uint32Array.from([
        ...randomHashes(7, random),
        ...shared,
        ...randomHashes(90, random),
      ]);
      const keptA = new Set(Array.from(winnow(a, window), (p) => a[p]));
      const keptB = Array.from(winnow(b, window), (p) => b[p]);
      expect(keptB.some((h) => keptA.has(h))).toBe(true);
    }
  });

  it('keeps about 2/(w+1) of the hashes of random text, in increasing positions', () => {
    const hashes = randomHashes(100_000, seededRandom(5));
    const kept = winnow(hashes, 16);
    expect(kept.length / hashes.length).toBeGreaterThan(0.9 * (2 / 17));
    expect(kept.length / hashes.length).toBeLessThan(1.1 * (2 / 17));
    for (let i = 1; i < kept.length; i += 1) expect(kept[i]).toBeGreaterThan(kept[i - 1]!);
  });

  it('keeps the minimum of a text shorter than one window, and nothing of an empty one', () => {
    expect([...winnow(Uint32Array.from([9, 4, 7]), 16)]).toEqual([1]);
    expect(winnow(new Uint32Array(0), 16)).toHaveLength(0);
  });

  it('keeps a tied minimum while it stays in the window, then the rightmost (robust winnowing)', () => {
    expect([...winnow(Uint32Array.from([3, 1, 1, 1, 5, 6]), 3)]).toEqual([2, 3]);
    expect([...winnow(Uint32Array.from([1, 1, 1, 1, 1, 1]), 3)]).toEqual([2, 5]);
  });
});
