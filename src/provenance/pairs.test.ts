import { describe, expect, it } from 'vitest';
import { countPairs, type CountedPair, type PairSightings } from './pairs.js';

/** Sightings of a fixed list, as many times as asked: how the reuse index reads its postings. */
function sightingsOf(list: ReadonlyArray<readonly [number, number]>): PairSightings {
  return (see) => {
    for (const [x, y] of list) see(x, y);
  };
}

/** The cursor is one object reused: copy each pair to keep it. */
const read = (pairs: Iterable<CountedPair>): CountedPair[] => Array.from(pairs, (p) => ({ ...p }));

/** Counting by a Map of strings, to check against. */
function countedByMap(list: ReadonlyArray<readonly [number, number]>): CountedPair[] {
  const counts = new Map<string, number>();
  for (const [x, y] of list) {
    if (x === y) continue;
    const key = `${Math.min(x, y)} ${Math.max(x, y)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]) => {
      const [a, b] = key.split(' ').map(Number) as [number, number];
      return { a, b, count };
    })
    .sort((p, q) => p.a - q.a || p.b - q.b);
}

describe('countPairs', () => {
  it('counts unordered pairs, drops self-pairs, and orders them by (a, b)', () => {
    const list = [
      [3, 1],
      [1, 3],
      [2, 2],
      [5, 4],
      [1, 3],
      [2 ** 25, 2 ** 26 - 1],
    ] as const;
    const pairs = countPairs(sightingsOf(list), 2 ** 26);
    expect(read(pairs)).toEqual([
      { a: 1, b: 3, count: 3 },
      { a: 4, b: 5, count: 1 },
      { a: 2 ** 25, b: 2 ** 26 - 1, count: 1 },
    ]);
    expect(pairs.length).toBe(3);
    // Readable again.
    expect(read(pairs)).toHaveLength(3);
  });

  it('gives the same counts whatever the buffer, however many partitions that takes', () => {
    const list: Array<[number, number]> = [];
    for (let i = 0; i < 20_000; i += 1) list.push([(i * 7919) % 613, (i * 104729) % 997]);
    const expected = countedByMap(list);
    expect(expected.length).toBeGreaterThan(5_000);
    for (const bufferPairs of [1, 100, 4_096, 1 << 20]) {
      let passes = 0;
      const counting: PairSightings = (see) => {
        passes += 1;
        sightingsOf(list)(see);
      };
      const pairs = countPairs(counting, 997, { bufferPairs });
      expect(read(pairs)).toEqual(expected);
      expect(pairs.length).toBe(expected.length);
      // One pass to tally, then one per partition: a small buffer takes more of them, and a
      // buffer of one takes one per lower number (each gets a buffer of its own size).
      const lowerNumbers = new Set(expected.map((p) => p.a)).size;
      if (bufferPairs >= list.length) expect(passes).toBe(2);
      else if (bufferPairs === 1) expect(passes).toBe(1 + lowerNumbers);
      else expect(passes).toBeGreaterThanOrEqual(1 + Math.ceil(list.length / bufferPairs));
    }
  });

  it('gives a number seen more often than the buffer holds a buffer of its own', () => {
    // Every sighting has 7 as its lower number: no partition can be smaller than all of them.
    const list: Array<[number, number]> = [];
    for (let i = 0; i < 500; i += 1) list.push([7, 8 + (i % 40)]);
    expect(read(countPairs(sightingsOf(list), 50, { bufferPairs: 16 }))).toEqual(
      countedByMap(list),
    );
  });

  it('counts nothing from no sightings', () => {
    const pairs = countPairs(sightingsOf([]), 10);
    expect(pairs.length).toBe(0);
    expect(read(pairs)).toEqual([]);
  });
});
