import { describe, expect, it } from 'vitest';
import { bandingThreshold, bandKeys, candidateProbability } from './lsh.js';

describe('LSH banding', () => {
  const banding = { bands: 25, rows: 5 };

  it('has the S-curve the defaults are chosen for', () => {
    expect(bandingThreshold(banding)).toBeCloseTo(0.525, 2);
    expect(candidateProbability(0.7, banding)).toBeGreaterThan(0.98);
    expect(candidateProbability(0.3, banding)).toBeLessThan(0.07);
    expect(candidateProbability(0.03, banding)).toBeLessThan(1e-6);
  });

  it('gives equal band keys exactly where signatures agree on a whole band', () => {
    const small = { bands: 3, rows: 2 };
    const keys = (signature: number[]) => {
      const primary = new Uint32Array(3);
      const check = new Uint32Array(3);
      bandKeys(Uint32Array.from(signature), small, primary, check);
      return [...primary].map((p, i) => `${p}:${check[i]}`);
    };
    const a = keys([1, 2, 3, 4, 5, 6]);
    const b = keys([1, 2, 3, 9, 5, 6]);
    expect(a.map((k, i) => k === b[i])).toEqual([true, false, true]);
    // The same values in another band are another key.
    expect(keys([1, 2, 1, 2, 1, 2]).every((k, _, all) => k === all[0])).toBe(false);
  });

  it('refuses a signature too short for its bands', () => {
    const out = new Uint32Array(25);
    expect(() => bandKeys(new Uint32Array(10), banding, out, out)).toThrow(RangeError);
  });
});
