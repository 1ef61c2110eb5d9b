import { describe, expect, it } from 'vitest';
import { seededRandom } from './hash.js';
import { PairCounter } from './pairs.js';
import { PostingTable } from './postings.js';

const groupsOf = (table: PostingTable): number[][] =>
  [...table.groups()].map((g) => [...g]).sort((x, y) => x[0]! - y[0]! || x.length - y.length);

describe('PostingTable', () => {
  it('groups documents sharing both halves of a key, in every hash range', () => {
    const table = new PostingTable();
    table.add(0xffff0001, 7, 1);
    table.add(0xffff0001, 7, 4);
    table.add(0xffff0001, 8, 5); // same primary, other check: not the same key
    table.add(0x00000002, 1, 2);
    table.add(0x00000002, 1, 3);
    table.add(0x00000002, 1, 3); // one document counts once
    table.add(0x80000000, 9, 6); // alone
    expect(groupsOf(table)).toEqual([
      [1, 4],
      [2, 3],
    ]);
    expect(table.size).toBe(7);
  });

  it('agrees with a Map on many random postings spanning several chunks', () => {
    const random = seededRandom(1);
    const table = new PostingTable();
    const expected = new Map<string, Set<number>>();
    for (let i = 0; i < 1_200_000; i += 1) {
      const primary = Math.floor(random() * 2 ** 32);
      const key = i % 1000 === 0 ? 12345 : primary; // one popular key, the rest mostly unique
      const document = Math.floor(random() * 50_000);
      table.add(key, 1, document);
      const set = expected.get(String(key)) ?? new Set<number>();
      set.add(document);
      expected.set(String(key), set);
    }
    const want = [...expected.values()]
      .filter((s) => s.size > 1)
      .map((s) => [...s].sort((x, y) => x - y))
      .sort((x, y) => x[0]! - y[0]! || x.length - y.length);
    expect(groupsOf(table)).toEqual(want);
  });
});

describe('PairCounter', () => {
  it('counts unordered pairs and drops self-pairs', () => {
    const pairs = new PairCounter();
    for (const [x, y] of [
      [3, 1],
      [1, 3],
      [2, 2],
      [5, 4],
      [1, 3],
      [2 ** 25, 2 ** 26 - 1],
    ] as const) {
      pairs.add(x, y);
    }
    expect(pairs.counted()).toEqual([
      { a: 1, b: 3, count: 3 },
      { a: 4, b: 5, count: 1 },
      { a: 2 ** 25, b: 2 ** 26 - 1, count: 1 },
    ]);
    expect(pairs.counted(2)).toEqual([{ a: 1, b: 3, count: 3 }]);
  });

  it('compacts to the same pairs and counts as counted, in typed arrays, once', () => {
    const fill = () => {
      const pairs = new PairCounter();
      for (let i = 0; i < 5000; i += 1) pairs.add((i * 7919) % 613, (i * 104729) % 997);
      return pairs;
    };
    const expected = fill().counted(2);
    const pairs = fill();
    const compacted = pairs.compacted(2);
    expect(compacted.length).toBe(expected.length);
    // The cursor is one object reused: copy each pair to keep it.
    expect(Array.from(compacted, (p) => ({ ...p }))).toEqual(expected);
    // Readable again, and the counter is spent.
    expect([...compacted].length).toBe(expected.length);
    expect(pairs.counted()).toEqual([]);
  });

  it('folds repeated sightings as it goes, with the same counts as counting at the end', () => {
    // 200 distinct pairs seen 60,000 times: the buffer folds many times and never needs to grow.
    const pairs = new PairCounter();
    const expected = new Map<number, number>();
    for (let i = 0; i < 60_000; i += 1) {
      const x = i % 20;
      const y = 20 + (Math.floor(i / 20) % 10);
      pairs.add(y, x);
      expected.set(x * 100 + y, (expected.get(x * 100 + y) ?? 0) + 1);
    }
    const counted = pairs.counted();
    expect(counted).toHaveLength(200);
    expect(counted.map((p) => [p.a * 100 + p.b, p.count])).toEqual(
      [...expected].sort(([a], [b]) => a - b),
    );
    // Still counting after being read.
    pairs.add(0, 20);
    expect(pairs.counted(2)[0]).toEqual({ a: 0, b: 20, count: expected.get(20)! + 1 });
  });
});
